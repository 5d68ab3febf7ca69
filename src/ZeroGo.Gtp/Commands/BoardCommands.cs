using System.Globalization;
using System.Text;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>Board set-up and display: boardsize (square and rectangular), clear_board, komi, showboard.</summary>
public sealed class BoardCommands : IGtpCommandSet
{
    private const string ColumnLetters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    public void Register(GtpCommandTable table)
    {
        table.Add("boardsize", BoardSize);
        table.Add("rectangular_boardsize", RectangularBoardSize);
        table.Add("query_boardsize", call =>
        {
            call.ExpectArguments(0);
            var geometry = call.Session.Geometry;
            return geometry.IsSquare
                ? geometry.Width.ToString(CultureInfo.InvariantCulture)
                : $"{geometry.Width} {geometry.Height}";
        });
        table.Add("clear_board", call =>
        {
            call.ExpectArguments(0);
            call.Session.ClearBoard();
            return "";
        });
        table.Add("komi", call =>
        {
            call.ExpectArguments(1);
            double komi = call.Float(0);
            if (Math.Abs(komi) > 10_000)
            {
                throw GtpException.SyntaxError();
            }

            call.Session.SetKomi(komi);
            return "";
        });
        table.Add("get_komi", call =>
        {
            call.ExpectArguments(0);
            return call.Session.Rules.Komi.ToString("0.###", CultureInfo.InvariantCulture);
        });
        table.Add("showboard", call =>
        {
            call.ExpectArguments(0);
            return "\n" + Draw(call.Session.State);
        });
    }

    /// <summary><c>boardsize N</c>, or for rectangles <c>boardsize W H</c> / <c>boardsize W:H</c>.</summary>
    private static string BoardSize(GtpCall call)
    {
        call.ExpectArguments(1, 2);
        int width, height;
        if (call.Arguments.Count == 2)
        {
            width = call.Int(0);
            height = call.Int(1);
        }
        else if (call.Argument(0).Contains(':'))
        {
            var parts = call.Argument(0).Split(':');
            if (parts.Length != 2 || !TryParseSize(parts[0], out width) || !TryParseSize(parts[1], out height))
            {
                throw GtpException.SyntaxError();
            }
        }
        else
        {
            width = height = call.Int(0);
        }

        return SetSize(call, width, height);
    }

    /// <summary>KataGo's <c>rectangular_boardsize W H</c>.</summary>
    private static string RectangularBoardSize(GtpCall call)
    {
        call.ExpectArguments(2);
        return SetSize(call, call.Int(0), call.Int(1));
    }

    private static string SetSize(GtpCall call, int width, int height)
    {
        if (!BoardGeometry.IsValidSize(width, height))
        {
            throw new GtpException(GtpException.Messages.UnacceptableSize);
        }

        call.Session.SetBoardSize(width, height);
        return "";
    }

    private static bool TryParseSize(string text, out int size) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out size);

    /// <summary>Corner star points, plus the centre on odd boards from 9x9 and the sides from 15x15 (as boards are printed).</summary>
    private static HashSet<Point> StarPoints(BoardGeometry geometry)
    {
        int max = Handicap.MaxFixed(geometry);
        if (max < 4)
        {
            return [];
        }

        var stars = new HashSet<Point>(Handicap.FixedPoints(geometry, 4));
        if (max == 9)
        {
            var all = Handicap.FixedPoints(geometry, 9);
            stars.Add(all[^1]); // the centre comes last in the specification's order
            if (geometry.Width >= 15)
            {
                stars.UnionWith(all);
            }
        }

        return stars;
    }

    /// <summary>The board as GNU Go shows it: X black, O white, + star points, captures beside the last rows.</summary>
    public static string Draw(GameState state)
    {
        var geometry = state.Geometry;
        var board = state.Board;
        var stars = StarPoints(geometry);
        string letters = "   " + string.Join(' ', ColumnLetters[..geometry.Width].ToCharArray());
        var text = new StringBuilder();
        text.Append(letters).Append('\n');
        for (int row = 0; row < geometry.Height; row++)
        {
            int label = geometry.Height - row;
            text.Append(label.ToString(CultureInfo.InvariantCulture).PadLeft(2));
            for (int column = 0; column < geometry.Width; column++)
            {
                var point = geometry.PointAt(column, row);
                char mark = board[point] switch
                {
                    Color.Black => 'X',
                    Color.White => 'O',
                    _ => stars.Contains(point) ? '+' : '.',
                };
                text.Append(' ').Append(mark);
            }

            text.Append(' ').Append(label.ToString(CultureInfo.InvariantCulture));
            if (row == geometry.Height - 2 || (geometry.Height == 1 && row == 0))
            {
                text.Append($"     WHITE (O) has captured {board.WhiteCaptures} stones");
            }
            else if (row == geometry.Height - 1)
            {
                text.Append($"     BLACK (X) has captured {board.BlackCaptures} stones");
            }

            text.Append('\n');
        }

        text.Append(letters).Append('\n');
        text.Append($"   {state.ToMove.ToString().ToLowerInvariant()} to move, {state.Rules}");
        if (state.Moves.Count > 0)
        {
            text.Append($", last move {state.Moves[^1].Color.Letter()} {GtpVertex.Format(state.Moves[^1].Move, geometry)}");
        }

        return text.ToString();
    }
}
