using ZeroGo.Go;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>
/// Leela Zero's <c>heatmap [SYMMETRY|average]</c>: the network's raw policy (per mille, 19 rows top row first),
/// <c>pass: N</c> and <c>winrate: X</c> for the side to move. leelaz prints it on stderr; ZeroGo answers it in the
/// GTP response, starting on the line after "=" so the rows line up (as GNU Go's showboard does).
/// <para>
/// The network lives in a higher layer, so whoever builds the server registers this set with the function that
/// computes the text, e.g. <c>table.Register(new HeatmapCommand((state, argument) =>
/// LeelaZeroHeatmap.Answer(evaluator, state, argument)))</c> (ZeroGo.Neural.LeelaZero; works for any IEvaluator).
/// That function throws <see cref="ArgumentException"/> for a bad argument, which becomes the GTP error.
/// </para>
/// </summary>
public sealed class HeatmapCommand(Func<GameState, string?, string> heatmap) : IGtpCommandSet
{
    public void Register(GtpCommandTable table)
    {
        table.Add("heatmap", call =>
        {
            call.ExpectArguments(0, 1);
            string? argument = call.Arguments.Count > 0 ? call.Argument(0) : null;
            try
            {
                return "\n" + heatmap(call.Session.State, argument);
            }
            catch (ArgumentException exception)
            {
                throw new GtpException(exception.Message);
            }
            catch (NotSupportedException exception)
            {
                throw new GtpException(exception.Message);
            }
        });
    }
}
