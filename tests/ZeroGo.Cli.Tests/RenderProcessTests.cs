using ZeroGo.Testing;

namespace ZeroGo.Cli.Tests;

/// <summary><c>zerogo render --review</c> prints the reviewed move's prior, and AlphaGo's published one for Move 37.</summary>
public sealed class RenderProcessTests
{
    [Fact]
    public void Move37PrintsTheNetworksPriorAndRankBesideAlphaGos()
    {
        using var folder = new TempFolder();
        string game2 = Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", "game2.sgf");
        string picture = folder.File("move37.png");
        using var render = new ZeroGoProcess(folder.Path, "render", game2, "--move", "37", "--review", "--visits", "8", "-o", picture);
        Assert.True(render.Exit(), render.Stderr);

        Assert.Equal(0, render.Process.ExitCode);
        Assert.Matches(@"^move 37 \(B P10\): prior \d+(\.\d+)? %, rank \d+; AlphaGo's policy network: 1 in 10,000 \(0\.01 %\)\nwrote ",
            render.Stdout);
        Assert.True(new FileInfo(picture).Length > 10_000);
    }

    [Fact]
    public void AnotherMoveHasNoPublishedPrior()
    {
        using var folder = new TempFolder();
        string game2 = Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", "game2.sgf");
        using var render = new ZeroGoProcess(folder.Path, "render", game2, "--move", "36", "--review", "--visits", "8", "-o", folder.File("m.png"));
        Assert.True(render.Exit(), render.Stderr);

        Assert.Equal(0, render.Process.ExitCode);
        Assert.Matches(@"^move 36 \(W [A-T]\d+\): prior \d+(\.\d+)? %, rank \d+\nwrote ", render.Stdout);
    }
}
