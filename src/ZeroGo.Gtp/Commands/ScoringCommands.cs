using System.Text;
using ZeroGo.Go;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>
/// final_score and final_status_list. The baseline engine has no life-and-death judgement, so the score is the
/// Tromp-Taylor count of the current position and every stone counts as alive (none dead, none in seki).
/// </summary>
public sealed class ScoringCommands : IGtpCommandSet
{
    public void Register(GtpCommandTable table)
    {
        table.Add("final_score", call =>
        {
            call.ExpectArguments(0);
            return GameState.FormatResult(call.Session.State.ScoreForBlack());
        });
        table.Add("final_status_list", call =>
        {
            call.ExpectArguments(1);
            return call.Argument(0).ToLowerInvariant() switch
            {
                "alive" => ChainsOneLineEach(call),
                "dead" or "seki" => "",
                _ => throw GtpException.SyntaxError(),
            };
        });
    }

    /// <summary>Every chain on its own line, as GNU Go lists the stones of one status.</summary>
    private static string ChainsOneLineEach(GtpCall call)
    {
        var board = call.Session.State.Board;
        var seen = new HashSet<Point>();
        var text = new StringBuilder();
        foreach (var point in call.Session.Geometry.Points)
        {
            if (board[point] is Color.Empty || !seen.Add(board.ChainHead(point)))
            {
                continue;
            }

            var stones = board.ChainStones(point).OrderBy(p => call.Session.Geometry.DenseIndex(p));
            text.Append(call.FormatPoints(stones)).Append('\n');
        }

        return text.ToString();
    }
}
