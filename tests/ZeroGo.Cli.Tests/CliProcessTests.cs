namespace ZeroGo.Cli.Tests;

/// <summary>
/// <c>zerogo gtp</c> as a GUI runs it: the built program (copied beside these tests) over real pipes. Only GTP on
/// stdout; start-up notes and errors on stderr; a bad model is one line and exit code 1.
/// </summary>
public sealed class CliProcessTests
{
    // Once intermittent: the input thread's "a line arrived, stop the stream" could land after the command thread had
    // already started lz-analyze for that very line, so lz-analyze answered "=" and an empty line at once and the
    // wait for "info move" ran out (StreamStopper, StreamingRaceTests).
    [Fact]
    public void GenmoveAndLzAnalyzeOverPipesWithNothingButGtpOnStdout()
    {
        using var folder = new TempFolder();
        using var engine = new ZeroGoProcess(folder.Path, "gtp", "--visits", "16", "--threads", "1", "--seed", "2");
        engine.Send("boardsize 9");
        engine.Send("genmove b");
        Assert.True(engine.WaitFor(text => text.Contains("= ", StringComparison.Ordinal)), engine.Stdout + engine.Stderr);
        engine.Send("lz-analyze 10");
        Assert.True(engine.WaitFor(text => text.Contains("info move ", StringComparison.Ordinal)), engine.Stdout + engine.Stderr);
        engine.Send("quit");
        Assert.True(engine.Exit(), "quit should end the engine");

        Assert.Equal(0, engine.Process.ExitCode);
        Assert.Matches(@"^=\n\n= ([A-HJ][1-9]|pass)\n\n=\n(info move [^\n]+\n)+\n=\n\n$", engine.Stdout);
        Assert.Contains("engine network", engine.Stderr);
        Assert.Contains("seed 2", engine.Stderr);
        // The network is the bundled one when models/ has one, else a freshly initialised one: either way stderr says which.
        Assert.Matches("bundled model|freshly initialised", engine.Stderr);
        Assert.DoesNotContain("internal error", engine.Stderr);
    }

    [Fact]
    public void PonderingEngineAnswersTheNextCommandAndQuitsCleanly()
    {
        using var folder = new TempFolder();
        using var engine = new ZeroGoProcess(folder.Path, "gtp", "--ponder", "--visits", "16", "--threads", "1", "--seed", "3");
        engine.Send("boardsize 9");
        engine.Send("genmove b");
        Assert.True(engine.WaitFor(text => text.Contains("= ", StringComparison.Ordinal)), engine.Stdout + engine.Stderr);
        Thread.Sleep(300); // the engine ponders now
        engine.Send("name");
        Assert.True(engine.WaitFor(text => text.Contains("= ZeroGo", StringComparison.Ordinal)), engine.Stdout + engine.Stderr);
        engine.Send("quit");
        Assert.True(engine.Exit(), "quit should end a pondering engine");

        Assert.Equal(0, engine.Process.ExitCode);
        Assert.Matches(@"^=\n\n= ([A-HJ][1-9]|pass)\n\n= ZeroGo\n\n=\n\n$", engine.Stdout);
        Assert.Contains(", pondering,", engine.Stderr);
        Assert.DoesNotContain("internal error", engine.Stderr);
    }

    [Fact]
    public void PonderWithTheRandomEngineSaysItChangesNothing()
    {
        using var folder = new TempFolder();
        using var engine = new ZeroGoProcess(folder.Path, "gtp", "--engine", "random", "--ponder", "--seed", "4");
        engine.Send("quit");
        Assert.True(engine.Exit());

        Assert.Equal(0, engine.Process.ExitCode);
        Assert.Equal("=\n\n", engine.Stdout);
        Assert.Contains("--ponder has no effect with --engine random", engine.Stderr);
    }

    [Fact]
    public void AMissingModelIsOneLineOnStderrAndExitCodeOne()
    {
        using var folder = new TempFolder();
        using var engine = new ZeroGoProcess(folder.Path, "gtp", "--model", "nowhere/model.json");
        Assert.True(engine.Exit());

        Assert.Equal(1, engine.Process.ExitCode);
        Assert.Equal("", engine.Stdout);
        string line = Assert.Single(engine.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("zerogo gtp: cannot use model 'nowhere/model.json': ", line);
        Assert.Contains("model.json", line[50..]);
    }

    [Fact]
    public void ACorruptLeelaZeroFileNamesItsLine()
    {
        using var folder = new TempFolder();
        string file = folder.File("broken.txt");
        File.WriteAllText(file, "1\n0.5 0.25 nonsense\n");
        using var engine = new ZeroGoProcess(folder.Path, "gtp", "--model", file);
        Assert.True(engine.Exit());

        Assert.Equal(1, engine.Process.ExitCode);
        Assert.Equal("", engine.Stdout);
        string line = Assert.Single(engine.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("broken.txt", line);
        Assert.Contains("line", line);
    }

    [Theory]
    [InlineData("--engine", "alphago", "unknown engine 'alphago'")]
    [InlineData("--precision", "fp8", "unknown precision 'fp8'")]
    [InlineData("--visits", "0", "--visits must be positive")]
    [InlineData("--time", "-1", "--time must be a positive number")]
    [InlineData("--score-utility", "1.5", "--score-utility must be in [0, 1]")]
    [InlineData("--resign-below", "70", "--resign-below must be a percentage from 0 (never resign) to 50")]
    [InlineData("--resign-below", "-1", "--resign-below must be a percentage")]
    public void BadOptionsAreUsageErrors(string option, string value, string message)
    {
        using var folder = new TempFolder();
        using var engine = new ZeroGoProcess(folder.Path, "gtp", option, value);
        Assert.True(engine.Exit());

        Assert.Equal(2, engine.Process.ExitCode);
        Assert.Equal("", engine.Stdout);
        Assert.Contains(message, engine.Stderr);
    }
}
