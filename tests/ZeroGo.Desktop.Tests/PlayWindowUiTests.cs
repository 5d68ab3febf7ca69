using System.Diagnostics;
using SkiaSharp;
using Xunit.Abstractions;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Desktop.Tests;

/// <summary>
/// The real window under a virtual X server: starts <c>./zerogo play --size 9 --visits 16</c>, clicks an
/// intersection with xdotool, takes screenshots with ImageMagick's <c>import</c> and reads the stones off the pixels.
/// Skips when Xvfb, xdotool or import are missing (scripts/setup.sh test installs them).
/// </summary>
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

    private static SKBitmap Shot(int display, string? keep)
    {
        string file = keep ?? Path.Combine(Path.GetTempPath(), $"zerogo-ui-{display}.png");
        Run("import", $"-window root {file}", display);
        using var stream = File.OpenRead(file);
        return SKBitmap.Decode(stream) ?? throw new InvalidOperationException("could not read the screenshot " + file);
    }

    private static string WaitForWindow(int display, Process play)
    {
        string window = "";
        WaitFor(() =>
        {
            if (play.HasExited)
            {
                throw new InvalidOperationException($"zerogo play exited with {play.ExitCode}: {play.StandardError.ReadToEnd()}");
            }

            window = TryRun("xdotool", "search --onlyvisible --name ZeroGo", display).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            return window.Length > 0;
        }, TimeSpan.FromSeconds(240), "the window did not open (the launcher may still be building)");
        return window;
    }

    private static int Field(string shell, string name) =>
        int.Parse(shell.Split('\n').First(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    private static void WaitFor(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail(failure);
            }

            Thread.Sleep(250);
        }
    }

    private static int FreeDisplay()
    {
        for (int n = 90 + Environment.ProcessId % 50; n < 400; n++)
        {
            if (!File.Exists($"/tmp/.X{n}-lock") && !File.Exists($"/tmp/.X11-unix/X{n}"))
            {
                return n;
            }
        }

        throw new InvalidOperationException("no free X display number");
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    private static Process Start(string file, string arguments, Dictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestData.RepoRoot,
        };
        foreach (var (key, value) in environment ?? [])
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
    }

    private static string Run(string tool, string arguments, int display)
    {
        var info = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["DISPLAY"] = $":{display}";
        using var process = Process.Start(info)!;
        string text = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {error}");
        }

        return text;
    }

    private static string TryRun(string tool, string arguments, int display)
    {
        try
        {
            return Run(tool, arguments, display);
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}
