using System.Globalization;
using ZeroGo.Go;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// The one-screen description of a record that <c>zerogo sgf</c> prints: players, date, result, board, komi,
/// rules, moves, variations and the problems found (read and replay warnings of every line).
/// </summary>
public sealed class SgfSummary
{
    private const int MaxWarningsShown = 12;

    private SgfSummary(List<string> lines, IReadOnlyList<SgfWarning> warnings)
    {
        Lines = lines;
        Warnings = warnings;
    }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>Every warning (reading, interpreting, replaying all lines).</summary>
    public IReadOnlyList<SgfWarning> Warnings { get; }

    /// <summary>Damaged syntax or illegal moves were found (strict mode would have refused the file).</summary>
    public bool HasSeriousProblems => Warnings.Any(w => w.IsSerious);

    /// <summary>Replays every line (tolerant unless the game was read strictly, which then throws) and describes the game.</summary>
    public static SgfSummary Describe(SgfGame game, string? fileName = null)
    {
        var info = game.Info;
        var lines = new List<string>();
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                lines.Add($"{label + ":",-12}{value}");
            }
        }

        static string Player(string? name, string? rank) =>
            (name ?? "?") + (string.IsNullOrWhiteSpace(rank) ? "" : $" ({rank})");

        Line("file", fileName);
        Line("game", info.GameName);
        Line("black", Player(info.PlayerBlack, info.BlackRank));
        Line("white", Player(info.PlayerWhite, info.WhiteRank));
        Line("date", info.Date);
        Line("event", string.Join(", ", new[] { info.Event, info.Round, info.Place }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Line("result", info.Result ?? "(not given)");
        Line("board", game.SizeText);
        Line("komi", game.Rules.Komi.ToString("0.##", CultureInfo.InvariantCulture) + (info.Komi is null ? " (no KM; default)" : ""));
        Line("rules", $"{info.Rules ?? "(not given)"}: {KoText(game.Rules.KoRule)}, suicide {(game.Rules.SuicideAllowed ? "allowed" : "forbidden")}");
        if (info.Handicap > 0)
        {
            Line("handicap", info.Handicap.ToString(CultureInfo.InvariantCulture));
        }

        Line("moves", $"{game.MoveCount} on the main line");
        Line("variations", $"{game.VariationCount} ({game.NodeCount} nodes)");
        Line("charset", game.Charset);
        if (game.GameCount > 1)
        {
            Line("games", $"{game.GameCount} in the file (this is the first)");
        }

        var warnings = new List<SgfWarning>(game.Warnings);
        if (game.IsSupportedSize)
        {
            warnings.AddRange(game.CheckAllLines());
            var final = game.FinalState(SgfReplayMode.Tolerant).State;
            var board = final.Board;
            double score = final.ScoreForBlack();
            Line("final", $"captures by B {board.BlackCaptures}, by W {board.WhiteCaptures}; Tromp-Taylor count {GameState.FormatResult(score)}");
        }
        else
        {
            Line("final", $"not replayed: {game.SizeText} is beyond the engine's {BoardGeometry.MaxSize}x{BoardGeometry.MaxSize}");
        }

        if (warnings.Count == 0)
        {
            Line("warnings", "none");
        }
        else
        {
            Line("warnings", warnings.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var warning in warnings.Take(MaxWarningsShown))
            {
                lines.Add("  - " + warning);
            }

            if (warnings.Count > MaxWarningsShown)
            {
                lines.Add($"  … and {warnings.Count - MaxWarningsShown} more");
            }
        }

        return new SgfSummary(lines, warnings);
    }

    private static string KoText(KoRule rule) => rule switch
    {
        KoRule.Simple => "simple ko",
        KoRule.Situational => "situational superko",
        _ => "positional superko",
    };
}
