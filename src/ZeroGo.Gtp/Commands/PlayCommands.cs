using ZeroGo.Go;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>Moves: play, genmove, kgs-genmove_cleanup, reg_genmove (generate without playing, as in GNU Go), undo.</summary>
public sealed class PlayCommands : IGtpCommandSet
{
    public void Register(GtpCommandTable table)
    {
        table.Add("play", Play);
        table.Add("genmove", call =>
        {
            call.ExpectArguments(1);
            var color = call.Color(0);
            return call.FormatMove(call.Session.GenerateMove(color, call.Cancellation));
        });
        // KGS asks for this at the end of a game so dead stones get captured; the baseline plays on as usual.
        table.Add("kgs-genmove_cleanup", call =>
        {
            call.ExpectArguments(1);
            var color = call.Color(0);
            return call.FormatMove(call.Session.GenerateMove(color, call.Cancellation));
        });
        table.Add("reg_genmove", call =>
        {
            call.ExpectArguments(1);
            var color = call.Color(0);
            return call.FormatMove(call.Session.SuggestMove(color, call.Cancellation));
        });
        table.Add("undo", call =>
        {
            call.ExpectArguments(0);
            return call.Session.Undo() ? "" : throw new GtpException(GtpException.Messages.CannotUndo);
        });
    }

    /// <summary>
    /// <c>play COLOR VERTEX</c>: any colour may move (no turn order), moves after two passes are accepted (as in
    /// GNU Go), and anything the rules forbid (occupied, suicide, ko, superko) is "illegal move".
    /// </summary>
    private static string Play(GtpCall call)
    {
        call.ExpectArguments(2);
        var color = call.Color(0);
        var move = call.Vertex(1);
        return call.Session.Play(color, move) == MoveLegality.Legal ? "" : throw GtpException.IllegalMove();
    }
}
