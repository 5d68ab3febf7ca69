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

/// <summary>Rollout values, score and ownership are from the side to move's view, and the search keeps that view.</summary>
public class RolloutViewTests
{
    // A finished 5x5 game: every empty point is a one-point eye, so random playouts can only pass (eyes are
    // never filled, and playing into a living group's eye is suicide). Black has 15 points, White 10: with
    // komi 0.5 Black wins by 4.5 whoever moves.
    private static GameState BlackLeads(Color toMove) => Positions.FromDiagram(toMove, 0.5,
        ". O X . X",
        "O O X X X",
        ". O X . X",
        "O O X X X",
        ". O X . X");

    [Theory]
    [InlineData(Color.Black)]
    [InlineData(Color.White)]
    public void ValueScoreAndOwnershipFollowTheSideToMove(Color toMove)
    {
        var state = BlackLeads(toMove);
        var request = EvaluationRequestBuilder.Create(state, 0);
        var result = new Evaluation(state.Geometry);

        new RolloutEvaluator(64, seed: 3).Evaluate([request], [result]);

        double sign = toMove == Color.Black ? 1 : -1;
        Assert.Equal(sign, result.ValueForSideToMove, 1e-6);
        Assert.Equal(sign * 4.5, result.ScoreLeadForSideToMove, 1e-5);
        Assert.True(result.HasOwnership);
        int leftCorner = state.Geometry.DenseIndex(state.Geometry.PointAt(0, 0));
        int blackEye = state.Geometry.DenseIndex(state.Geometry.PointAt(3, 2));
        Assert.Equal(-sign, result.Ownership[leftCorner], 1e-6); // White's eye
        Assert.Equal(sign, result.Ownership[blackEye], 1e-6);
    }

    [Theory]
    [InlineData(Color.Black)]
    [InlineData(Color.White)]
    public void SearchOwnershipAndWinRateAreFromTheRootSideToMove(Color toMove)
    {
        var state = BlackLeads(toMove);
        var search = new MctsSearch(new RolloutEvaluator(4, seed: 5), SearchOptions.Default with { Seed = 1 });
        search.SetPosition(state);

        var snapshot = search.Run(SearchLimits.Visits(400)).Snapshot;

        // The loser (every move loses) explores self-destruction, so White's own group dies in many leaves;
        // Black's eyes stay Black's in all of them.
        double sign = toMove == Color.Black ? 1 : -1;
        Assert.True(sign * (snapshot.WinRate - 0.5) > 0.2, $"win rate {snapshot.WinRate} for {toMove}");
        Assert.True(sign * snapshot.ScoreLead > 0, $"score lead {snapshot.ScoreLead} for {toMove}");
        Assert.NotNull(snapshot.Ownership);
        float blackEye = snapshot.Ownership![state.Geometry.DenseIndex(state.Geometry.PointAt(3, 2))];
        Assert.True(sign * blackEye > 0.3, $"Black's eye has ownership {blackEye} from {toMove}'s view");
    }
}
