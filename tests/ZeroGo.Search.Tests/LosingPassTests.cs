using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>
/// Leela Zero's pass rule: a search whose choice is pass plays on when ending the game now would lose it by the area
/// count of the board as it stands, and keeps the pass when the count wins; self-play can turn the rule off.
/// </summary>
public class LosingPassTests
{
    /// <summary>Two visits: the root's evaluation and one playout, spent on pass, which is then the search's choice.</summary>
    private static SearchResult Search(GameState state, bool avoidLosingPass)
    {
        // Most of the policy on pass (dense index Area): the young network that passes everywhere.
        var passLoving = new FavouriteEvaluator(state.Geometry.Area);
        var search = new MctsSearch(passLoving, SearchOptions.Default with { Seed = 1, AvoidLosingPass = avoidLosingPass });
        search.SetPosition(state);
        return search.Run(SearchLimits.Visits(2));
    }

    [Fact]
    public void PassingBehindPlaysTheBestOtherMoveInstead()
    {
        var state = new GameState(BoardGeometry.Get(9), Rules.Default with { Komi = 7.5 }); // Black behind by komi

        Assert.True(Search(state, avoidLosingPass: false).Move.IsPass, "without the rule the search passes");
        var result = Search(state, avoidLosingPass: true);
        Assert.True(result.Move.IsPlay, $"passing loses by 7.5 points; the search played {result.Move}");
        Assert.True(state.IsLegal(Color.Black, result.Move));
    }

    [Fact]
    public void PassingAheadStillPasses()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry, Rules.Default with { Komi = 7.5 });
        state.Play(Color.Black, Move.At(geometry.PointAt(4, 4)));
        state.Play(Color.White, Move.Pass); // one black stone owns the board: Black wins if the game ends now

        Assert.True(Search(state, avoidLosingPass: true).Move.IsPass);
    }

    [Fact]
    public void WhiteAheadOnKomiStillPassesAfterBlacksPass()
    {
        var state = new GameState(BoardGeometry.Get(9), Rules.Default with { Komi = 7.5 });
        state.Play(Color.Black, Move.Pass);

        Assert.True(Search(state, avoidLosingPass: true).Move.IsPass);
    }
}
