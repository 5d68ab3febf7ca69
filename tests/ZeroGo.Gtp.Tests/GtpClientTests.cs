using System.Diagnostics;
using ZeroGo.Formats.Gtp;

namespace ZeroGo.Gtp.Tests;

/// <summary>The client for external engines: real answers, clear errors for missing, dying and silent programs.</summary>
public sealed class GtpClientTests
{
    [Fact]
    public void AMissingProgramGivesAClearError()
    {
        var error = Assert.Throws<GtpEngineException>(() => GtpClient.Start("/no/such/engine", ["--mode", "gtp"]));
        Assert.Contains("not found", error.Message);
        Assert.Contains("/no/such/engine", error.Message);
        var onPath = Assert.Throws<GtpEngineException>(() => GtpClient.Start("no-such-engine-zerogo-test --gtp"));
        Assert.Contains("no-such-engine-zerogo-test", onPath.Message);
    }

    [SkippableFact]
    public void AnEngineThatExitsIsReportedWithItsExitCodeAndStderr()
    {
        Skip.IfNot(File.Exists("/bin/sh"), "needs /bin/sh");
        using var client = GtpClient.Start("/bin/sh", ["-c", "read line; echo 'engine broke' >&2; exit 3"], TimeSpan.FromSeconds(10));
        var error = Assert.Throws<GtpEngineException>(() => client.Send("name"));
        Assert.Contains("exited with exit code 3", error.Message);
        Assert.Contains("engine broke", error.Message);
        var again = Assert.Throws<GtpEngineException>(() => client.Send("name"));
        Assert.Contains("unusable", again.Message);
    }

    [SkippableFact]
    public void ASilentEngineTimesOut()
    {
        Skip.IfNot(File.Exists("/bin/sleep"), "needs /bin/sleep");
        var clock = Stopwatch.StartNew();
        using var client = GtpClient.Start("/bin/sleep", ["30"], TimeSpan.FromMilliseconds(300));
        var error = Assert.Throws<GtpEngineException>(() => client.Send("name"));
        Assert.Contains("no answer to 'name'", error.Message);
        client.Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "dispose should kill a stuck engine");
        Assert.True(client.HasExited);
    }

    [SkippableFact]
    public void StrayOutputBeforeAResponseIsSkippedAndMultiLineAnswersAreKept()
    {
        Skip.IfNot(File.Exists("/bin/sh"), "needs /bin/sh");
        // A toy engine: prints a banner, then answers "1 ..." with a two-line response and "2 ..." with a failure.
        const string script = "echo 'banner'; read a; printf '=1 first\\nsecond\\n\\n'; read b; printf '?2 nope\\n\\n'; read c";
        using var client = GtpClient.Start("/bin/sh", ["-c", script], TimeSpan.FromSeconds(10));
        Assert.Equal(new GtpResponse(true, "first\nsecond"), client.Send("showboard"));
        Assert.Equal(new GtpResponse(false, "nope"), client.Send("play b Z99"));
    }

    [SkippableFact]
    public void TalksToGnuGo()
    {
        Skip.IfNot(File.Exists(GnuGoOracleTests.GnuGoPath), "GNU Go is not installed (scripts/setup.sh test installs it)");
        using var gnugo = GtpClient.Start(GnuGoOracleTests.GnuGoPath + " --mode gtp --chinese-rules");
        Assert.Equal("2", gnugo.Ask("protocol_version"));
        Assert.Equal("GNU Go", gnugo.Ask("name"));
        gnugo.Ask("boardsize 9");
        Assert.Matches("^[A-HJ][1-9]$|^PASS$", gnugo.Ask("genmove b"));
        var failure = Assert.Throws<GtpCommandException>(() => gnugo.Ask("play b Z99"));
        Assert.Equal("play b Z99", failure.Command);
        Assert.Contains("\n   A B C D E F G H J", "\n" + gnugo.Ask("showboard"));
    }

    [Fact]
    public void InProcessConnectionParsesFramedResponses()
    {
        var host = new GtpTestHost();
        Assert.Equal(new GtpResponse(true, "ZeroGo"), host.Connection.Send("7 name"));
        Assert.Equal(new GtpResponse(false, "unknown command"), host.Connection.Send("bogus"));
        Assert.Throws<ArgumentException>(() => host.Connection.Send("# only a comment"));
        Assert.Throws<GtpEngineException>(() => GtpResponse.Parse("hello"));
    }
}
