using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// The streaming mechanism lz-analyze will use: a handler writes <c>info</c> lines from a timer until the next
/// command line arrives, then the response is closed and the next command answered.
/// </summary>
public sealed class StreamingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// test-stream INTERVAL_MS [FINAL]: streams "info N" every interval until cancelled; answers FINAL at the end.
    /// </summary>
    private static void AddTestStream(GtpCommandTable table, List<GtpCall>? calls = null)
    {
        table.AddStreaming("test-stream", call =>
        {
            call.ExpectArguments(1, 2);
            int interval = call.Int(0);
            if (interval <= 0)
            {
                throw GtpException.SyntaxError();
            }

            calls?.Add(call);
            call.BeginResponse();
            int count = 0;
            using (var timer = new Timer(_ => call.WriteLine($"info {Interlocked.Increment(ref count)}"), null, 0, interval))
            {
                call.Cancellation.WaitHandle.WaitOne();
                using var stopped = new ManualResetEvent(false);
                timer.Dispose(stopped);
                stopped.WaitOne();
            }

            return call.Arguments.Count == 2 ? call.Argument(1) : "";
        });
    }

    [Fact]
    public void StreamsUntilTheNextCommandThenAnswersIt()
    {
        var host = new GtpTestHost();
        AddTestStream(host.Server.Commands);
        using var input = new LineFeed();
        var output = new SharedWriter();
        var server = StartServer(host, input, output);

        input.Send("5 test-stream 10");
        output.WaitFor(text => Regex.Matches(text, "^info ", RegexOptions.Multiline).Count >= 3, Patience);
        input.Send("6 name");
        output.WaitFor(text => text.EndsWith("=6 ZeroGo\n\n", StringComparison.Ordinal), Patience);
        input.Close();
        Assert.True(server.Join(Patience), "the server loop did not end");

        Assert.Matches(new Regex(@"\A=5\n(info \d+\n){3,}\n=6 ZeroGo\n\n\z"), output.Text);
    }

    [Fact]
    public void AFinalLineClosesTheStreamLikeLzGenmoveAnalyze()
    {
        var host = new GtpTestHost();
        AddTestStream(host.Server.Commands);
        using var input = new LineFeed();
        var output = new SharedWriter();
        var server = StartServer(host, input, output);

        input.Send("test-stream 5 play");
        output.WaitFor(text => text.Contains("info 2\n"), Patience);
        input.Send("quit");
        Assert.True(server.Join(Patience), "the server loop did not end");
        Assert.Matches(new Regex(@"\A=\n(info \d+\n){2,}play\n\n=\n\n\z"), output.Text);
    }

    [Fact]
    public void PipelinedCommandsStopAStreamAtOnce()
    {
        var host = new GtpTestHost();
        AddTestStream(host.Server.Commands);
        var clock = Stopwatch.StartNew();
        var output = host.RunScript("1 test-stream 1000\n2 name\n");
        Assert.Matches(new Regex(@"\A=1\n(info \d+\n)*\n=2 ZeroGo\n\n\z"), output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void EndOfInputStopsAStream()
    {
        var host = new GtpTestHost();
        AddTestStream(host.Server.Commands);
        using var input = new LineFeed();
        var output = new SharedWriter();
        var server = StartServer(host, input, output);
        input.Send("test-stream 10");
        output.WaitFor(text => text.Contains("info 1\n"), Patience);
        input.Close();
        Assert.True(server.Join(Patience), "the server loop did not end");
        Assert.EndsWith("\n\n", output.Text);
    }

    [Fact]
    public void InProcessExecuteStopsAStreamAtOnceUnlessGivenAToken()
    {
        var host = new GtpTestHost();
        AddTestStream(host.Server.Commands);
        Assert.Matches(new Regex(@"\A=4\n(info \d+\n)*done\n\n\z"), host.Server.Execute("4 test-stream 1000 done"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5)); // 3 lines at 10 ms, with room for a starved thread pool on a loaded 2-core machine
        var streamed = host.Server.Execute("5 test-stream 10", cancel.Token);
        Assert.Matches(new Regex(@"\A=5\n(info \d+\n){3,}\n\z"), streamed);
    }

    [Fact]
    public void ArgumentErrorsFailBeforeTheStreamStarts()
    {
        var host = new GtpTestHost();
        AddTestStream(host.Server.Commands);
        Assert.Equal("?3 syntax error\n\n?4 syntax error\n\n", host.RunScript("3 test-stream\n4 test-stream -5\n"));
    }

    [Fact]
    public void WritesAfterTheHandlerReturnedAreDropped()
    {
        var host = new GtpTestHost();
        var calls = new List<GtpCall>();
        AddTestStream(host.Server.Commands, calls);
        var output = host.RunScript("test-stream 1000\nname\n");
        calls[0].WriteLine("info late");
        Assert.DoesNotContain("late", output);
        Assert.Matches(new Regex(@"\A=\n(info \d+\n)*\n= ZeroGo\n\n\z"), output);
    }

    [Fact]
    public void OrdinaryCommandsAreNotCancelledByTheNextLine()
    {
        var host = new GtpTestHost();
        host.Server.Commands.Add("test-slow", call =>
            call.Cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(300)) ? "cancelled" : "finished");
        Assert.Equal("= finished\n\n= ZeroGo\n\n", host.RunScript("test-slow\nname\n"));
    }

    [Fact]
    public void AStreamThatFailsHalfwayStillEndsItsResponse()
    {
        var host = new GtpTestHost();
        host.Server.Commands.AddStreaming("test-broken", call =>
        {
            call.BeginResponse();
            call.WriteLine("info 1");
            call.WriteLine("");
            throw new InvalidOperationException("network died");
        });
        Assert.Equal("=\ninfo 1\n\n= 2\n\n", host.RunScript("test-broken\nprotocol_version\n"));
    }

    private static Thread StartServer(GtpTestHost host, TextReader input, TextWriter output) =>
        PipeServer.Start(host.Server, input, output);
}
