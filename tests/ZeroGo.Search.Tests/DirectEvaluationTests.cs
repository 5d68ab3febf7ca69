using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>What the network itself is asked for a display, against what a search asks during its playouts.</summary>
public class DirectEvaluationTests
{
    private sealed class SymmetryRequestRecorder : IEvaluator
    {
        public List<bool> AllSymmetries { get; } = [];

        public int HistoryLength => 1;

        public string Name => "recorder";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int i = 0; i < requests.Count; i++)
            {
                lock (AllSymmetries)
                {
                    AllSymmetries.Add(requests[i].AllSymmetries);
                }

                UniformEvaluator.FillUniformPolicy(requests[i].LegalMask, results[i].Policy);
            }
        }
    }

    [Fact]
    public void A_direct_evaluation_asks_for_every_symmetry_and_returns_the_legal_moves_it_asked_with()
    {
        var state = new GameState(5, new Rules { Komi = 0.5 });
        state.Play(Move.At(state.Geometry.PointAt(2, 2)));
        var recorder = new SymmetryRequestRecorder();
        var (evaluation, legal) = DirectEvaluation.Of(recorder, state);
        Assert.Equal([true], recorder.AllSymmetries);
        Assert.False(legal[state.Geometry.DenseIndex(state.Geometry.PointAt(2, 2))]);
        Assert.Equal(1.0, evaluation.Policy.Sum(), 5);
        Assert.Equal(0f, evaluation.Policy[state.Geometry.DenseIndex(state.Geometry.PointAt(2, 2))]);
    }

    [Fact]
    public void A_search_never_asks_for_every_symmetry()
    {
        // Its random symmetries average out over the playouts; eight times the work per leaf would not.
        var recorder = new SymmetryRequestRecorder();
        var search = new MctsSearch(recorder, SearchOptions.Default with { Threads = 2, Seed = 4 });
        search.SetPosition(new GameState(5, new Rules { Komi = 0.5 }));
        search.Run(SearchLimits.Visits(200));
        Assert.True(recorder.AllSymmetries.Count > 50);
        Assert.DoesNotContain(true, recorder.AllSymmetries);
    }
}
