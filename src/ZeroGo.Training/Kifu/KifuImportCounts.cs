using System.Globalization;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Kifu;

/// <summary>How many games were read, kept and skipped (by reason, with the first example of each).</summary>
public sealed class KifuImportCounts
{
    private readonly SortedDictionary<string, (int Count, string Example)> _skipped = new(StringComparer.Ordinal);

    public int Read { get; private set; }

    public int Kept { get; private set; }

    /// <summary>Kept games whose result gives no value target (time, disconnection, no result).</summary>
    public int WithoutValue { get; private set; }

    /// <summary>Games whose ID has no index row (no result, default komi).</summary>
    public int WithoutIndexRow { get; private set; }

    public int Positions { get; private set; }

    public int Skipped => Read - Kept;

    /// <summary>Skipped games per kind of reason ("illegal move (superko)"), with the first example.</summary>
    public IReadOnlyDictionary<string, (int Count, string Example)> SkippedByReason => _skipped;

    public void Keep(KifuGame game, GameRecord record)
    {
        Read++;
        Kept++;
        Positions += record.Moves.Count;
        WithoutValue += record.NoValueTarget ? 1 : 0;
        WithoutIndexRow += game.Row is null ? 1 : 0;
    }

    public void Skip(KifuGame game, string reason)
    {
        Read++;
        WithoutIndexRow += game.Row is null ? 1 : 0;
        string kind = Kind(reason);
        var (count, example) = _skipped.GetValueOrDefault(kind, (0, $"{game.Where} id {game.Id}: {reason}"));
        _skipped[kind] = (count + 1, example);
    }

    /// <summary>One line: "400 games read, 399 kept (83,210 positions; 12 without a value target), 1 skipped: 1 illegal move (superko), e.g. ...".</summary>
    public string Summary()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Read} games read, {Kept} kept ({Positions} positions; {WithoutValue} without a value target");
        text += WithoutIndexRow > 0 ? $"; {WithoutIndexRow} without an index row)" : ")";
        text += $", {Skipped} skipped";
        if (_skipped.Count > 0)
        {
            text += ": " + string.Join("; ", _skipped.Select(s => $"{s.Value.Count} {s.Key}, e.g. {s.Value.Example}"));
        }

        return text;
    }

    /// <summary>The reason without its move number and point, so that like reasons are counted together.</summary>
    private static string Kind(string reason)
    {
        int open = reason.IndexOf(" is ", StringComparison.Ordinal);
        return open >= 0 && reason.StartsWith("move ", StringComparison.Ordinal) ? "move" + reason[open..] : reason;
    }
}
