using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// One evaluation of a position outside any search, for showing what the network itself thinks (a policy
/// overlay, the prior of a move played, an analysis's policy). It asks for every symmetry
/// (<see cref="EvaluationRequest.AllSymmetries"/>), so what a person reads is the same at every look.
/// </summary>
public static class DirectEvaluation
{
    /// <summary>The evaluation of <paramref name="state"/>'s position and the legal moves it was asked with (dense, pass last).</summary>
    public static (Evaluation Evaluation, bool[] Legal) Of(IEvaluator evaluator, GameState state)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var request = EvaluationRequestBuilder.Create(state, evaluator.HistoryLength);
        request.AllSymmetries = true;
        var evaluation = new Evaluation(state.Geometry);
        evaluator.Evaluate([request], [evaluation]);
        return (evaluation, request.LegalMask);
    }
}
