using System.Globalization;
using ZeroGo.Go;

namespace ZeroGo.Gtp.Commands;

/// <summary>
/// Read-only questions about the position, with GNU Go's meanings: is_legal, all_legal, list_stones and captures
/// (stones captured <em>by</em> the colour). Vertex lists run row by row from the top-left, as GNU Go prints them.
/// </summary>
public sealed class QueryCommands : IGtpCommandSet
{
    public void Register(GtpCommandTable table)
    {
        table.Add("is_legal", call =>
        {
            call.ExpectArguments(2);
            var color = call.Color(0);
            var move = VertexOrOffBoard(call, 1);
            return move is { } m && call.Session.State.IsLegal(color, m) ? "1" : "0";
        });
        table.Add("all_legal", call =>
        {
            call.ExpectArguments(1);
            var color = call.Color(0);
            return call.FormatPoints(call.Session.State.LegalPoints(color));
        });
        table.Add("list_stones", call =>
        {
            call.ExpectArguments(1);
            var color = call.Color(0);
            var board = call.Session.State.Board;
            return call.FormatPoints(call.Session.Geometry.Points.Where(point => board[point] == color));
        });
        table.Add("captures", call =>
        {
            call.ExpectArguments(1);
            var color = call.Color(0);
            return call.Session.State.Board.CapturesBy(color).ToString(CultureInfo.InvariantCulture);
        });
        table.Add("last_move", call =>
        {
            call.ExpectArguments(0);
            var moves = call.Session.State.Moves;
            return moves.Count == 0
                ? throw new Protocol.GtpException("no previous move known")
                : $"{(moves[^1].Color == Color.Black ? "black" : "white")} {call.FormatMove(moves[^1].Move)}";
        });
    }

    /// <summary>A vertex on this board, or null for a well-formed vertex off it (which is simply not legal).</summary>
    private static Move? VertexOrOffBoard(GtpCall call, int index)
    {
        try
        {
            return call.Vertex(index);
        }
        catch (Protocol.GtpException e) when (e.Message == Protocol.GtpException.Messages.IllegalMove)
        {
            return null;
        }
    }
}
