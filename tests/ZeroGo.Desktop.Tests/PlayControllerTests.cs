using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Play;
using ZeroGo.Desktop.Players;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Tests;

public class PlayControllerTests
{
    private static PlayController NewController(Color human = Color.Black, int visits = 32, int size = 9)
    {
        var source = new SearchAnalysisSource(new RolloutEvaluator(2, seed: 3), threads: 1, seed: 5);
        var settings = new PlaySettings { Width = size, Height = size, Visits = visits, HumanColor = human };
        return new PlayController(settings, new LevelOpponent(source, StrengthLevel.Default, visits, seed: 1));
    }

    [Fact]
    public void HumanMoveIsAnsweredByTheAiOnABackgroundThread()
    {
        using var controller = NewController();
        var e5 = BoardGeometry.Get(9).PointAt(4, 4);
        Assert.Null(controller.TryHumanMove(e5));
        Assert.True(controller.IsThinking);
        Assert.Equal("ZeroGo is thinking (Esc makes it play now)", controller.TryHumanMove(BoardGeometry.Get(9).PointAt(0, 0)));
        ControllerWait.ForAi(controller);
        Assert.Equal(2, controller.Game.Moves.Count);
        Assert.Equal(Color.White, controller.Game.Moves[1].Color);
        Assert.Equal(Color.Black, controller.Game.Board[e5]);
        Assert.NotNull(controller.LastAnalysis);
        Assert.True(controller.IsHumanTurn);
        Assert.NotNull(controller.WinRateHistory[1]);
    }

    [Fact]
    public void IllegalPointsAreRefusedWithTheReason()
    {
        using var controller = NewController();
        var geometry = controller.Game.Geometry;
        var e5 = geometry.PointAt(4, 4);
        Assert.Null(controller.TryHumanMove(e5));
        ControllerWait.ForAi(controller);
        Assert.Equal("occupied", controller.TryHumanMove(e5));
        Assert.Equal(2, controller.Game.Moves.Count);
    }

    [Fact]
    public void UndoTakesBackTheHumanMoveAndTheAnswer()
    {
        using var controller = NewController();
        Assert.Null(controller.TryHumanMove(controller.Game.Geometry.PointAt(2, 2)));
        ControllerWait.ForAi(controller);
        controller.Undo();
        Assert.Empty(controller.Game.Moves);
        Assert.True(controller.IsHumanTurn);
        Assert.Equal(controller.Game.Geometry.Area, controller.Game.Board.EmptyCount);
    }

    [Fact]
    public void UndoWhileThinkingCancelsTheSearchAndDropsItsMove()
    {
        using var controller = NewController(visits: 200_000);
        Assert.Null(controller.TryHumanMove(controller.Game.Geometry.PointAt(2, 2)));
        Assert.True(controller.IsThinking);
        controller.Undo();
        Thread.Sleep(200);
        controller.Update();
        Assert.Empty(controller.Game.Moves);
        Assert.False(controller.IsThinking);
    }

    [Fact]
    public void StopThinkingMakesTheAiPlayItsBestMoveSoFar()
    {
        using var controller = NewController(visits: 5_000_000);
        Assert.Null(controller.TryHumanMove(controller.Game.Geometry.PointAt(2, 2)));
        Thread.Sleep(300);
        controller.StopThinking();
        ControllerWait.ForAi(controller);
        Assert.Equal(2, controller.Game.Moves.Count);
        Assert.True(controller.Game.Moves[1].Move.IsPlay);
    }

    [Fact]
    public void AiOpensWhenTheHumanTakesWhite()
    {
        using var controller = NewController(Color.White);
        ControllerWait.ForAi(controller);
        Assert.Single(controller.Game.Moves);
        Assert.Equal(Color.Black, controller.Game.Moves[0].Color);
    }

    [Fact]
    public void TwoPassesEndTheGameWithACountAndGroupsCanBeToggled()
    {
        using var controller = NewController(visits: 8, size: 5);
        controller.Pass();
        ControllerWait.ForAi(controller);
        if (controller.Phase == GamePhase.Playing)
        {
            // The AI played a stone instead of passing back: pass once more for the human, and again.
            controller.Pass();
            ControllerWait.ForAi(controller);
        }

        while (controller.Phase == GamePhase.Playing && controller.Game.Moves.Count < 60)
        {
            controller.Pass();
            ControllerWait.ForAi(controller);
        }

        Assert.Equal(GamePhase.Scoring, controller.Phase);
        Assert.NotNull(controller.Score);
        Assert.Equal(controller.Score!.ResultText, controller.ResultText);
        var stone = controller.Game.Geometry.Points.FirstOrDefault(p => controller.Game.Board[p].IsPlayer(), Point.None);
        if (!stone.IsNone)
        {
            double before = controller.Score.ScoreForBlack;
            Assert.True(controller.ToggleDead(stone));
            Assert.NotEqual(before, controller.Score!.ScoreForBlack);
        }

        controller.Undo();
        Assert.Equal(GamePhase.Playing, controller.Phase);
    }

    [Fact]
    public void ResignEndsTheGameForTheOpponent()
    {
        using var controller = NewController();
        controller.Resign();
        Assert.Equal(GamePhase.Resigned, controller.Phase);
        Assert.Equal("W+R", controller.ResultText);
        Assert.NotNull(controller.TryHumanMove(controller.Game.Geometry.PointAt(1, 1)));
    }

    [Fact]
    public void HandicapStonesAreOnTheBoardAndWhiteMovesFirst()
    {
        var source = new MonteCarloAnalysis(2, seed: 9);
        var settings = new PlaySettings { Width = 9, Height = 9, Visits = 4, Handicap = 4, HumanColor = Color.Black };
        using var controller = new PlayController(settings, new LevelOpponent(source, StrengthLevel.Default, 4, seed: 2));
        Assert.Equal(4, controller.Game.HandicapStones);
        Assert.Equal(77, controller.Game.Board.EmptyCount);
        ControllerWait.ForAi(controller);
        Assert.Equal(Color.White, controller.Game.Moves[0].Color);
    }
}

public class PlayScreenTests
{
    /// <summary>A stand-in network: channel c of block b lights up column (b + c) % width.</summary>
    private sealed class FakeLayers : ZeroGo.Desktop.Analysis.ILayerSource
    {
        public int BlockCount => 3;

        public int Channels => 4;

        public float[][] BlockActivations(GameState state, int block) =>
            Enumerable.Range(0, Channels).Select(c => Enumerable.Range(0, state.Geometry.Area)
                .Select(i => i % state.Geometry.Width == (block + c) % state.Geometry.Width ? 1f : 0f).ToArray()).ToArray();
    }

    private static PlayScreen NewScreen()
    {
        var source = new MonteCarloAnalysis(1, seed: 3);
        var settings = new PlaySettings { Width = 9, Height = 9, Visits = 2 };
        return new PlayScreen(new PlayController(settings, new LevelOpponent(source, StrengthLevel.Default, 2, seed: 1)));
    }

    [Fact]
    public void LayersViewShowsTheChosenBlockAndChannel()
    {
        using var screen = NewScreen();
        Assert.True(screen.Handle(new App.KeyPressed("l"), null));
        Assert.Null(screen.BuildFrame().Board.LayerValues); // no network: the view explains itself instead
        screen.Layers = new FakeLayers();
        screen.Handle(new App.KeyPressed("l"), null);
        var view = screen.BuildFrame().Board;
        Assert.Equal(Rendering.HeatOverlay.Layers, view.Heat);
        Assert.NotNull(view.LayerValues);
        screen.Handle(new App.WheelTurned(1, 0, 0), null); // channel 1 (0-based 0)
        screen.Handle(new App.KeyPressed("]"), null);       // block 2
        var values = screen.BuildFrame().Board.LayerValues!;
        Assert.Equal(1f, values[1]);   // column (1 + 0) % 9 = 1 lit
        Assert.Equal(0f, values[0]);
        Assert.Contains(screen.BuildFrame().Panel.Info, l => l.StartsWith("Layers: block 2 of 3"));
        screen.Handle(new App.KeyPressed("l"), null);
        Assert.Null(screen.BuildFrame().Board.LayerValues);
    }

    [Fact]
    public void HoverShowsAGhostAndAnIllegalPointIsCrossed()
    {
        using var screen = NewScreen();
        var layout = new Rendering.BoardLayout(BoardGeometry.Get(9), new SkiaSharp.SKRect(0, 0, 500, 500), true);
        var scene = new Rendering.SceneLayout(layout, [], SkiaSharp.SKRect.Empty);
        var c3 = BoardGeometry.Get(9).PointAt(2, 6);
        var at = layout.Center(c3);
        Assert.True(screen.Handle(new App.MouseMoved(at.X, at.Y), scene));
        var view = screen.BuildFrame().Board;
        Assert.Equal(c3, view.Ghost);
        Assert.Equal(Color.Black, view.GhostColor);
        Assert.False(view.GhostIllegal);
        Assert.True(screen.Handle(new App.MouseClicked(at.X, at.Y, 1), scene));
        Assert.Equal(Color.Black, screen.Controller.Game.Board[c3]);
    }

    [Fact]
    public void HelpOverlayOpensWithHAndF1AndClosesWithEscape()
    {
        using var screen = NewScreen();
        screen.Handle(new App.KeyPressed("h"), null);
        Assert.True(screen.BuildFrame().Panel.ShowHelp);
        Assert.NotEmpty(screen.BuildFrame().Panel.Help);
        screen.Handle(new App.KeyPressed("escape"), null);
        Assert.False(screen.BuildFrame().Panel.ShowHelp);
        screen.Handle(new App.KeyPressed("f1"), null);
        Assert.True(screen.BuildFrame().Panel.ShowHelp);
    }
}
