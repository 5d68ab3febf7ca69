using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Play;
using ZeroGo.Desktop.Players;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Tests;

public class LevelOpponentResignationTests
{
    /// <summary>Answers every position with one candidate at a fixed win rate for the player to move.</summary>
    private sealed class HopelessSource(double winRate) : IAnalysisSource
    {
        public string Name => "hopeless";

        public AnalysisSnapshot Analyse(GameState state, int visits, CancellationToken cancel, Action<AnalysisSnapshot>? progress)
        {
            var free = state.Geometry.Points.First(p => state.IsLegal(state.ToMove, Move.At(p)));
            return new AnalysisSnapshot
            {
                ToMove = state.ToMove,
                Candidates = [new CandidateMove(Move.At(free), visits, winRate, -30, 0.5, winRate, [])],
                TotalVisits = visits,
                WinRate = winRate,
            };
        }
    }

    private static readonly ResignationRule AtOnce = new(0.05, 3, 0);

    /// <summary>Plays the opponent's answers and fixed far-apart stones for the other side, <paramref name="turns"/> times.</summary>
    private static List<Move> PlayAgainst(LevelOpponent opponent, int turns)
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        var replies = new List<Move>();
        var others = new[] { geometry.PointAt(8, 8), geometry.PointAt(8, 0), geometry.PointAt(0, 8), geometry.PointAt(4, 4) };
        for (int turn = 0; turn < turns; turn++)
        {
            var reply = opponent.ChooseMove(state.Clone(), CancellationToken.None, null).Move;
            replies.Add(reply);
            if (reply.IsResign)
            {
                break;
            }

            state.Play(reply);
            state.Play(Move.At(others[turn]));
        }

        return replies;
    }

    [Fact]
    public void ALostOpponentResignsOnItsThirdHopelessMove()
    {
        var replies = PlayAgainst(new LevelOpponent(new HopelessSource(0.01), StrengthLevel.Default, 8, seed: 1, resignation: AtOnce), 4);
        Assert.Equal(3, replies.Count);
        Assert.All(replies.Take(2), move => Assert.True(move.IsPlay));
        Assert.True(replies[2].IsResign);
    }

    [Fact]
    public void ANotYetLostOpponentAndOneToldNeverToResignPlayOn()
    {
        var hopeful = PlayAgainst(new LevelOpponent(new HopelessSource(0.2), StrengthLevel.Default, 8, seed: 1, resignation: AtOnce), 4);
        var stubborn = PlayAgainst(new LevelOpponent(new HopelessSource(0.01), StrengthLevel.Default, 8, seed: 1, resignation: ResignationRule.Never), 4);
        Assert.All(hopeful.Concat(stubborn), move => Assert.True(move.IsPlay));
    }
}

public class PlayControllerResignationTests
{
    /// <summary>Resigns whenever asked, with the analysis that names a best move.</summary>
    private sealed class ResigningOpponent : IOpponent
    {
        public string Name => "resigns";

        public OpponentReply ChooseMove(GameState state, CancellationToken cancel, Action<AnalysisSnapshot>? progress)
        {
            var free = state.Geometry.Points.First(p => state.IsLegal(state.ToMove, Move.At(p)));
            var analysis = new AnalysisSnapshot
            {
                ToMove = state.ToMove,
                Candidates = [new CandidateMove(Move.At(free), 4, 0.01, -40, 0.5, 0.01, [])],
                TotalVisits = 4,
                WinRate = 0.01,
            };
            return new OpponentReply(Move.Resign, analysis, "hopeless");
        }
    }

    private static PlayController NewController() =>
        new(new PlaySettings { Width = 9, Height = 9, Visits = 4, HumanColor = Color.Black }, new ResigningOpponent());

    [Fact]
    public void TheAiResigningEndsTheGameForTheHumanAndSaysWhy()
    {
        using var controller = NewController();
        Assert.Null(controller.TryHumanMove(controller.Game.Geometry.PointAt(4, 4)));
        ControllerWait.ForAi(controller);
        Assert.Equal(GamePhase.Resigned, controller.Phase);
        Assert.Equal("B+R", controller.ResultText);
        Assert.Equal("ZeroGo resigned: B+R (hopeless)", controller.LastEvent);
        Assert.Single(controller.Game.Moves);
        Assert.NotNull(controller.TryHumanMove(controller.Game.Geometry.PointAt(1, 1)));
    }

    [Fact]
    public void UndoAfterTheAiResignedGivesTheHumanTheMoveBack()
    {
        using var controller = NewController();
        Assert.Null(controller.TryHumanMove(controller.Game.Geometry.PointAt(4, 4)));
        ControllerWait.ForAi(controller);
        controller.Undo();
        Assert.Equal(GamePhase.Playing, controller.Phase);
        Assert.Empty(controller.Game.Moves);
        Assert.True(controller.IsHumanTurn);
    }

    [Fact]
    public void TheAiNeverResignsTheHumansGame()
    {
        using var controller = NewController();
        controller.RequestAiMove(); // the human asks the AI to play Black's move: it plays its best one
        ControllerWait.ForAi(controller);
        Assert.True(controller.Game.Moves[0].Move.IsPlay);
        Assert.Equal(Color.Black, controller.Game.Moves[0].Color);
        Assert.Single(controller.Game.Moves); // then, as White, it resigns its own game
        Assert.Equal("B+R", controller.ResultText);
    }
}
