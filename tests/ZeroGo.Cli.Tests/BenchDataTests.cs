using ZeroGo.Testing;

namespace ZeroGo.Cli.Tests;

/// <summary><c>zerogo bench data</c>: the speed of turning human games into training positions, as figures a user can compare.</summary>
public sealed class BenchDataTests
{
    private static string Games => Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol");

    [Fact]
    public void It_reads_replays_and_builds_batches_and_ends_with_the_rate()
    {
        using var folder = new TempFolder();
        using var bench = new ZeroGoProcess(folder.Path, "bench", "data", "--sgf", Games, "--games", "2", "--positions", "130");
        Assert.True(bench.Exit());

        Assert.Equal(0, bench.Process.ExitCode);
        var lines = bench.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("read: 2 games of ", lines[0]);
        Assert.Matches(@"^replay: \d+ moves in [\d.]+ s, [\d.]+ µs a move", lines[1]);
        Assert.Matches(@"^batches: 130 positions in batches of 128 in [\d.]+ s", lines[2]);
        Assert.Matches(@"^data positions/s: \d+$", lines[^1]);
    }

    [Theory]
    [InlineData("zerogo bench data: give exactly one of --kifu ARCHIVE_OR_FOLDER and --sgf DIR")]
    [InlineData("zerogo bench data: --positions must be at least 1 (got 0)", "--sgf", "x", "--positions", "0")]
    public void Bad_requests_are_one_line_on_stderr(string line, params string[] options)
    {
        using var folder = new TempFolder();
        using var bench = new ZeroGoProcess(folder.Path, ["bench", "data", .. options]);
        Assert.True(bench.Exit());

        Assert.Equal(2, bench.Process.ExitCode);
        Assert.Equal(line, Assert.Single(bench.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
