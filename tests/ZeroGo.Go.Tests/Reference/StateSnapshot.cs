using ZeroGo.Go;

namespace ZeroGo.Go.Tests.Reference;

/// <summary>Everything observable about a game position, captured so that undo can be checked to restore it exactly.</summary>
internal sealed record StateSnapshot(
    string Stones,
    ulong Hash,
    ulong SituationHash,
    int BlackCaptures,
    int WhiteCaptures,
    Point KoPoint,
    Color KoForbiddenColor,
    Color ToMove,
    int ConsecutivePasses,
    int MoveCount,
    int EmptyCount)
{
    public static StateSnapshot Of(GameState state)
    {
        var board = state.Board;
        return new StateSnapshot(
            StonesOf(board),
            board.Hash,
            state.SituationHash,
            board.BlackCaptures,
            board.WhiteCaptures,
            board.KoPoint,
            board.KoForbiddenColor,
            state.ToMove,
            state.ConsecutivePasses,
            state.Moves.Count,
            board.EmptyCount);
    }

    /// <summary>The stones as one character per point, row-major from the top-left ('.', 'X', 'O').</summary>
    public static string StonesOf(Board board)
    {
        var chars = new char[board.Geometry.Area];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = board[board.Geometry.FromDense(i)] switch
            {
                Color.Black => 'X',
                Color.White => 'O',
                Color.Empty => '.',
                _ => '?',
            };
        }

        return new string(chars);
    }

    /// <summary>The stones as a grid diagram for failure messages.</summary>
    public static string Diagram(string stones, int width) =>
        string.Join("\n", Enumerable.Range(0, stones.Length / width).Select(r => stones.Substring(r * width, width)));
}
