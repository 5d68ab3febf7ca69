using ZeroGo.Formats;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Tests;

/// <summary>Positions built from GTP vertex lists, for rendering and screen tests.</summary>
internal static class TestPositions
{
    public static GameState Play(int size, string moves) => Play(BoardGeometry.Get(size), moves);

    public static GameState Play(BoardGeometry geometry, string moves)
    {
        var state = new GameState(geometry);
        foreach (var vertex in moves.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(GtpVertex.TryParse(vertex, geometry, out var move), $"bad vertex {vertex}");
            state.Play(move);
        }

        return state;
    }

    public static Point At(GameState state, string vertex)
    {
        Assert.True(GtpVertex.TryParse(vertex, state.Geometry, out var move));
        return move.Point;
    }
}
