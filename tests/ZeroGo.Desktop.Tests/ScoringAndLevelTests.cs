using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Players;
using ZeroGo.Desktop.Scoring;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Tests;

public class GameScorerTests
{
    /// <summary>Black wall on column C, White wall on column E of a 7x7 board: A-B Black, F-G White, D neutral.</summary>
    private static GameState Walls()
    {
        var geometry = BoardGeometry.Get(7);
        var state = new GameState(geometry, new Rules { Komi = 0.5 });
        state.PlaceStones(Enumerable.Range(0, 7).Select(r => geometry.PointAt(2, r)), Color.Black);
        state.PlaceStones(Enumerable.Range(0, 7).Select(r => geometry.PointAt(4, r)), Color.White);
        return state;
    }

    [Fact]
    public void AreaCountWithoutDeadStones()
    {
        var state = Walls();
        var score = new GameScorer(state.Board, null, 0.5).Score();
        Assert.Equal(21, score.BlackArea); // columns A, B, C
        Assert.Equal(21, score.WhiteArea); // columns E, F, G
        Assert.Equal("W+0.5", score.ResultText);
        Assert.Equal(Color.Empty, score.Territory.OwnerByDense[state.Geometry.DenseIndex(state.Geometry.PointAt(3, 3))]);
        Assert.Equal(Color.Black, score.Territory.OwnerByDense[state.Geometry.DenseIndex(state.Geometry.PointAt(0, 3))]);
    }

    [Fact]
    public void OwnershipMarksAnInvaderDeadAndTheCountGivesItsPointsAway()
    {
        var state = Walls();
        var geometry = state.Geometry;
        var invader = geometry.PointAt(0, 3);
        state.PlaceStones([invader], Color.White);
        var ownership = new float[geometry.Area];
        for (int i = 0; i < geometry.Area; i++)
        {
            ownership[i] = geometry.ColumnOf(geometry.FromDense(i)) <= 2 ? 0.9f : geometry.ColumnOf(geometry.FromDense(i)) >= 4 ? -0.9f : 0;
        }

        var scorer = new GameScorer(state.Board, ownership, 0.5);
        Assert.True(scorer.IsDead(invader));
        var score = scorer.Score();
        Assert.Equal(21, score.BlackArea);
        Assert.True(score.Territory.DeadByDense[geometry.DenseIndex(invader)]);

        // The player disagrees: alive again, Black's region is no longer territory.
        Assert.True(scorer.ToggleChain(invader));
        var recount = scorer.Score();
        Assert.Equal(7, recount.BlackArea);
        Assert.Equal(22, recount.WhiteArea);
        Assert.False(scorer.ToggleChain(geometry.PointAt(3, 3)));
    }
}

public class LevelTests
{
    /// <summary>An analysis source with fixed candidates (and optionally a policy) for choosing tests.</summary>
    private sealed class FixedSource(AnalysisSnapshot snapshot) : IAnalysisSource
    {
        public int LastVisits { get; private set; }

        public string Name => "fixed";

        public AnalysisSnapshot Analyse(GameState state, int visits, CancellationToken cancel, Action<AnalysisSnapshot>? progress)
        {
            LastVisits = visits;
            return snapshot;
        }
    }

    private static AnalysisSnapshot Snapshot(BoardGeometry geometry, float[]? policy = null) => new()
    {
        ToMove = Color.Black,
        Candidates =
        [
            new CandidateMove(Move.At(geometry.PointAt(2, 2)), 900, 0.6, 2, 0.5, 0.55, []),
            new CandidateMove(Move.At(geometry.PointAt(6, 6)), 90, 0.5, 0, 0.3, 0.4, []),
            new CandidateMove(Move.At(geometry.PointAt(4, 4)), 10, 0.4, -2, 0.2, 0.2, []),
        ],
        Policy = policy,
    };

    [Fact]
    public void FullStrengthAlwaysPlaysTheMostVisitedMoveWithAllVisits()
    {
        var geometry = BoardGeometry.Get(9);
        var source = new FixedSource(Snapshot(geometry));
        var opponent = new LevelOpponent(source, StrengthLevel.Find("full")!, 400, seed: 3);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(Move.At(geometry.PointAt(2, 2)), opponent.ChooseMove(new GameState(geometry), CancellationToken.None, null).Move);
        }

        Assert.Equal(400, source.LastVisits);
    }

    [Fact]
    public void WeakerLevelsSpendFewerVisitsAndVaryTheirMoves()
    {
        var geometry = BoardGeometry.Get(9);
        var source = new FixedSource(Snapshot(geometry));
        var casual = new LevelOpponent(source, StrengthLevel.Find("casual")!, 400, seed: 5);
        var moves = Enumerable.Range(0, 200).Select(_ => casual.ChooseMove(new GameState(geometry), CancellationToken.None, null).Move).ToList();
        Assert.Equal(16, source.LastVisits);
        Assert.True(moves.Distinct().Count() >= 2, "a casual player does not always play the same move");
        Assert.True(moves.Count(m => m == Move.At(geometry.PointAt(2, 2))) > 100, "but mostly the best one");
    }

    [Fact]
    public void BeginnerDrawsFromThePolicyWhenThereIsOne()
    {
        var geometry = BoardGeometry.Get(9);
        var policy = new float[geometry.Area + 1];
        var favourite = geometry.PointAt(0, 8);
        policy[geometry.DenseIndex(favourite)] = 1f;
        var source = new FixedSource(Snapshot(geometry, policy));
        var beginner = new LevelOpponent(source, StrengthLevel.Find("beginner")!, 400, seed: 5);
        Assert.Equal(Move.At(favourite), beginner.ChooseMove(new GameState(geometry), CancellationToken.None, null).Move);
    }

    /// <summary>
    /// Black wall on C, White wall on E of a 7x7 board (komi 0.5), a Black stone on D1 and a dead White invader on
    /// A4; White has just passed. With the invader removed Black wins by 0.5; as the stones stand the invader spoils
    /// Black's side and White wins.
    /// </summary>
    private static (GameState State, AnalysisSnapshot Analysis, Move Searched) WhitePassedWithADeadInvader()
    {
        var geometry = BoardGeometry.Get(7);
        var state = new GameState(geometry, new Rules { Komi = 0.5 });
        state.PlaceStones(Enumerable.Range(0, 7).Select(r => geometry.PointAt(2, r)), Color.Black);
        state.PlaceStones(Enumerable.Range(0, 7).Select(r => geometry.PointAt(4, r)), Color.White);
        state.PlaceStones([geometry.PointAt(0, 3)], Color.White);
        state.Play(Color.Black, Move.At(geometry.PointAt(3, 0)));
        state.Play(Color.White, Move.Pass);
        var ownership = new float[geometry.Area];
        for (int i = 0; i < geometry.Area; i++)
        {
            int column = geometry.ColumnOf(geometry.FromDense(i));
            ownership[i] = column <= 2 ? 0.9f : column >= 4 ? -0.9f : 0;
        }

        var capture = Move.At(geometry.PointAt(0, 2));
        var analysis = new AnalysisSnapshot
        {
            ToMove = Color.Black,
            Candidates = [new CandidateMove(capture, 300, 0.9, 3, 0.4, 0.85, []), new CandidateMove(Move.Pass, 100, 0.8, 1, 0.1, 0.7, [])],
            WinRate = 0.9,
            OwnershipBlack = ownership,
        };
        return (state, analysis, capture);
    }

    [Fact]
    public void OnTheBoardItPassesBackWhenTheCountWithDeadStonesRemovedWins()
    {
        var (state, analysis, _) = WhitePassedWithADeadInvader();
        Assert.True(state.ScoreForBlack() < 0, "as the stones stand White wins");
        var reply = new LevelOpponent(new FixedSource(analysis), StrengthLevel.Default, 400, seed: 1).ChooseMove(state, CancellationToken.None, null);
        Assert.Equal(Move.Pass, reply.Move);
        Assert.Equal("passes: the game is won on the board", reply.Note);
    }

    [Fact]
    public void InTheArenasCountItPlaysOnWhileTheStonesAsTheyStandLose()
    {
        var (state, analysis, searched) = WhitePassedWithADeadInvader();
        var opponent = new LevelOpponent(new FixedSource(analysis), StrengthLevel.Default, 400, seed: 1, count: EndOfGameCount.StonesAsTheyStand);
        Assert.Equal(searched, opponent.ChooseMove(state, CancellationToken.None, null).Move);
    }

    [Fact]
    public void FullStrengthPlaysTheEnginesOwnChoiceWhereItDiffersFromTheFirstCandidate()
    {
        var geometry = BoardGeometry.Get(9);
        var stone = Move.At(geometry.PointAt(4, 4));
        var analysis = new AnalysisSnapshot
        {
            ToMove = Color.Black,
            Candidates = [new CandidateMove(Move.Pass, 300, 0.7, 1, 0.5, 0.65, []), new CandidateMove(stone, 100, 0.6, 0, 0.2, 0.5, [])],
            Chosen = stone,
        };
        var opponent = new LevelOpponent(new FixedSource(analysis), StrengthLevel.Default, 400, seed: 1);
        Assert.Equal(stone, opponent.ChooseMove(new GameState(geometry), CancellationToken.None, null).Move);
    }

    [Fact]
    public void LevelsAreOrderedFromBeginnerToFullStrength()
    {
        Assert.Equal("beginner", StrengthLevel.All[0].Key);
        Assert.Equal("full", StrengthLevel.Default.Key);
        Assert.Null(StrengthLevel.Find("grandmaster"));
        Assert.Equal(StrengthLevel.All.Count, StrengthLevel.All.Select(l => l.Name).Distinct().Count());
        // A tiny budget still searches one move past the root at every level (else the level could only pass).
        Assert.All(StrengthLevel.All, l => Assert.True(l.VisitsFor(16) >= 2, $"{l.Key}: {l.VisitsFor(16)} visits of 16"));

        // Each step up searches at least as much as the one below and draws at random no more.
        for (int i = 1; i < StrengthLevel.All.Count; i++)
        {
            var (lower, upper) = (StrengthLevel.All[i - 1], StrengthLevel.All[i]);
            Assert.True(upper.VisitShare >= lower.VisitShare, $"{upper.Key} searches less than {lower.Key}");
            Assert.True(upper.Choice <= lower.Choice, $"{upper.Key} draws more at random than {lower.Key}");
        }
    }

    [Fact]
    public void FlatMonteCarloSpendsItsBudgetAndSeesWhoOwnsWalledOffArea()
    {
        // Black walls off the left of a 7x7 board, White the right.
        var geometry = BoardGeometry.Get(7);
        var state = new GameState(geometry);
        state.PlaceStones(Enumerable.Range(0, 7).Select(r => geometry.PointAt(1, r)), Color.Black);
        state.PlaceStones(Enumerable.Range(0, 7).Select(r => geometry.PointAt(5, r)), Color.White);
        var analysis = new MonteCarloAnalysis(4, seed: 4).Analyse(state, 100, CancellationToken.None, null);
        Assert.True(analysis.IsFinal);
        Assert.Equal(400, analysis.Candidates.Sum(c => c.Visits));
        Assert.Equal(100, analysis.TotalVisits);
        var ownership = analysis.OwnershipBlack!;
        Assert.True(ownership[geometry.DenseIndex(geometry.PointAt(0, 3))] > 0.8f);
        Assert.True(ownership[geometry.DenseIndex(geometry.PointAt(6, 3))] < -0.8f);
        Assert.All(analysis.Candidates, c => Assert.InRange(c.WinRate, 0, 1));
    }
}

public class SearchAnalysisSourceTests
{
    [Fact]
    public void RepeatedAnalysisOfOnePositionStillHasOwnershipAndCandidates()
    {
        var source = new SearchAnalysisSource(new ZeroGo.Search.RolloutEvaluator(2, seed: 1), threads: 1, seed: 2);
        var state = TestPositions.Play(9, "E5 C3");
        var first = source.Analyse(state.Clone(), 64, CancellationToken.None, null);
        var again = source.Analyse(state.Clone(), 64, CancellationToken.None, null);
        foreach (var analysis in new[] { first, again })
        {
            Assert.NotNull(analysis.OwnershipBlack);
            Assert.NotNull(analysis.Policy);
            Assert.NotEmpty(analysis.Candidates);
            Assert.Equal(Color.Black, analysis.ToMove);
            Assert.True(analysis.IsFinal);
            Assert.InRange(analysis.WinRate, 0, 1);
        }

        // Ownership is from Black's view (random playouts: only the sign is certain).
        Assert.True(again.OwnershipBlack![state.Geometry.DenseIndex(TestPositions.At(state, "E5"))] > 0);
        Assert.True(again.OwnershipBlack![state.Geometry.DenseIndex(TestPositions.At(state, "C3"))] < 0);
    }

    [Fact]
    public void ProgressSnapshotsArriveWhileTheSearchRuns()
    {
        var source = new SearchAnalysisSource(new ZeroGo.Search.RolloutEvaluator(4, seed: 1), threads: 1, seed: 2);
        int reports = 0;
        source.Analyse(new GameState(9), 3000, CancellationToken.None, _ => Interlocked.Increment(ref reports));
        Assert.True(reports >= 1, "at least one progress snapshot during a 3000-visit search");
    }
}
