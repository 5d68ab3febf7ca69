using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>The search with random-rollout values finds the move that decides small positions.</summary>
public class KnownAnswerTests
{
    private static SearchResult Search(GameState state, int visits, int threads = 1)
    {
        var search = new MctsSearch(new RolloutEvaluator(playoutsPerEvaluation: 8, seed: 7),
            SearchOptions.Default with { Threads = threads, BatchSize = 4, Seed = 11 });
        search.SetPosition(state);
        return search.Run(SearchLimits.Visits(visits));
    }

    [Fact]
    public void CapturesAGroupInAtari()
    {
        var state = Positions.CaptureOrConnect(Color.Black);
        var liberty = state.Geometry.PointAt(3, 3);
        var chain = state.Geometry.PointAt(3, 2);
        Assert.Equal(1, state.Board.CountLiberties(chain));

        var result = Search(state, 3000);

        Assert.Equal(Positions.At(state, 3, 3), result.Move);
        Assert.True(result.Snapshot.WinRate > 0.5, $"black should see a win after the capture, saw {result.Snapshot.WinRate:F3}");
        Assert.True(state.IsLegal(Color.Black, Move.At(liberty)));
    }

    [Fact]
    public void SavesAGroupWithItsOnlyMove()
    {
        var state = Positions.CaptureOrConnect(Color.White);

        var result = Search(state, 3000);

        Assert.Equal(Positions.At(state, 3, 3), result.Move);
    }

    [Fact]
    public void WinsASmallEndgameByClosingTheBorder()
    {
        // Black owns columns 0-2, White 3-4; the wall has a gap at (2,2). Komi 4.5: only closing the gap at
        // (2,2) keeps Black's 15 points against White's 10 + 4.5; blocking a point deeper inside loses by 0.5.
        var state = Positions.FromDiagram(Color.Black, 4.5,
            ". . X O .",
            ". . X O .",
            ". . . O .",
            ". . X O .",
            ". . X O .");

        var result = Search(state, 4000, threads: 2);

        Assert.Equal(Positions.At(state, 2, 2), result.Move);
    }
}
