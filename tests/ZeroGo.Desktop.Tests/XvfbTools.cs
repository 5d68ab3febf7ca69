using System.Diagnostics;
using SkiaSharp;
using ZeroGo.Testing;

namespace ZeroGo.Desktop.Tests;

/// <summary>
/// Builds the CLI once, before the first window test, through the <c>./zerogo</c> launcher (it rebuilds when sources
/// changed): on a loaded machine that build takes minutes, and it must not count against a test's wait for its window.
/// </summary>
public sealed class CliBuildFixture
{
    public CliBuildFixture()
    {
        if (XvfbTools.FindOnPath("Xvfb") is null)
        {
            return; // the window tests skip; nothing to build for them
        }

        using var build = XvfbTools.Start(Path.Combine(TestData.RepoRoot, "zerogo"), "--help", null);
        var output = build.StandardOutput.ReadToEndAsync();
        var error = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            XvfbTools.Stop(build);
        }

        // A failed build is reported by the tests themselves: the launcher fails again there with the compiler's errors.
        _ = (output.Result, error.Result);
    }
}

[CollectionDefinition(XvfbTools.Collection)]
public sealed class XvfbWindowsCollection : ICollectionFixture<CliBuildFixture>
{
}

/// <summary>
/// Driving the real window under a virtual X server (Xvfb) with xdotool: free display numbers, starting and
/// stopping processes, waiting for the window. Shared by the play and replay UI tests.
/// </summary>
internal static class XvfbTools
{
    /// <summary>
    /// The xUnit collection of the window tests: one at a time, after <see cref="CliBuildFixture"/> built the CLI, so
    /// that two <c>./zerogo</c> launchers never build into the same folder at once.
    /// </summary>
    public const string Collection = "Xvfb windows";

    /// <summary>A screenshot of the whole display (kept at <paramref name="keep"/> when given).</summary>
    public static SKBitmap Shot(int display, string? keep)
    {
        string file = keep ?? Path.Combine(Path.GetTempPath(), $"zerogo-ui-{display}.png");
        Run("import", $"-window root {file}", display);
        using var stream = File.OpenRead(file);
        return SKBitmap.Decode(stream) ?? throw new InvalidOperationException("could not read the screenshot " + file);
    }

    public static string WaitForWindow(int display, Process play)
    {
        string window = "";
        WaitFor(() =>
        {
            if (play.HasExited)
            {
                throw new InvalidOperationException($"zerogo exited with {play.ExitCode}: {play.StandardError.ReadToEnd()}");
            }

            window = TryRun("xdotool", "search --onlyvisible --name ZeroGo", display).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            return window.Length > 0;
        }, TimeSpan.FromSeconds(240), "the window did not open (the launcher may still be building)");
        return window;
    }

    public static int Field(string shell, string name) =>
        int.Parse(shell.Split('\n').First(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    public static void WaitFor(Func<bool> condition, TimeSpan timeout, string failure)
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

    public static int FreeDisplay()
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

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    public static Process Start(string file, string arguments, Dictionary<string, string>? environment)
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

    public static string Run(string tool, string arguments, int display)
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

    public static string TryRun(string tool, string arguments, int display)
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

    public static void Stop(Process process)
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
