using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>What the network itself is asked for a display, against what a search asks during its playouts.</summary>
public class DirectEvaluationTests
{
    [Fact]
    public void A_direct_evaluation_asks_for_every_symmetry_and_returns_the_legal_moves_it_asked_with()
    {
        var state = new GameState(5, new Rules { Komi = 0.5 });
        state.Play(Move.At(state.Geometry.PointAt(2, 2)));
        var recorder = new RequestRecorder<bool>(request => request.AllSymmetries);
        var (evaluation, legal) = DirectEvaluation.Of(recorder, state);
        Assert.Equal([true], recorder.Seen);
        Assert.False(legal[state.Geometry.DenseIndex(state.Geometry.PointAt(2, 2))]);
        Assert.Equal(1.0, evaluation.Policy.Sum(), 5);
        Assert.Equal(0f, evaluation.Policy[state.Geometry.DenseIndex(state.Geometry.PointAt(2, 2))]);
    }

    [Fact]
    public void A_search_never_asks_for_every_symmetry()
    {
        // Its random symmetries average out over the playouts; eight times the work per leaf would not.
        var recorder = new RequestRecorder<bool>(request => request.AllSymmetries);
        var search = new MctsSearch(recorder, SearchOptions.Default with { Threads = 2, Seed = 4 });
        search.SetPosition(new GameState(5, new Rules { Komi = 0.5 }));
        search.Run(SearchLimits.Visits(200));
        Assert.True(recorder.Seen.Count > 50);
        Assert.DoesNotContain(true, recorder.Seen);
    }
}
