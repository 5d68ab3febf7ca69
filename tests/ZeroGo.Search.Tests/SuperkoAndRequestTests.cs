using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

public class SuperkoAndRequestTests
{
    /// <summary>
    /// Black captures a ko, both pass (clearing the simple-ko point), and White's retake at (1,1) would recreate
    /// the starting position: legal for the board, forbidden by positional superko.
    /// </summary>
    private static GameState SuperkoRetake()
    {
        var state = Positions.FromDiagram(Color.Black, 7.5,
            ". X O . .",
            "X O . O .",
            ". X O . .",
            ". . . . .",
            ". . . . .");
        state.Play(Positions.At(state, 2, 1));
        state.Play(Move.Pass);
        state.Play(Move.Pass);
        return state;
    }

    [Fact]
    public void TheRetakeIsSuperkoForTheGameButNotForTheBoard()
    {
        var state = SuperkoRetake();
        var retake = state.Geometry.PointAt(1, 1);

        Assert.True(state.Board.IsLegal(retake, Color.White));
        Assert.Equal(MoveLegality.Superko, state.CheckMove(Color.White, Move.At(retake)));
    }

    [Fact]
    public void RequestBuilderMaskMatchesTheFullRules()
    {
        var state = SuperkoRetake();
        var request = EvaluationRequestBuilder.Create(state, historyLength: 0);

        for (int d = 0; d < state.Geometry.Area; d++)
        {
            var point = state.Geometry.FromDense(d);
            Assert.Equal(state.IsLegal(state.ToMove, Move.At(point)), request.LegalMask[d]);
        }

        Assert.True(request.LegalMask[state.Geometry.Area]);
        Assert.False(request.LegalMask[state.Geometry.DenseIndex(state.Geometry.PointAt(1, 1))]);
    }

    [Fact]
    public void SearchRemovesASuperkoChildWhenTheMaskDidNotCatchIt()
    {
        var state = SuperkoRetake();
        var retake = Positions.At(state, 1, 1);
        var search = new MctsSearch(new UniformEvaluator(), SearchOptions.Default with { SuperkoInLegalMask = false, Seed = 2 });
        search.SetPosition(state);

        var result = search.Run(SearchLimits.Visits(600));

        Assert.DoesNotContain(result.Snapshot.Candidates, c => c.Move == retake);
        Assert.Contains(0f, search.ChildPriors());
        Assert.Null(search.FindInconsistency());
        Assert.Equal(600, result.Snapshot.RootVisits);
    }

    [Fact]
    public void SearchNeverOffersTheSuperkoChildWhenTheMaskCatchesIt()
    {
        var state = SuperkoRetake();
        var search = new MctsSearch(new UniformEvaluator());
        search.SetPosition(state);

        search.Run(SearchLimits.Visits(300));

        int legal = state.LegalPoints(Color.White).Count + 1;
        Assert.Equal(legal, search.ChildPriors().Length);
        Assert.DoesNotContain(0f, search.ChildPriors());
    }

    [Fact]
    public void HistoryIsMostRecentFirstAndRecentMovesMatch()
    {
        var state = new GameState(7);
        var a = Positions.At(state, 1, 1);
        var b = Positions.At(state, 2, 2);
        var c = Positions.At(state, 3, 3);
        state.Play(a);
        var afterA = state.Board.Hash;
        state.Play(b);
        var afterB = state.Board.Hash;
        state.Play(c);

        var request = EvaluationRequestBuilder.Create(state, historyLength: 5);

        Assert.Equal(3, request.HistoryCount);
        Assert.Equal(afterB, request.History[0].Hash);
        Assert.Equal(afterA, request.History[1].Hash);
        Assert.Equal(0UL, request.History[2].Hash);
        Assert.Equal(3, request.RecentMoveCount);
        Assert.Equal([c, b, a], request.RecentMoves.Take(3));
        Assert.Equal(Color.White, request.ToMove);
        Assert.Equal(state.Board.Hash, request.Board.Hash);
    }

    [Fact]
    public void KeysAgreeForEqualInputsAndDifferOtherwise()
    {
        static GameState Game(double komi)
        {
            var state = new GameState(BoardGeometry.Get(9), Rules.Default with { Komi = komi });
            state.Play(Move.At(state.Geometry.PointAt(4, 4)));
            return state;
        }

        ulong first = EvaluationRequestBuilder.Create(Game(7.5), 2).Key;
        ulong again = EvaluationRequestBuilder.Create(Game(7.5), 2).Key;
        ulong otherKomi = EvaluationRequestBuilder.Create(Game(6.5), 2).Key;
        var otherSide = Game(7.5);
        otherSide.SetToMove(Color.Black);
        ulong otherToMove = EvaluationRequestBuilder.Create(otherSide, 2).Key;

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherKomi);
        Assert.NotEqual(first, otherToMove);
    }

    [Fact]
    public void TheSearchFillsTheSameKeyAsTheBuilder()
    {
        var state = new GameState(5);
        state.Play(Positions.At(state, 2, 2));
        var recorder = new RequestRecorder<ulong>(request => request.Key, historyLength: 2);
        var search = new MctsSearch(recorder, SearchOptions.Default with { BatchSize = 1 });
        search.SetPosition(state);

        search.Run(SearchLimits.Visits(30));

        var best = search.Snapshot().Candidates[0].Move;
        var child = state.Clone();
        child.Play(best);
        var expected = EvaluationRequestBuilder.Create(child, recorder.HistoryLength).Key;
        Assert.Equal(EvaluationRequestBuilder.Create(state, recorder.HistoryLength).Key, recorder.Seen[0]);
        Assert.Contains(expected, recorder.Seen);
    }

    [Fact]
    public void RequestBuilderRejectsAnotherBoardSize() =>
        Assert.Throws<ArgumentException>(() =>
            EvaluationRequestBuilder.FromState(new GameState(9), new EvaluationRequest(BoardGeometry.Get(7), 0)));
}
