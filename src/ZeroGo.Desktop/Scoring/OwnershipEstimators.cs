using ZeroGo.Desktop.Analysis;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Scoring;

/// <summary>
/// Who owns each point of a finished game, for the first guess of dead stones (<see cref="GameScorer"/>).
/// </summary>
public interface IOwnershipEstimator
{
    /// <summary>Shown after two passes: where the dead stones came from ("the network's ownership").</summary>
    string Name { get; }

    /// <summary>Ownership per dense point, +1 = Black owns, -1 = White owns; null when the estimator has none.</summary>
    float[]? EstimateOwnershipBlack(GameState state);
}

/// <summary>Ownership from many random playouts of the final position: the fallback without a network.</summary>
public sealed class PlayoutOwnership(int playouts = 600, ulong seed = 7) : IOwnershipEstimator
{
    private readonly MonteCarloAnalysis _playouts = new(seed: seed);

    public string Name => $"{playouts} random playouts";

    public float[]? EstimateOwnershipBlack(GameState state) => _playouts.EstimateOwnership(state, playouts);
}

/// <summary>
/// Ownership from the evaluator's ownership head on the final position (one direct evaluation, turned to Black's
/// view). A trained network knows that a lone stone inside the opponent's area is dead, which random playouts
/// judge badly; returns null for evaluators without an ownership head so the caller can fall back.
/// </summary>
public sealed class EvaluatorOwnership(IEvaluator evaluator) : IOwnershipEstimator
{
    public string Name => "the network's ownership";

    public float[]? EstimateOwnershipBlack(GameState state)
    {
        var request = EvaluationRequestBuilder.Create(state, evaluator.HistoryLength);
        var evaluation = new Evaluation(state.Geometry);
        evaluator.Evaluate([request], [evaluation]);
        if (!evaluation.HasOwnership)
        {
            return null;
        }

        float sign = state.ToMove == Color.White ? -1 : 1;
        return evaluation.Ownership.Select(o => Math.Clamp(o * sign, -1f, 1f)).ToArray();
    }
}
