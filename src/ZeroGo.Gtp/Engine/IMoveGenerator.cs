using ZeroGo.Go;

namespace ZeroGo.Gtp.Engine;

/// <summary>
/// Chooses moves for <c>genmove</c>: the random baseline today, the search with a network later. Called on the
/// GTP command thread, one call at a time; the state passed in is the generator's own copy (it may play on it).
/// </summary>
public interface IMoveGenerator
{
    /// <summary>A short name for logs and <c>zerogo-engine</c> ("random", "mcts b6c64 800 visits").</summary>
    string Name { get; }

    /// <summary>
    /// The move <paramref name="color"/> plays in <paramref name="state"/>: a legal point, <see cref="Move.Pass"/>
    /// or <see cref="Move.Resign"/>. Must return promptly (best so far) once <paramref name="cancellation"/> fires.
    /// </summary>
    Move GenerateMove(GameState state, Color color, TimeBudget time, CancellationToken cancellation);
}
