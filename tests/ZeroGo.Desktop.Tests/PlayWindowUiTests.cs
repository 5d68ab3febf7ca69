using System.Diagnostics;
using SkiaSharp;
using Xunit.Abstractions;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Go;
using ZeroGo.Testing;
using static ZeroGo.Desktop.Tests.XvfbTools;

namespace ZeroGo.Desktop.Tests;

/// <summary>
/// The real window under a virtual X server: starts <c>./zerogo play --size 9 --visits 16</c>, clicks an
/// intersection with xdotool, takes screenshots with ImageMagick's <c>import</c> and reads the stones off the pixels.
/// Skips when Xvfb, xdotool or import are missing (scripts/setup.sh test installs them).
/// </summary>
[Collection(XvfbTools.Collection)]
public sealed class PlayWindowUiTests(ITestOutputHelper output)
{
    private const int ScreenWidth = 1280, ScreenHeight = 860;

    [SkippableFact]
    public void ClickPlaysBlackTheAiAnswersWhiteAndUndoRemovesBoth()
    {
        foreach (var tool in new[] { "Xvfb", "xdotool", "import" })
        {
            Skip.If(FindOnPath(tool) is null, $"{tool} is not installed (scripts/setup.sh test installs xvfb, xdotool, imagemagick)");
        }

        string shots = TestData.OutputFolder("desktop-ui");
        int display = FreeDisplay();
        using var xvfb = Start("Xvfb", $":{display} -screen 0 {ScreenWidth}x{ScreenHeight}x24 -nolisten tcp", null);
        try
        {
            WaitFor(() => File.Exists($"/tmp/.X11-unix/X{display}"), TimeSpan.FromSeconds(10), "Xvfb did not start");
            var environment = new Dictionary<string, string> { ["DISPLAY"] = $":{display}" };
            using var play = Start(Path.Combine(TestData.RepoRoot, "zerogo"), "play --size 9 --visits 16 --threads 1", environment);
            try
            {
                // SDL may replace its first window while it picks a renderer: retry until one stays.
                string window = "", geometry = "";
                WaitFor(() =>
                {
                    window = WaitForWindow(display, play);
                    geometry = TryRun("xdotool", $"getwindowgeometry --shell {window}", display);
                    return geometry.Contains("WIDTH=", StringComparison.Ordinal);
                }, TimeSpan.FromSeconds(60), "the window vanished");
                int wx = Field(geometry, "X"), wy = Field(geometry, "Y"), width = Field(geometry, "WIDTH"), height = Field(geometry, "HEIGHT");
                var layout = new BoardLayout(BoardGeometry.Get(9), SceneRenderer.BoardArea(width, height, withPanel: true), coordinates: true);
                var board = BoardGeometry.Get(9);
                var e5 = board.PointAt(4, 4);
                var c7 = board.PointAt(2, 2);

                // Wait until the first frame is up (the empty board's wood at E5), then click E5.
                WaitFor(() => Colour(Shot(display, null), layout, wx, wy, e5) == Stone.None, TimeSpan.FromSeconds(30), "the board never appeared");
                Run("xdotool", $"mousemove {wx + (int)layout.Center(e5).X} {wy + (int)layout.Center(e5).Y} click 1", display);

                var clock = Stopwatch.StartNew();
                SKBitmap? afterClick = null;
                WaitFor(() => Colour(afterClick = Shot(display, Path.Combine(shots, "1-black-played.png")), layout, wx, wy, e5) == Stone.Black,
                    TimeSpan.FromSeconds(10), "no black stone at E5 after the click");

                Point white = Point.None;
                WaitFor(() =>
                {
                    var bitmap = Shot(display, Path.Combine(shots, "2-white-answered.png"));
                    white = board.Points.FirstOrDefault(p => Colour(bitmap, layout, wx, wy, p) == Stone.White, Point.None);
                    return !white.IsNone;
                }, TimeSpan.FromSeconds(15), "no white stone appeared");
                output.WriteLine($"white answered at {Formats.GtpVertex.Format(white, board)} {clock.Elapsed.TotalSeconds:F1} s after the click");
                Assert.NotEqual(e5, white);
                Assert.Equal(Stone.Black, Colour(Shot(display, null), layout, wx, wy, e5));

                Run("xdotool", $"windowfocus {window}", display);
                Run("xdotool", "key u", display);
                WaitFor(() =>
                {
                    var bitmap = Shot(display, Path.Combine(shots, "3-after-undo.png"));
                    return Colour(bitmap, layout, wx, wy, e5) == Stone.None && Colour(bitmap, layout, wx, wy, white) == Stone.None;
                }, TimeSpan.FromSeconds(10), "undo did not remove both stones");
                Assert.Equal(Stone.None, Colour(Shot(display, null), layout, wx, wy, c7));
            }
            finally
            {
                Stop(play);
            }
        }
        finally
        {
            Stop(xvfb);
        }
    }

    private enum Stone
    {
        None,
        Black,
        White,
        Unclear,
    }

    /// <summary>
    /// What the screenshot shows at a point: the average colour of a small patch above the centre, inside any stone
    /// but clear of the last-move ring and of the grid lines through the centre.
    /// </summary>
    private static Stone Colour(SKBitmap bitmap, BoardLayout layout, int wx, int wy, Point point)
    {
        var c = layout.Center(point);
        int x = wx + (int)(c.X + layout.StoneRadius * 0.3f), y = wy + (int)(c.Y - layout.StoneRadius * 0.72f);
        int r = 0, g = 0, b = 0, n = 0;
        for (int dy = -1; dy <= 1; dy++)
        {
            for (int dx = -1; dx <= 1; dx++)
            {
                var p = bitmap.GetPixel(x + dx, y + dy);
                r += p.Red;
                g += p.Green;
                b += p.Blue;
                n++;
            }
        }

        r /= n;
        g /= n;
        b /= n;
        float luminance = 0.299f * r + 0.587f * g + 0.114f * b;
        return luminance < 80 ? Stone.Black
            : luminance > 205 && Math.Abs(r - b) < 40 ? Stone.White
            : r > b + 50 ? Stone.None
            : Stone.Unclear;
    }
}
