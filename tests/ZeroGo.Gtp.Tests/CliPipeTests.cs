using ZeroGo.Formats.Gtp;
using ZeroGo.Testing;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// The built <c>zerogo gtp</c> over real pipes: nothing but GTP on stdout. Uses artifacts/cli (built by ./zerogo);
/// skips when that build is absent or older than the GTP sources.
/// </summary>
public sealed class CliPipeTests
{
    [SkippableFact]
    public void TheGtpVerbSpeaksCleanGtpOverPipes()
    {
        var dll = Path.Combine(TestData.RepoRoot, "artifacts", "cli", "zerogo.dll");
        Skip.IfNot(File.Exists(dll), $"{dll} is not built: run ./zerogo once to test the gtp verb over pipes");
        var gtpSources = Directory.EnumerateFiles(Path.Combine(TestData.RepoRoot, "src", "ZeroGo.Gtp"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal))
            .Append(Path.Combine(TestData.RepoRoot, "src", "ZeroGo.Cli", "Verbs", "GtpVerb.cs"));
        var newestSource = gtpSources.Where(File.Exists).Max(File.GetLastWriteTimeUtc);
        Skip.If(File.GetLastWriteTimeUtc(dll) < newestSource, $"{dll} is older than the GTP sources: run ./zerogo once");

        using var engine = GtpClient.Start("dotnet", [dll, "gtp", "--engine", "random", "--seed", "5"], TimeSpan.FromSeconds(60));
        Assert.Equal("2", engine.Ask("protocol_version"));
        Assert.Equal("ZeroGo", engine.Ask("name"));
        engine.Ask("boardsize 9");
        Assert.Matches("^[A-HJ][1-9]$", engine.Ask("genmove b"));
        Assert.Contains("   A B C D E F G H J", engine.Ask("showboard"));
        Assert.Equal(new GtpResponse(false, "unknown command"), engine.Send("\u0001garbage \u00ff\u00fe"));
        Assert.Equal(new GtpResponse(false, "illegal move"), engine.Send("play w T19"));
        Assert.Single(engine.Ask("list_stones b").Split(' '));
        Assert.Equal("", engine.Ask("quit"));
        Assert.True(SpinWait.SpinUntil(() => engine.HasExited, TimeSpan.FromSeconds(10)), "quit should end the process");
        Assert.Equal(0, engine.ExitCode);
        Assert.Contains("seed 5", engine.StderrTail);
        Assert.DoesNotContain("internal error", engine.StderrTail);
    }
}
