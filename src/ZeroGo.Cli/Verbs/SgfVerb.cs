using System.CommandLine;
using ZeroGo.Formats.Sgf;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo sgf FILE [--strict]</c>: a one-screen summary of a game record. Exit codes: 0 read cleanly,
/// 2 read with repaired syntax or illegal moves (tolerant mode), 1 not readable (or refused by --strict).
/// </summary>
internal static class SgfVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The SGF file to read." };
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse damaged syntax and illegal moves instead of repairing and warning.",
        };
        var command = new Command("sgf", "Summarise an SGF game record: players, result, board, rules, moves, warnings.")
        {
            file, strict,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            bool isStrict = parse.GetValue(strict);
            try
            {
                var game = SgfGame.Load(path, isStrict ? SgfReadOptions.StrictMode : SgfReadOptions.Tolerant);
                var summary = SgfSummary.Describe(game, path);
                foreach (var line in summary.Lines)
                {
                    Console.WriteLine(line);
                }

                if (summary.HasSeriousProblems)
                {
                    return UsageError.Report("sgf", "the record has problems (see warnings); --strict refuses such files");
                }

                return 0;
            }
            catch (SgfException e)
            {
                Console.Error.WriteLine($"zerogo sgf: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
