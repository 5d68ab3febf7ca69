using ZeroGo.Testing;

namespace ZeroGo.Cli.Tests;

/// <summary><c>zerogo eval</c> as a researcher runs it: the bundled 19x19 network on a game record, one pass or eight symmetries.</summary>
public sealed class EvalProcessTests
{
    private static string Model => Path.Combine(TestData.RepoRoot, "models", "zerogo-19x19");

    private static string Game => Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", "game2.sgf");

    [Theory]
    [InlineData("1", "one forward pass a position")]
    [InlineData("8", "8 symmetries averaged")]
    public void It_measures_every_move_of_a_record_and_ends_with_the_documented_line(string symmetries, string said)
    {
        using var folder = new TempFolder();
        using var eval = new ZeroGoProcess(folder.Path, "eval", "--model", Model, "--sgf", Game, "--symmetries", symmetries, "--threads", "1");
        Assert.True(eval.Exit());

        Assert.Equal(0, eval.Process.ExitCode);
        Assert.Contains(said, eval.Stderr);
        var last = eval.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        // Game 2 has 211 moves; each is one position.
        Assert.Matches(@"^move prediction: \d+\.\d% top-1, \d+\.\d% top-5 over 211 positions, value loss \d+\.\d{4}$", last);
    }

    [Theory]
    [InlineData("zerogo eval: give exactly one of --kifu ARCHIVE_OR_FOLDER and --sgf DIR", "--model", "m")]
    [InlineData("zerogo eval: --symmetries must be 1 or 8 (got 4)", "--model", "m", "--sgf", "x", "--symmetries", "4")]
    [InlineData("zerogo eval: --games must be at least 1 (got 0)", "--model", "m", "--kifu", "x", "--games", "0")]
    public void Bad_requests_are_one_line_on_stderr(string line, params string[] options)
    {
        using var folder = new TempFolder();
        using var eval = new ZeroGoProcess(folder.Path, ["eval", .. options]);
        Assert.True(eval.Exit());

        Assert.Equal(2, eval.Process.ExitCode);
        Assert.Equal(line, Assert.Single(eval.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
