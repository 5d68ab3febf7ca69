using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Desktop.Replay;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Tests;

/// <summary>The replay's rules without a window: navigation, opening files, the review worker's results.</summary>
public sealed class ReplayControllerTests : IDisposable
{
    private const string WithVariation = "(;SZ[9]KM[6.5];B[ee]C[first];W[cc](;B[gg];W[gc])(;B[cg]C[variation]))";

    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-replay-controller-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteGame(string name, string sgf)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, sgf);
        return path;
    }

    private static ReplayController FromText(string sgf, IAnalysisSource? source = null, int startMove = 0) =>
        new(GameRecord.FromSgf(SgfGame.Parse(sgf)), source, visits: 4, startMove);

    /// <summary>The window loop's part: apply the worker's news until <paramref name="done"/> holds.</summary>
    private static void UpdateUntil(ReplayController controller, Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            controller.Update(DateTime.UtcNow);
            Assert.True(DateTime.UtcNow < deadline, "the review worker did not finish");
            Thread.Sleep(5);
        }
    }

    [Fact]
    public void StepsJumpsAndVariationsMoveTheNodeShown()
    {
        using var controller = FromText(WithVariation);
        Assert.Equal(0, controller.MoveNumber);
        Assert.False(controller.Step(-1)); // already at the start
        Assert.True(controller.Step(1));
        Assert.Equal("first", GameRecord.Comment(controller.Node));
        Assert.True(controller.GoToEndOfLine());
        Assert.Equal(4, controller.MoveNumber);
        Assert.False(controller.SwitchVariation(1)); // W[gc] has no sibling

        controller.Step(-1);
        Assert.True(controller.SwitchVariation(1));
        Assert.Equal("variation", GameRecord.Comment(controller.Node));
        Assert.False(controller.OnMainLine);
        Assert.True(controller.SwitchVariation(1)); // round and round
        Assert.True(controller.OnMainLine);

        Assert.True(controller.GoToMove(99));
        Assert.Equal(4, controller.MoveNumber);
        Assert.True(controller.GoToMove(-3));
        Assert.Equal(0, controller.MoveNumber);
        Assert.True(controller.Step(10));
        Assert.Equal(4, controller.MoveNumber);
    }

    [Fact]
    public void AutoplayStepsWhenDueAndStopsAtTheEnd()
    {
        using var controller = FromText(WithVariation, startMove: 3);
        Assert.Null(controller.AutoplayWait);
        controller.ToggleAutoplay();
        Assert.NotNull(controller.AutoplayWait);
        Assert.False(controller.Update(DateTime.UtcNow)); // not due yet
        Assert.True(controller.Update(DateTime.UtcNow.AddSeconds(2)));
        Assert.Equal(4, controller.MoveNumber);
        Assert.True(controller.Autoplaying);
        Assert.True(controller.Update(DateTime.UtcNow.AddSeconds(4)));
        Assert.False(controller.Autoplaying);
        Assert.Equal(4, controller.MoveNumber);
    }

    [Fact]
    public void MistakesWaitForTheReview()
    {
        using var controller = FromText(WithVariation);
        Assert.Equal("The review is still running…", controller.JumpToNextMistake());
        Assert.Equal(0, controller.MoveNumber);
    }

    [Fact]
    public void OpeningAFolderAMissingOrBrokenFileSaysWhyAndKeepsTheRecord()
    {
        string first = WriteGame("first.sgf", "(;SZ[9];B[ee];W[cc])");
        string broken = WriteGame("broken.sgf", "this is not SGF");
        using var controller = new ReplayController(GameRecord.Load(first), null, 1, startMove: 1);

        Assert.Contains("is a folder", controller.Open(_folder));
        Assert.Contains("no such file", controller.Open(Path.Combine(_folder, "nothing-here.sgf")));
        Assert.NotNull(controller.Open(broken));
        Assert.Equal(first, controller.Record.Path);
        Assert.Equal(1, controller.MoveNumber);
        Assert.Equal(1, controller.HighlightMove);
    }

    [Fact]
    public void OpeningAFileShowsItsStartAndTheNextFileGoesRoundTheFolder()
    {
        string first = WriteGame("a-first.sgf", "(;SZ[9];B[ee];W[cc])");
        string second = WriteGame("b-second.sgf", "(;SZ[13]PB[Second Black];B[dd];W[jj];B[gg])");
        using var controller = new ReplayController(GameRecord.Load(first), null, 1, startMove: 2);
        Assert.Equal(_folder + "/", controller.StartingFolder());
        Assert.Equal(second, controller.NextFileInFolder());

        Assert.Null(controller.Open(second));
        Assert.Equal(13, controller.Record.Geometry.Width);
        Assert.Equal(3, controller.Review.MoveCount);
        Assert.Equal(0, controller.MoveNumber);
        Assert.Equal(0, controller.HighlightMove);
        Assert.Equal(first, controller.NextFileInFolder());

        File.Delete(first);
        Assert.Null(controller.NextFileInFolder()); // alone in its folder
    }

    [Fact]
    public void ARecordWithoutAFileHasNoNeighboursAndNothingToSave()
    {
        using var controller = FromText(WithVariation);
        Assert.Null(controller.NextFileInFolder());
        Assert.Equal("Nothing to save: the record has no file", controller.SaveAnalysis());
    }

    [Fact]
    public void TheWorkerReviewsEveryPositionAndItsResultsReachTheReviewAndTheNodeShown()
    {
        using var controller = FromText(WithVariation, new FakeNetwork(), startMove: 2);
        int wakes = 0;
        controller.Wake = () => Interlocked.Increment(ref wakes);
        Assert.False(controller.Update(DateTime.UtcNow));
        controller.StartAnalysis();
        UpdateUntil(controller, () => controller.Review.Evaluated == controller.Review.MoveCount + 1);

        Assert.True(Volatile.Read(ref wakes) >= controller.Review.MoveCount + 1);
        Assert.Equal(0.55, controller.CurrentAnalysis!.WinRate, 6);
        var review = controller.Review.Review(2);
        Assert.NotNull(review);
        Assert.Equal(0.55, review!.WinRateBefore, 6);
        Assert.Equal(0.45, review.WinRateAfter, 6);
        Assert.Null(controller.TakeFailure());

        // Every move lost 10% by the stand-in's verdict: m jumps to one and rings it.
        Assert.Null(controller.JumpToNextMistake());
        Assert.InRange(controller.HighlightMove, 1, 4);
        Assert.Equal(controller.HighlightMove, controller.MoveNumber);
    }

    [Fact]
    public void TheWorkerAnalysesAVariationShownToo()
    {
        using var controller = FromText(WithVariation, new FakeNetwork(), startMove: 2);
        controller.GoTo(GameRecord.Variations(controller.Record.NodeAfterMove(3)).Siblings[1]);
        Assert.False(controller.OnMainLine);
        controller.StartAnalysis();
        UpdateUntil(controller, () => controller.CurrentAnalysis is not null);
        Assert.Equal(Color.White, controller.CurrentAnalysis!.ToMove);
    }

    private sealed class FailingSource : IAnalysisSource
    {
        public string Name => "failing";

        public AnalysisSnapshot Analyse(GameState state, int visits, CancellationToken cancel, Action<AnalysisSnapshot>? progress) =>
            throw new InvalidOperationException("the network is gone");
    }

    [Fact]
    public void AFailedAnalysisStopsTheWorkerAndIsToldOnce()
    {
        using var controller = FromText(WithVariation, new FailingSource());
        controller.StartAnalysis();
        string? failure = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (failure is null)
        {
            if (controller.Update(DateTime.UtcNow))
            {
                failure = controller.TakeFailure();
            }

            Assert.True(DateTime.UtcNow < deadline, "the failure was not reported");
            Thread.Sleep(5);
        }

        Assert.Equal("Analysis failed: the network is gone", failure);
        Assert.Null(controller.TakeFailure());
        Assert.False(controller.Update(DateTime.UtcNow));
        Assert.Equal(0, controller.Review.Evaluated);
    }

    [Fact]
    public void TheFailureBecomesAToastOnTheReplayScreen()
    {
        using var screen = new ReplayScreen(FromText(WithVariation, new FailingSource()));
        screen.Controller.StartAnalysis();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!screen.Update(DateTime.UtcNow))
        {
            Assert.True(DateTime.UtcNow < deadline, "the failure was not reported");
            Thread.Sleep(5);
        }

        Assert.Equal("Analysis failed: the network is gone", screen.BuildFrame().Panel.Toast);
    }

    [Fact]
    public void OverlayCommandsAreSharedByBothScreens()
    {
        var input = new ScreenInput();
        Assert.True(input.ShowCandidates);
        Assert.True(input.SharedCommand("candidates"));
        Assert.False(input.ShowCandidates);
        Assert.True(input.SharedCommand("ownership"));
        Assert.Equal(HeatOverlay.Ownership, input.Heat);
        Assert.True(input.SharedCommand("policy"));
        Assert.Equal(HeatOverlay.Policy, input.Heat);
        Assert.True(input.SharedCommand("policy"));
        Assert.Equal(HeatOverlay.None, input.Heat);
        Assert.True(input.SharedCommand("help"));
        Assert.True(input.ShowHelp);
        Assert.Null(input.SharedCommand("resign"));

        using var screen = new ReplayScreen(FromText(WithVariation));
        Assert.True(screen.Command("ownership"));
        Assert.Equal(HeatOverlay.Ownership, screen.Heat);
        var buttons = screen.BuildFrame().Panel.Buttons;
        Assert.True(buttons.Single(b => b.Id == "ownership").Active);
        Assert.True(buttons.Single(b => b.Id == "candidates").Active);
    }
}
