using ZeroGo.Go;

namespace ZeroGo.Training.SelfPlay;

/// <summary>
/// What self-play needs from a search for one move: a policy target, the move it recommends and its win rate.
/// One instance per game (it may keep a tree between moves); not thread-safe.
/// </summary>
public interface IMoveSearcher : IDisposable
{
    /// <summary>
    /// Searches <paramref name="state"/> for its side to move. <paramref name="full"/>: a full search whose
    /// target trains the policy (with exploration noise); otherwise a cheap one (value target only).
    /// </summary>
    MoveSearchResult Search(GameState state, bool full);

    /// <summary>Whether the recommended move already includes exploration (Gumbel), so no temperature is applied.</summary>
    bool ChoosesWithNoise { get; }
}

/// <summary>
/// Result of one move's search. <see cref="Policy"/> is over dense points plus pass (sums to 1);
/// <see cref="WinRate"/> is the side to move's, in [0, 1]. <see cref="Visits"/> counts the root's visits (reused
/// ones included); <see cref="NewPlayouts"/> only those this search made (what the evaluator paid for).
/// </summary>
public sealed record MoveSearchResult(float[] Policy, Move BestMove, double WinRate, int Visits, int NewPlayouts);
