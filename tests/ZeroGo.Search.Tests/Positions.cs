using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>Games set up from text diagrams (X black, O white, . empty; top row first).</summary>
internal static class Positions
{
    public static GameState FromDiagram(Color toMove, double komi, params string[] rows)
    {
        var cells = rows.Select(r => r.Replace(" ", "")).ToArray();
        var geometry = BoardGeometry.Get(cells[0].Length, cells.Length);
        var state = new GameState(geometry, Rules.Default with { Komi = komi });
        var black = new List<Point>();
        var white = new List<Point>();
        for (int row = 0; row < cells.Length; row++)
        {
            for (int column = 0; column < cells[row].Length; column++)
            {
                if (cells[row][column] == 'X')
                {
                    black.Add(geometry.PointAt(column, row));
                }
                else if (cells[row][column] == 'O')
                {
                    white.Add(geometry.PointAt(column, row));
                }
            }
        }

        state.ApplySetup(black, white, []);
        state.SetToMove(toMove);
        return state;
    }

    public static Move At(GameState state, int column, int row) => Move.At(state.Geometry.PointAt(column, row));

    public static string Name(GameState state, Move move) =>
        move.IsPlay ? $"({state.Geometry.ColumnOf(move.Point)},{state.Geometry.RowOf(move.Point)})" : move.ToString();

    /// <summary>Black to capture a white chain in atari at (3,3); capturing wins, letting White connect loses (komi 5.5).</summary>
    public static GameState CaptureOrConnect(Color toMove) => FromDiagram(toMove, 5.5,
        ". . . X . . .",
        ". . X O X . .",
        "X X X O X X X",
        "X X X . X X X",
        "O O O O O O O",
        ". . . . . . .",
        ". . . . . . .");
}
