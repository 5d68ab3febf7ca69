using ZeroGo.Gtp;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Cli.Engine;

/// <summary>
/// For a network that plays one board size only (Leela Zero: 19x19): wraps every command that changes the board's
/// size (boardsize, rectangular_boardsize, loadsgf) so that a size the network cannot play is refused with a clear
/// GTP error and the game stays as it was. Register it after the built-in commands.
/// </summary>
public sealed class FixedBoardSizeGuard(int size, string networkName) : IGtpCommandSet
{
    private static readonly string[] SizeChangingCommands = ["boardsize", "rectangular_boardsize", "loadsgf"];

    public void Register(GtpCommandTable table)
    {
        foreach (string name in SizeChangingCommands)
        {
            if (table.TryGet(name, out var command))
            {
                var inner = command.Handler;
                table.Replace(name, call => Guarded(call, inner), command.IsStreaming);
            }
        }
    }

    private string Guarded(GtpCall call, GtpHandler inner)
    {
        var before = call.Session.State;
        string answer = inner(call);
        var geometry = call.Session.Geometry;
        if (geometry.Width == size && geometry.Height == size)
        {
            return answer;
        }

        if (!ReferenceEquals(call.Session.State, before))
        {
            call.Session.LoadState(before); // the command succeeded on its own terms: undo it before refusing
        }

        string why = $"{networkName} plays {size}x{size} only";
        throw new GtpException(call.Name.Equals("loadsgf", StringComparison.OrdinalIgnoreCase)
            ? $"cannot load file: the game is {geometry} and {why}"
            : $"{GtpException.Messages.UnacceptableSize} ({why})");
    }
}
