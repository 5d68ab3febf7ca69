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
}
