using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.Features;

/// <summary>
/// An <see cref="EvaluationRequest"/> for a game's current position, sized for what <see cref="FeatureEncoder"/>
/// reads (no history boards), filled exactly as the search fills its own (<see cref="EvaluationRequestBuilder"/>:
/// legal mask with superko, recent moves, cache key). For one-off evaluations: the layers view, training
/// targets, benchmarks, tests.
/// </summary>
public static class GameStateRequests
{
    public static EvaluationRequest Create(GameState game) => EvaluationRequestBuilder.Create(game, historyLength: 0);

    public static void Fill(EvaluationRequest request, GameState game) => EvaluationRequestBuilder.FromState(game, request);
}
