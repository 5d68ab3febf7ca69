using ZeroGo.Desktop.Analysis;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Tests;

/// <summary>A source that prefers one fixed move and gives the played one a small prior (a stand-in network).</summary>
internal sealed class FakeNetwork : IAnalysisSource
{
    public string Name => "fake network";

    public AnalysisSnapshot Analyse(GameState state, int visits, CancellationToken cancel, Action<AnalysisSnapshot>? progress)
    {
        var geometry = state.Geometry;
        var policy = new float[geometry.Area + 1];
        var legal = state.LegalPoints(state.ToMove);
        for (int i = 0; i < legal.Count; i++)
        {
            policy[geometry.DenseIndex(legal[i])] = (i + 1f) / legal.Count;
        }

        float sum = policy.Sum();
        for (int i = 0; i < policy.Length; i++)
        {
            policy[i] /= sum;
        }

        var best = legal[^1];
        return new AnalysisSnapshot
        {
            ToMove = state.ToMove,
            Candidates = [new CandidateMove(Move.At(best), visits, 0.55, 1.5, policy[geometry.DenseIndex(best)], 0.5, [Move.At(best)])],
            TotalVisits = visits,
            WinRate = 0.55,
            ScoreLead = 1.5,
            Policy = policy,
        };
    }
}
