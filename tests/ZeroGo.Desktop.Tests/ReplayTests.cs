using SkiaSharp;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Desktop.Replay;
using ZeroGo.Formats;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Desktop.Tests;

public class ReplayTests
{
    private static string Game2()
    {
        var inRepo = Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", "game2.sgf");
        return File.Exists(inRepo) ? inRepo : TestData.RequireShared("games/alphago_lee_sedol/LS_vs_AG_G2.sgf");
    }

    [SkippableFact]
    public void Game2OpensAtMove37WithP10Highlighted()
    {
        var record = GameRecord.Load(Game2());
        Assert.Equal(211, record.MoveCount);
        using var screen = new ReplayScreen(new ReplayController(record, null, 1, 37));
        Assert.Equal(37, screen.Controller.MoveNumber);
        var (board, panel) = screen.BuildFrame();
        Assert.True(GtpVertex.TryParse("P10", record.Geometry, out var p10));
        Assert.Equal(p10, board.MarkedMove);
        Assert.Equal(p10.Point, board.Highlight);
        Assert.StartsWith("Move 37", board.HighlightCaption);
        Assert.Equal(Color.Black, board.Board[p10.Point]);
        Assert.Contains(panel.Info, line => line.Contains("Move 37 of 211 · B P10"));
        Assert.Equal("AlphaGo", panel.Black.Name);

        using var bitmap = PngExport.Render(1200, 800, board, panel);
        PngExport.Save(bitmap, Path.Combine(TestData.OutputFolder("desktop-rendering"), "game2-move37.png"));
        var layout = new BoardLayout(record.Geometry, SceneRenderer.BoardArea(1200, 800, true), true);
        var c = layout.Center(p10.Point);
        var pixel = bitmap.GetPixel((int)(c.X + layout.StoneRadius * 0.3f), (int)(c.Y - layout.StoneRadius * 0.72f));
        Assert.True(pixel.Red < 80 && pixel.Green < 80, $"P10 is a black stone on the picture: {pixel}");
    }

    [SkippableFact]
    public void ReviewGivesThePlayedMovesPriorRankAndWinRatesAndSurvivesSaving()
    {
        var source = Game2();
        string copy = Path.Combine(TestData.OutputFolder("desktop-replay"), "game2.sgf");
        File.Copy(source, copy, overwrite: true);
        var record = GameRecord.Load(copy);
        using var screen = new ReplayScreen(new ReplayController(record, new FakeNetwork(), 10, 37));
        screen.Controller.ReviewCurrentMove();
        var review = screen.Controller.Review.Review(37);
        Assert.NotNull(review);
        Assert.Equal(Color.Black, review!.Color);
        Assert.True(review.Before.NextPriorRank >= 1);
        Assert.InRange(review.Before.NextPrior, 1e-6, 0.02);
        Assert.Equal(0.55, review.WinRateBefore, 6);
        Assert.Equal(0.45, review.WinRateAfter, 6);
        var (_, panel) = screen.BuildFrame();
        Assert.Contains(panel.Details, d => d.Label == "Prior of the move played");
        Assert.Contains(panel.Details, d => d.Label == "Win rate before → after" && d.Value == "55.0% → 45.0%");

        string message = screen.Controller.SaveAnalysis();
        Assert.StartsWith("Saved 2 evaluations", message);
        var reopened = GameRecord.Load(Path.ChangeExtension(copy, null) + "-analysed.sgf");
        var again = new GameReview(reopened);
        Assert.Equal(2, again.Evaluated);
        Assert.Equal(review.Before.NextPriorRank, again[36]!.NextPriorRank);
        Assert.Equal(review.Before.NextPrior, again[36]!.NextPrior, 4);
        Assert.Contains("ZeroGo: win rate 55.0% -> 45.0%", GameRecord.Comment(reopened.NodeAfterMove(37)));
        Assert.Equal(211, reopened.MoveCount);
    }

    [SkippableFact]
    public void Move37ShowsAlphaGosPublishedPriorBesideTheNetworksOwn()
    {
        var record = GameRecord.Load(Game2());
        using var screen = new ReplayScreen(new ReplayController(record, new FakeNetwork(), 10, 37));
        screen.Controller.ReviewCurrentMove();
        var known = screen.Controller.PublishedPriorOfShownMove();
        Assert.NotNull(known);
        Assert.Equal(1e-4, known!.Prior);
        var (board, panel) = screen.BuildFrame();
        Assert.Contains("AlphaGo 0.01%", board.HighlightCaption);
        Assert.Contains(panel.Details, d => d.Label == "AlphaGo's policy network" && d.Value == "1 in 10,000");

        // Only that move: the moves around it have none.
        Assert.True(screen.Controller.Step(-1));
        Assert.Null(screen.Controller.PublishedPriorOfShownMove());
        Assert.DoesNotContain(screen.BuildFrame().Panel.Details, d => d.Label == "AlphaGo's policy network");
        screen.Controller.GoToMove(38);
        Assert.Null(screen.Controller.PublishedPriorOfShownMove());
    }

    [Fact]
    public void PublishedPriorsAreFoundByPositionNotByFile()
    {
        // Game 2's first 36 moves with nothing else of the record (no game info, no comments), then P10; and the
        // same stones reached in another order. A different 37th move, or the same stones with White to move, has none.
        const string opening = "B[pd];W[dp];B[cd];W[qp];B[op];W[oq];B[nq];W[pq];B[cn];W[fq];B[mp];W[qn];B[ic];W[dj];B[po];W[qo];B[cp];W[cq];" +
            "B[bq];W[co];B[bp];W[bo];B[do];W[bn];B[dq];W[ep];B[dr];W[cm];B[jp];W[cg];B[ed];W[qf];B[qe];W[pf];B[nd];W[pi]";
        var record = GameRecord.FromSgf(SgfGame.Parse($"(;SZ[19];{opening};B[oj])"));
        using var controller = new ReplayController(record, null, 1, 37);
        Assert.Equal("AlphaGo's policy network", controller.PublishedPriorOfShownMove()?.Program);

        string transposed = opening.Replace("B[pd];W[dp];B[cd];W[qp]", "B[cd];W[qp];B[pd];W[dp]", StringComparison.Ordinal);
        using var otherOrder = new ReplayController(GameRecord.FromSgf(SgfGame.Parse($"(;SZ[19];{transposed};B[oj])")), null, 1, 37);
        Assert.NotNull(otherOrder.PublishedPriorOfShownMove());

        using var otherMove = new ReplayController(GameRecord.FromSgf(SgfGame.Parse($"(;SZ[19];{opening};B[ok])")), null, 1, 37);
        Assert.Null(otherMove.PublishedPriorOfShownMove());

        var state = record.StateAt(record.NodeAfterMove(36)).Clone();
        Assert.True(GtpVertex.TryParse("P10", record.Geometry, out var p10));
        Assert.NotNull(PublishedPriors.For(state, p10));
        state.Play(Color.Black, Move.Pass);
        Assert.Null(PublishedPriors.For(state, p10)); // the same stones, White to move
    }

    [Fact]
    public void PositionEvalTextRoundTrips()
    {
        var geometry = BoardGeometry.Get(19);
        var eval = new PositionEval(12, Color.White, 0.4321, -3.25, Move.At(geometry.PointAt(14, 9)), 300, 0.00123, 45, 0);
        var back = PositionEval.Parse(eval.Format(geometry), 12, geometry);
        Assert.Equal(eval, back);
        Assert.Null(PositionEval.Parse("garbage", 1, geometry));
        Assert.Null(PositionEval.Parse("v1;to=B;best=aa", 1, geometry));
    }

    [Fact]
    public void VariationsAreReachableAndStepping()
    {
        var record = GameRecord.FromSgf(SgfGame.Parse("(;SZ[9]KM[6.5]PB[黑]PW[白];B[ee]C[中央];W[cc](;B[gg];W[gc])(;B[cg]C[variation]))"));
        using var screen = new ReplayScreen(new ReplayController(record, null, 1, 0));
        Assert.Equal(0, screen.Controller.MoveNumber);
        screen.Handle(new App.KeyPressed("right"), null);
        Assert.Equal(1, screen.Controller.MoveNumber);
        Assert.Equal("中央", screen.BuildFrame().Panel.Comment);
        screen.Handle(new App.KeyPressed("end"), null);
        Assert.Equal(4, screen.Controller.MoveNumber);
        screen.Handle(new App.KeyPressed("left"), null);
        Assert.Equal(3, screen.Controller.MoveNumber);
        screen.Handle(new App.KeyPressed("down"), null);
        Assert.Equal("variation", screen.BuildFrame().Panel.Comment);
        Assert.Contains(screen.BuildFrame().Panel.Info, l => l.StartsWith("Variation 2 of 2"));
        Assert.Equal("黑", screen.BuildFrame().Panel.Black.Name);
    }
}
