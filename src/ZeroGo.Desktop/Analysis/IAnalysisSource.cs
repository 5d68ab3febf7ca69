using ZeroGo.Go;

namespace ZeroGo.Desktop.Analysis;

/// <summary>
/// Anything that can analyse a position for the board: the MCTS search with a network or a simple evaluator,
/// or the flat Monte Carlo fallback. Called on a background thread with a private copy of the game; must
/// return promptly (with what it has) once <paramref name="cancel"/> fires.
/// </summary>
public interface IAnalysisSource
{
    /// <summary>Shown in the window: what is thinking ("MCTS + uniform evaluator", "flat Monte Carlo").</summary>
    string Name { get; }

    /// <summary>
    /// Analyses <paramref name="state"/> (owned by the callee) with about <paramref name="visits"/> visits,
    /// reporting intermediate snapshots through <paramref name="progress"/> (may be called from the worker thread).
    /// </summary>
    AnalysisSnapshot Analyse(GameState state, int visits, CancellationToken cancel, Action<AnalysisSnapshot>? progress);
}
