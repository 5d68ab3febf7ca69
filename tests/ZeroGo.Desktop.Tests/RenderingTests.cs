using SkiaSharp;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Desktop.Tests;

public class RenderingTests
{
    private static readonly string Output = TestData.OutputFolder("desktop-rendering");

    private static float Luminance(SKColor c) => 0.299f * c.Red + 0.587f * c.Green + 0.114f * c.Blue;

    /// <summary>Average colour of a small square around a pixel (robust to anti-aliasing and shading).</summary>
    private static SKColor Sample(SKBitmap bitmap, SKPoint at, int half = 2)
    {
        int r = 0, g = 0, b = 0, n = 0;
        for (int dy = -half; dy <= half; dy++)
        {
            for (int dx = -half; dx <= half; dx++)
            {
                var c = bitmap.GetPixel((int)at.X + dx, (int)at.Y + dy);
                r += c.Red;
                g += c.Green;
                b += c.Blue;
                n++;
            }
        }

        return new SKColor((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }

    private static (SKBitmap Bitmap, BoardLayout Layout) Draw(BoardView view, int size = 600)
    {
        var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        using var text = new TextRenderer();
        var layout = new BoardRenderer(text).Draw(canvas, new SKRect(0, 0, size, size), view);
        return (bitmap, layout);
    }

    [Fact]
    public void StoneCentresHaveTheStoneColourAndEmptyPointsShowWood()
    {
        var state = TestPositions.Play(9, "C3 G7 E5 D6 F4");
        var view = new BoardView(state.Board) { MarkedMove = Move.Pass };
        var (bitmap, layout) = Draw(view);
        PngExport.Save(bitmap, Path.Combine(Output, "stones-9x9.png"));

        foreach (var vertex in new[] { "C3", "E5", "F4" })
        {
            Assert.True(Luminance(Sample(bitmap, layout.Center(TestPositions.At(state, vertex)))) < 70, $"black stone at {vertex}");
        }

        foreach (var vertex in new[] { "G7", "D6" })
        {
            Assert.True(Luminance(Sample(bitmap, layout.Center(TestPositions.At(state, vertex)))) > 200, $"white stone at {vertex}");
        }

        // An empty point's centre is on a grid line: sample beside it (inside the cell) for the wood.
        var empty = layout.Center(TestPositions.At(state, "B8"));
        var wood = Sample(bitmap, new SKPoint(empty.X + layout.Spacing * 0.3f, empty.Y + layout.Spacing * 0.3f));
        Assert.True(wood.Red > 190 && wood.Green > 140 && wood.Blue < 170 && wood.Red > wood.Blue + 50, $"wood colour {wood}");
    }

    [Theory]
    [InlineData(9, 9, 400)]
    [InlineData(13, 13, 520)]
    [InlineData(19, 19, 800)]
    [InlineData(7, 11, 500)]
    [InlineData(19, 19, 180)]
    public void EveryIntersectionMapsBackToItsPointAtAnySize(int width, int height, int pixels)
    {
        var geometry = BoardGeometry.Get(width, height);
        var layout = new BoardLayout(geometry, new SKRect(10, 20, 10 + pixels, 20 + pixels * 0.9f), coordinates: true);
        foreach (var point in geometry.Points)
        {
            var c = layout.Center(point);
            Assert.Equal(point, layout.PointAt(c.X, c.Y));
            Assert.Equal(point, layout.PointAt(c.X + layout.Spacing * 0.4f, c.Y - layout.Spacing * 0.4f));
        }

        Assert.True(layout.BoardRect.Left >= 10 && layout.BoardRect.Right <= 10 + pixels + 1);
        Assert.Equal(Point.None, layout.PointAt(layout.OriginX - layout.Spacing, layout.OriginY));
    }

    [Fact]
    public void RectangularBoardDrawsStonesAtTheRightPlaces()
    {
        var geometry = BoardGeometry.Get(7, 13);
        var state = new GameState(geometry);
        state.Play(Move.At(geometry.PointAt(0, 0)));
        state.Play(Move.At(geometry.PointAt(6, 12)));
        var (bitmap, layout) = Draw(new BoardView(state.Board));
        PngExport.Save(bitmap, Path.Combine(Output, "rectangular-7x13.png"));
        Assert.True(Luminance(Sample(bitmap, layout.Center(geometry.PointAt(0, 0)))) < 70);
        Assert.True(Luminance(Sample(bitmap, layout.Center(geometry.PointAt(6, 12)), 1)) > 150);
        Assert.True(layout.BoardRect.Height > layout.BoardRect.Width * 1.5f);
    }

    [Fact]
    public void LastMoveMarkerChangesOnlyTheMarkedStone()
    {
        var state = TestPositions.Play(9, "C3 G7 E5");
        var plain = Draw(new BoardView(state.Board)).Bitmap;
        var (marked, layout) = Draw(new BoardView(state.Board) { MarkedMove = state.LastMove });
        var e5 = layout.Center(TestPositions.At(state, "E5"));
        var ringPixel = new SKPoint(e5.X + layout.StoneRadius * 0.5f, e5.Y);
        Assert.True(Luminance(Sample(marked, ringPixel, 1)) > Luminance(Sample(plain, ringPixel, 1)) + 80, "ring on the last move");
        var c3 = layout.Center(TestPositions.At(state, "C3"));
        Assert.Equal(Sample(plain, c3), Sample(marked, c3));
    }

    [Fact]
    public void PolicyOverlayColoursTheLikelyPointsAndLeavesStonesAlone()
    {
        var state = TestPositions.Play(9, "E5");
        var geometry = state.Geometry;
        var policy = new float[geometry.Area + 1];
        var favourite = TestPositions.At(state, "C7");
        policy[geometry.DenseIndex(favourite)] = 0.9f;
        policy[geometry.Area] = 0.1f;
        var analysis = new AnalysisSnapshot { ToMove = Color.White, Candidates = [], Policy = policy };
        var plain = Draw(new BoardView(state.Board)).Bitmap;
        var (withPolicy, layout) = Draw(new BoardView(state.Board) { Heat = HeatOverlay.Policy, Analysis = analysis });
        PngExport.Save(withPolicy, Path.Combine(Output, "policy-overlay.png"));

        var atFavourite = layout.Center(favourite);
        var probe = new SKPoint(atFavourite.X + layout.Spacing * 0.3f, atFavourite.Y + layout.Spacing * 0.2f);
        Assert.NotEqual(Sample(plain, probe), Sample(withPolicy, probe));
        var elsewhere = layout.Center(TestPositions.At(state, "G3"));
        var offProbe = new SKPoint(elsewhere.X + layout.Spacing * 0.3f, elsewhere.Y + layout.Spacing * 0.2f);
        Assert.Equal(Sample(plain, offProbe), Sample(withPolicy, offProbe));
    }

    [Fact]
    public void OwnershipOverlayShadesOwnedPointsByOwner()
    {
        var state = TestPositions.Play(9, "E5");
        var geometry = state.Geometry;
        var ownership = new float[geometry.Area];
        var blackArea = TestPositions.At(state, "B2");
        var whiteArea = TestPositions.At(state, "H8");
        ownership[geometry.DenseIndex(blackArea)] = 1f;
        ownership[geometry.DenseIndex(whiteArea)] = -1f;
        var analysis = new AnalysisSnapshot { ToMove = Color.White, Candidates = [], OwnershipBlack = ownership };
        var plain = Draw(new BoardView(state.Board)).Bitmap;
        var (shaded, layout) = Draw(new BoardView(state.Board) { Heat = HeatOverlay.Ownership, Analysis = analysis });
        PngExport.Save(shaded, Path.Combine(Output, "ownership-overlay.png"));

        SKPoint Probe(Point p) => layout.Center(p) + new SKPoint(layout.Spacing * 0.2f, layout.Spacing * 0.2f);
        Assert.True(Luminance(Sample(shaded, Probe(blackArea), 1)) < Luminance(Sample(plain, Probe(blackArea), 1)) - 60);
        Assert.True(Luminance(Sample(shaded, Probe(whiteArea), 1)) > Luminance(Sample(plain, Probe(whiteArea), 1)) + 20);
        var untouched = TestPositions.At(state, "B8");
        Assert.Equal(Sample(plain, Probe(untouched)), Sample(shaded, Probe(untouched)));
    }

    [Fact]
    public void CandidatesAreDrawnOnEmptyPointsWithTheBestInBlue()
    {
        var state = TestPositions.Play(9, "E5");
        var best = TestPositions.At(state, "C5");
        var second = TestPositions.At(state, "G5");
        var analysis = new AnalysisSnapshot
        {
            ToMove = Color.White,
            Candidates =
            [
                new CandidateMove(Move.At(best), 120, 0.48, -1, 0.3, 0.45, [Move.At(best)]),
                new CandidateMove(Move.At(second), 30, 0.30, -4, 0.1, 0.25, [Move.At(second)]),
            ],
        };
        var (bitmap, layout) = Draw(new BoardView(state.Board) { Analysis = analysis, ShowCandidates = true });
        PngExport.Save(bitmap, Path.Combine(Output, "candidates.png"));
        var bestColour = Sample(bitmap, layout.Center(best) + new SKPoint(layout.Spacing * 0.3f, 0), 1);
        var secondColour = Sample(bitmap, layout.Center(second) + new SKPoint(layout.Spacing * 0.3f, 0), 1);
        Assert.True(bestColour.Blue > bestColour.Red + 60, $"best candidate is blue: {bestColour}");
        Assert.True(secondColour.Red > secondColour.Blue + 60, $"an 18% worse candidate is orange/red: {secondColour}");
    }

    [Fact]
    public void CjkTextIsDrawnWithAFontThatHasTheGlyphs()
    {
        using var text = new TextRenderer();
        Skip.If(text.CjkFamily is null, "no CJK font installed (scripts/setup.sh installs fonts-noto-cjk)");
        using var bitmap = new SKBitmap(new SKImageInfo(200, 60, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        text.Draw(canvas, "围棋", 10, 45, 36, SKColors.Black);
        // A missing glyph draws as an empty box ("tofu"): its inside stays white. Real hanzi fill many pixels.
        int dark = 0;
        for (int y = 0; y < 60; y++)
        {
            for (int x = 0; x < 200; x++)
            {
                dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        Assert.True(dark > 300, $"only {dark} dark pixels");
        Assert.True(text.Measure("围棋 is fun", 20) > text.Measure("is fun", 20) + 30);
    }

    [Fact]
    public void WrapBreaksLongLinesAndCjkWithoutSpaces()
    {
        using var text = new TextRenderer();
        var lines = text.Wrap("the quick brown fox jumps over the lazy dog", 14, 100);
        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.True(text.Measure(l, 14) <= 100));
        Assert.Equal("the quick brown fox jumps over the lazy dog", string.Join(" ", lines));
        var cjk = text.Wrap("黑棋在这里下了一手非常有力的棋，白棋必须应对。", 14, 90);
        Assert.True(cjk.Count >= 2);
    }
}

public class StarPointTests
{
    [Theory]
    [InlineData(19, 9)]
    [InlineData(13, 5)]
    [InlineData(9, 5)]
    [InlineData(7, 4)]
    [InlineData(5, 1)]
    [InlineData(4, 0)]
    public void StandardBoardsHaveTheUsualStarPoints(int size, int count)
    {
        Assert.Equal(count, ZeroGo.Desktop.Rendering.BoardRenderer.StarPoints(size, size).Count());
    }
}
