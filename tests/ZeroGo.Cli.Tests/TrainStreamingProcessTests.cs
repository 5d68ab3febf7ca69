namespace ZeroGo.Cli.Tests;

/// <summary><c>zerogo train --from-kifu</c> streaming: bad options and a held-out collection are one line, before any training.</summary>
public sealed class TrainStreamingProcessTests
{
    [Theory]
    [InlineData(2, "zerogo train: --steps must be at least 1 (got 0)", "--from-kifu", "kifu", "--steps", "0")]
    [InlineData(2, "zerogo train: --heldout-games must be at least 1 (got 0)", "--from-kifu", "kifu", "--heldout-games", "0")]
    [InlineData(2, "zerogo train: --hours and --heldout belong to streaming from --from-kifu (without --games)", "--hours", "1")]
    [InlineData(1, "zerogo train: tom-9d-heldout.tar.xz is a held-out collection: measure on it with 'zerogo eval', never train on it", "--from-kifu", "tom-9d-heldout.tar.xz")]
    [InlineData(1, "zerogo train: nowhere: no such file or folder", "--from-kifu", "nowhere")]
    public void Bad_requests_are_one_line_on_stderr(int exitCode, string line, params string[] options)
    {
        using var folder = new TempFolder();
        using var train = new ZeroGoProcess(folder.Path, ["train", "--run", folder.File("run"), .. options]);
        Assert.True(train.Exit());

        Assert.Equal(exitCode, train.Process.ExitCode);
        Assert.Equal(line, Assert.Single(train.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
