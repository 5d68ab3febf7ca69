using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>Descents forced through one root move (the Gumbel searcher's way of spending visits on its picks).</summary>
public class ThroughRootMoveTests
{
    [Fact]
    public void EveryNewVisitGoesBelowTheForcedMoveAndAccumulates()
    {
        var geometry = BoardGeometry.Get(9);
        var forced = Move.At(geometry.PointAt(3, 5));
        var search = new MctsSearch(new UniformEvaluator(), SearchOptions.Default with { Seed = 2 });
        search.SetPosition(new GameState(9));
        search.Run(SearchLimits.Playouts(1)); // the root's own evaluation

        search.ThroughRootMove = forced;
        search.Run(SearchLimits.Playouts(40));
        var first = search.Snapshot();
        search.Run(SearchLimits.Playouts(25));
        var second = search.Snapshot();

        Assert.Equal(40, Assert.Single(first.Candidates).Visits);
        Assert.Equal(forced, second.Candidates.Single().Move);
        Assert.Equal(65, second.Candidates.Single().Visits);
        Assert.Equal(66, second.RootVisits);
        Assert.True(second.Candidates.Single().PrincipalVariation.Count > 1, "the forced move's subtree is searched as usual");

        search.ThroughRootMove = null;
        search.Run(SearchLimits.Playouts(100));
        Assert.True(search.Snapshot().Candidates.Count > 10);
        Assert.Null(search.FindInconsistency());
    }

    [Fact]
    public void AMoveThatIsNotLegalAtTheRootIsIgnored()
    {
        var state = new GameState(9);
        var occupied = Move.At(state.Geometry.PointAt(4, 4));
        state.Play(occupied);
        var search = new MctsSearch(new UniformEvaluator(), SearchOptions.Default with { Seed = 2 });
        search.SetPosition(state);
        search.ThroughRootMove = occupied;

        var result = search.Run(SearchLimits.Visits(200));

        Assert.Equal(200, result.Snapshot.RootVisits);
        Assert.DoesNotContain(result.Snapshot.Candidates, c => c.Move == occupied);
        Assert.True(result.Snapshot.Candidates.Count > 10);
    }
}
