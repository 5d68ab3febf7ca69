namespace ZeroGo.Search;

/// <summary>
/// The simplest oracle: uniform priors over the legal moves (pass included) and value 0 for every position.
/// Measures the tree alone (bench search --fake) and lets everything run before a network exists.
/// Stateless, so thread-safe.
/// </summary>
public sealed class UniformEvaluator : IEvaluator
{
    public int HistoryLength => 0;

    public string Name => "uniform";

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        for (int r = 0; r < requests.Count; r++)
        {
            var mask = requests[r].LegalMask;
            var result = results[r];
            FillUniformPolicy(mask, result.Policy);
            result.ValueForSideToMove = 0;
            result.DrawProbability = 0;
            result.ScoreLeadForSideToMove = 0;
            result.HasOwnership = false;
        }
    }

    /// <summary>Writes 1/(legal count) on legal moves and 0 elsewhere.</summary>
    public static void FillUniformPolicy(bool[] legalMask, float[] policy)
    {
        int legal = 0;
        for (int i = 0; i < legalMask.Length; i++)
        {
            legal += legalMask[i] ? 1 : 0;
        }

        float p = legal == 0 ? 0 : 1f / legal;
        for (int i = 0; i < legalMask.Length; i++)
        {
            policy[i] = legalMask[i] ? p : 0;
        }
    }
}
