using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// Everything the search needs about the root that the tree does not hold: the board, side to move, rules,
/// the earlier boards and moves the evaluator reads, and the positions superko forbids. Read-only during a
/// search, so every worker thread reads it without locking.
/// </summary>
internal sealed class RootPosition
{
    public RootPosition(GameState state, int historyLength, int recentMoveCapacity)
    {
        State = state.Clone();
        Board = state.Board.Clone();
        ToMove = state.ToMove;
        Rules = state.Rules;
        History = new Board[historyLength];
        for (int i = 0; i < historyLength; i++)
        {
            History[i] = new Board(state.Geometry);
        }

        HistoryCount = EvaluationRequestBuilder.CopyHistory(state, History);
        RecentMoves = new Move[recentMoveCapacity];
        RecentMoveCount = EvaluationRequestBuilder.CopyRecentMoves(state, RecentMoves);
        Repetitions = RepetitionSet.FromGame(state);
        // A root after two passes is searched as if the game went on (GTP may ask for a move there).
        Passes = (byte)Math.Min(state.ConsecutivePasses, 1);
    }

    /// <summary>A private copy of the game at the root (tree reuse compares the next position with it).</summary>
    public GameState State { get; }

    public Board Board { get; }

    public BoardGeometry Geometry => Board.Geometry;

    public Color ToMove { get; }

    public Rules Rules { get; }

    /// <summary>Boards before the root, most recent first.</summary>
    public Board[] History { get; }

    public int HistoryCount { get; }

    /// <summary>Moves before the root, most recent first.</summary>
    public Move[] RecentMoves { get; }

    public int RecentMoveCount { get; }

    public RepetitionSet Repetitions { get; }

    public byte Passes { get; }

    /// <summary>
    /// The moves that lead from this root to <paramref name="next"/> when <paramref name="next"/> continues
    /// the same game with alternating colours and the same rules; null otherwise (the tree cannot be reused).
    /// </summary>
    public List<Move>? MovesTo(GameState next)
    {
        var previous = State;
        if (!next.Geometry.Equals(previous.Geometry) || next.Rules != previous.Rules
            || next.Moves.Count < previous.Moves.Count
            || next.PositionHistory[0] != previous.PositionHistory[0]
            || next.PositionHistory[previous.Moves.Count] != Board.Hash)
        {
            return null;
        }

        for (int i = 0; i < previous.Moves.Count; i++)
        {
            if (next.Moves[i] != previous.Moves[i])
            {
                return null;
            }
        }

        var moves = new List<Move>();
        var color = ToMove;
        for (int i = previous.Moves.Count; i < next.Moves.Count; i++)
        {
            if (next.Moves[i].Color != color)
            {
                return null;
            }

            moves.Add(next.Moves[i].Move);
            color = color.Opponent();
        }

        return next.ToMove == color ? moves : null;
    }
}
