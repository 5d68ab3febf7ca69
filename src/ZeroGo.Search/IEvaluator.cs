using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// The search's only view of a network ("oracle"): position in, policy and value out. Implementations may be
/// called from many search threads at once and may block the caller until a batch has been evaluated.
/// The search never references TorchSharp; fakes implement this for tests.
/// </summary>
public interface IEvaluator
{
    /// <summary>How many earlier positions the evaluator reads from <see cref="EvaluationRequest.History"/> (0 if none).</summary>
    int HistoryLength { get; }

    /// <summary>A short description for logs and the board ("b6c64 network", "uniform").</summary>
    string Name { get; }

    /// <summary>
    /// Evaluates every request and fills the matching result (same index). Thread-safe; blocks until done.
    /// Each result's arrays are owned by the caller and sized for the request's board.
    /// </summary>
    void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results);
}

/// <summary>
/// One position to evaluate. The search reuses these objects between calls, so evaluators must copy what they
/// keep (a cache keys on <see cref="Key"/>, never on the object).
/// </summary>
public sealed class EvaluationRequest
{
    public EvaluationRequest(BoardGeometry geometry, int historyLength, int recentMoveCapacity = 8)
    {
        Board = new Board(geometry);
        History = new Board[historyLength];
        for (int i = 0; i < historyLength; i++)
        {
            History[i] = new Board(geometry);
        }

        RecentMoves = new Move[recentMoveCapacity];
        LegalMask = new bool[geometry.Area + 1];
    }

    /// <summary>The position to evaluate.</summary>
    public Board Board { get; }

    public BoardGeometry Geometry => Board.Geometry;

    public Color ToMove { get; set; }

    public Rules Rules { get; set; } = Rules.Default;

    /// <summary>Earlier positions, most recent first (History[0] is the position before the last move).</summary>
    public Board[] History { get; }

    /// <summary>How many entries of <see cref="History"/> hold real positions (fewer at the start of a game).</summary>
    public int HistoryCount { get; set; }

    /// <summary>The last moves, most recent first (passes included).</summary>
    public Move[] RecentMoves { get; }

    public int RecentMoveCount { get; set; }

    /// <summary>Legal moves for <see cref="ToMove"/> under the full rules (superko included), dense index, pass last.</summary>
    public bool[] LegalMask { get; }

    /// <summary>
    /// Identifies everything the evaluator reads: stones, side to move, ko/illegal points, the recent moves and
    /// history it uses, komi. Equal keys may share a cached evaluation.
    /// </summary>
    public ulong Key { get; set; }

    /// <summary>
    /// Asks for the evaluator's steadiest answer: the average over every symmetry of the board, where the evaluator
    /// looks through symmetries at all (8x the work; others ignore it). Set by displays of the network's own view
    /// (the board's policy, a replay's prior for the move played), so a figure a person reads does not change with
    /// a random draw; searches leave it off and average their random symmetries over many evaluations instead.
    /// </summary>
    public bool AllSymmetries { get; set; }
}

/// <summary>What an evaluator says about a position, always from the side to move's point of view.</summary>
public sealed class Evaluation
{
    public Evaluation(BoardGeometry geometry)
    {
        Policy = new float[geometry.Area + 1];
        Ownership = new float[geometry.Area];
    }

    /// <summary>Move probabilities over dense points, pass at index Area; zero on illegal moves; sums to 1.</summary>
    public float[] Policy { get; }

    /// <summary>Expected outcome for the side to move in [-1, 1] (win = 1, loss = -1, draw = 0).</summary>
    public float ValueForSideToMove { get; set; }

    /// <summary>Probability of a draw (integral komi), when the evaluator predicts it; else 0.</summary>
    public float DrawProbability { get; set; }

    /// <summary>Expected final score lead of the side to move, in points (0 when not predicted).</summary>
    public float ScoreLeadForSideToMove { get; set; }

    /// <summary>Per-point ownership in [-1, 1], +1 = the side to move owns it (dense order).</summary>
    public float[] Ownership { get; }

    /// <summary>False for evaluators that predict no ownership (the board then shows none).</summary>
    public bool HasOwnership { get; set; }

    public void CopyFrom(Evaluation other)
    {
        other.Policy.AsSpan().CopyTo(Policy);
        other.Ownership.AsSpan().CopyTo(Ownership);
        ValueForSideToMove = other.ValueForSideToMove;
        DrawProbability = other.DrawProbability;
        ScoreLeadForSideToMove = other.ScoreLeadForSideToMove;
        HasOwnership = other.HasOwnership;
    }
}
