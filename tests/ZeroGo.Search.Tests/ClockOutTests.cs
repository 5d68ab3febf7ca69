using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>A search whose time is up before any child is visited still answers with a real move.</summary>
public class ClockOutTests
{
    [Fact]
    public void NoTimeLeftStillEvaluatesTheRootAndPlaysItsLikeliestMove()
    {
        var geometry = BoardGeometry.Get(9);
        int favourite = geometry.DenseIndex(geometry.PointAt(2, 6));
        var search = new MctsSearch(new FavouriteEvaluator(favourite), SearchOptions.Default with { Seed = 1 });
        search.SetPosition(new GameState(9));

        var result = search.Run(SearchLimits.Time(TimeSpan.Zero));

        Assert.Equal(StopReason.TimeLimit, result.StopReason);
        Assert.Empty(result.Snapshot.Candidates);
        Assert.Equal(Move.At(geometry.PointAt(2, 6)), result.Move);
    }

    [Fact]
    public void TheLikeliestMoveHonoursTheRestrictions()
    {
        var geometry = BoardGeometry.Get(9);
        var favourite = Move.At(geometry.PointAt(2, 6));
        var search = new MctsSearch(new FavouriteEvaluator(geometry.DenseIndex(favourite.Point)), SearchOptions.Default with { Seed = 1 });
        search.Restrictions = MoveRestrictions.Create(geometry, [new MoveRestriction(Color.Black, [favourite], 1, Allow: false)]);
        search.SetPosition(new GameState(9));

        var result = search.Run(SearchLimits.Time(TimeSpan.Zero));

        Assert.True(result.Move.IsPlay);
        Assert.NotEqual(favourite, result.Move);
    }
}
