using System.CommandLine;
using ZeroGo.Training.Prediction;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// The pair of options that names a collection of human games (<c>--kifu ARCHIVE_OR_FOLDER</c> or
/// <c>--sgf DIR</c>), shared by the verbs that read one so that they accept the same layouts and refuse the same way.
/// </summary>
internal sealed class HumanGamesOptions
{
    public Option<string?> Kifu { get; } = new("--kifu")
    {
        Description = "Kifu collection: the tygem-9d folder (kifu/*.zip + index/*.zip), tom-9d-heldout.tar.xz, or its unpacked tom/ folder.",
    };

    public Option<string?> Sgf { get; } = new("--sgf") { Description = "SGF file or folder (every .sgf below it, sorted by path)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Kifu);
        command.Options.Add(Sgf);
    }

    /// <summary>Why the parsed options name no single collection, or null when they do.</summary>
    public string? Problem(ParseResult parse) =>
        (parse.GetValue(Kifu) is null) == (parse.GetValue(Sgf) is null) ? "give exactly one of --kifu ARCHIVE_OR_FOLDER and --sgf DIR" : null;

    /// <summary>The first <paramref name="limit"/> games (all when null) of the collection named; call after <see cref="Problem"/>.</summary>
    public HumanGameSet Open(ParseResult parse, int? limit) =>
        parse.GetValue(Kifu) is { } kifu ? HumanGameSet.FromKifu(kifu, limit) : HumanGameSet.FromSgf(parse.GetValue(Sgf)!, limit);
}
