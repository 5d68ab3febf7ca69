using System.Diagnostics;

namespace ZeroGo.Cli.Tests;

/// <summary>
/// A long job stopped by SIGTERM (kill, systemd, a container stop) ends as after Ctrl-C: it finishes its step, says
/// why it stopped, and a restart resumes it. Before, SIGTERM killed it between checkpoints.
/// </summary>
public sealed class TerminationTests
{
    [Fact]
    public void A_loop_sent_SIGTERM_stops_after_its_current_step_and_resumes()
    {
        using var folder = new TempFolder();
        string[] loop = ["loop", "--run", folder.File("run"), "--size", "5", "--games-per-generation", "2", "--visits", "4",
            "--steps-per-generation", "2", "--blocks", "1", "--channels", "8", "--hours", "1"];
        using (var first = new ZeroGoProcess(folder.Path, loop))
        {
            Assert.True(first.WaitFor(output => output.Contains("selfplay:", StringComparison.Ordinal)), first.Stdout + first.Stderr);
            using (var kill = Process.Start("kill", ["-TERM", first.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(first.Exit(), "still running after SIGTERM:\n" + first.Stdout + first.Stderr);
            string said = first.Stdout + first.Stderr;
            Assert.Contains("terminated: finishing the current step", said);
            Assert.Contains("loop: stopped at generation", said);
            Assert.NotEqual(143, first.Process.ExitCode);   // 128 + SIGTERM: killed, not stopped
        }

        using var again = new ZeroGoProcess(folder.Path, [.. loop[..^2], "--generations", "1"]);
        Assert.True(again.Exit(), again.Stdout + again.Stderr);
        Assert.Contains("loop: resumed", again.Stdout + again.Stderr);
        Assert.Equal(0, again.Process.ExitCode);
    }
}
