using SkiaSharp;
using ZeroGo.Testing;
using static ZeroGo.Desktop.Tests.XvfbTools;

namespace ZeroGo.Desktop.Tests;

/// <summary>
/// The replay window under Xvfb: ctrl+o, a file name typed with xdotool (through SDL's real text input), Enter, and
/// the window title names the new record. Skips when Xvfb, xdotool or import are missing (scripts/setup.sh test).
/// </summary>
[Collection(XvfbTools.Collection)]
public sealed class ReplayWindowUiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-replay-ui-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void CtrlOAndATypedFileNameOpenAnotherRecord()
    {
        foreach (var tool in new[] { "Xvfb", "xdotool", "import" })
        {
            Skip.If(FindOnPath(tool) is null, $"{tool} is not installed (scripts/setup.sh test installs xvfb, xdotool, imagemagick)");
        }

        string first = Path.Combine(_folder, "first.sgf");
        File.WriteAllText(first, "(;SZ[9]PB[One];B[ee];W[cc])");
        File.WriteAllText(Path.Combine(_folder, "second-game.sgf"), "(;SZ[9]PB[Two];B[gg];W[cg];B[gc])");
        string shots = TestData.OutputFolder("desktop-ui");
        int display = FreeDisplay();
        using var xvfb = Start("Xvfb", $":{display} -screen 0 1280x860x24 -nolisten tcp", null);
        try
        {
            WaitFor(() => File.Exists($"/tmp/.X11-unix/X{display}"), TimeSpan.FromSeconds(10), "Xvfb did not start");
            var environment = new Dictionary<string, string> { ["DISPLAY"] = $":{display}" };
            using var replay = Start(Path.Combine(TestData.RepoRoot, "zerogo"), $"replay {first} --visits 0", environment);
            try
            {
                string window = "";
                WaitFor(() =>
                {
                    window = WaitForWindow(display, replay);
                    return TryRun("xdotool", $"getwindowname {window}", display).Contains("replay first.sgf", StringComparison.Ordinal);
                }, TimeSpan.FromSeconds(60), "the replay window did not show first.sgf in its title");

                // The first frame is up when the board's wood shows in the window's middle-left; the prompt card is
                // up when the bottom of the board turns dark.
                string geometry = Run("xdotool", $"getwindowgeometry --shell {window}", display);
                int wx = Field(geometry, "X"), wy = Field(geometry, "Y"), width = Field(geometry, "WIDTH"), height = Field(geometry, "HEIGHT");
                var area = Rendering.SceneRenderer.BoardArea(width, height, withPanel: true);
                int px = wx + (int)(area.Left + area.Width * 0.3f), py = wy + (int)(area.Bottom - area.Height * 0.08f);
                bool Wood(SKColor c) => c.Red > 150 && c.Red > c.Blue + 50;
                WaitFor(() => Wood(Shot(display, null).GetPixel(px, py)), TimeSpan.FromSeconds(30), "the board never appeared");

                Run("xdotool", $"windowfocus --sync {window}", display);
                Run("xdotool", "key ctrl+o", display);
                Run("xdotool", "type --delay 40 second-game.sgf", display);
                WaitFor(() => !Wood(Shot(display, Path.Combine(shots, "replay-open-prompt.png")).GetPixel(px, py)),
                    TimeSpan.FromSeconds(10), "the open prompt was not drawn over the board");
                Run("xdotool", "key Return", display);
                WaitFor(() => TryRun("xdotool", $"getwindowname {window}", display).Contains("replay second-game.sgf", StringComparison.Ordinal),
                    TimeSpan.FromSeconds(10), "the typed file was not opened: the title never named second-game.sgf");
                Run("import", $"-window root {Path.Combine(shots, "replay-opened.png")}", display);
            }
            finally
            {
                Stop(replay);
            }
        }
        finally
        {
            Stop(xvfb);
        }
    }
}
