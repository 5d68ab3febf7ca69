using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>Builds positions from text diagrams (X black, O white, . empty; top row first) for readable tests.</summary>
internal static class BoardDiagram
{
    public static Board Parse(params string[] rows)
    {
        var geometry = BoardGeometry.Get(rows[0].Replace(" ", "").Length, rows.Length);
        var board = new Board(geometry);
        for (int row = 0; row < rows.Length; row++)
        {
            var cells = rows[row].Replace(" ", "");
            for (int column = 0; column < cells.Length; column++)
            {
                var color = cells[column] switch { 'X' => Color.Black, 'O' => Color.White, _ => Color.Empty };
                if (color != Color.Empty)
                {
                    board.PlaceSetupStone(geometry.PointAt(column, row), color);
                }
            }
        }

        return board;
    }

    public static string Render(Board board)
    {
        var g = board.Geometry;
        var lines = new List<string>();
        for (int row = 0; row < g.Height; row++)
        {
            var chars = new char[g.Width];
            for (int column = 0; column < g.Width; column++)
            {
                chars[column] = board.ColorAt(column, row) switch { Color.Black => 'X', Color.White => 'O', _ => '.' };
            }

            lines.Add(new string(chars));
        }

        return string.Join("\n", lines);
    }

    public static Point At(Board board, int column, int row) => board.Geometry.PointAt(column, row);

    /// <summary>A game whose starting position is the diagram (setup stones), with the given rules and player to move.</summary>
    public static GameState State(Rules rules, Color toMove, params string[] rows)
    {
        var board = Parse(rows);
        var geometry = board.Geometry;
        var state = new GameState(geometry, rules);
        if (toMove != Color.Black)
        {
            state.SetToMove(toMove);
        }

        state.ApplySetup(
            geometry.Points.Where(p => board[p] == Color.Black),
            geometry.Points.Where(p => board[p] == Color.White),
            []);
        return state;
    }

    /// <summary>A GTP vertex such as "D4" on the given board.</summary>
    public static Point Vertex(BoardGeometry geometry, string vertex) =>
        ZeroGo.Formats.GtpVertex.TryParse(vertex, geometry, out var move) && move.IsPlay
            ? move.Point
            : throw new ArgumentException($"'{vertex}' is not a vertex on {geometry}");

    /// <summary>A move at a GTP vertex.</summary>
    public static Move MoveAt(GameState state, string vertex) => Move.At(Vertex(state.Geometry, vertex));
}
