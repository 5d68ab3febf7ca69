using System.Text.RegularExpressions;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// The race behind the once-intermittent lz-analyze hang: the input thread queued a line, the command thread
/// took it and started streaming, and only then did the input thread cancel "the running stream", which by
/// then was the new command's own. These tests force that interleaving and run the sequence many times.
/// </summary>
public sealed class StreamingRaceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>probe: a stream that answers "stopped" when it is cancelled within its wait, "ran" otherwise.</summary>
    private static GtpTestHost HostWithProbe(int waitMilliseconds)
    {
        var host = new GtpTestHost();
        host.Server.Commands.AddStreaming("probe", call =>
        {
            call.BeginResponse();
            return call.Cancellation.WaitHandle.WaitOne(waitMilliseconds) ? "stopped" : "ran";
        });
        return host;
    }

    [Fact]
    public void AStreamIsNotStoppedByTheLineThatStartedIt()
    {
        var host = HostWithProbe(waitMilliseconds: 300);
        // The input thread pauses after queueing each line: the command thread takes the line and begins its stream
        // in that pause, exactly the interleaving that used to cancel the new stream.
        host.Server.AfterLineQueued = () => Thread.Sleep(100);
        using var input = new LineFeed();
        var output = new SharedWriter();
        var server = StartServer(host, input, output);

        input.Send("1 name");
        output.WaitFor(text => text.Contains("=1 ZeroGo\n\n", StringComparison.Ordinal), Patience);
        input.Send("2 probe");
        output.WaitFor(text => text.Contains("=2\n", StringComparison.Ordinal) && text.EndsWith("\n\n", StringComparison.Ordinal), Patience);
        input.Close();
        Assert.True(server.Join(Patience), "the server loop did not end");

        Assert.Equal("=1 ZeroGo\n\n=2\nran\n\n", output.Text);
    }

    [Fact]
    public void AStreamStartedAfterTheNextLineArrivedStopsAtOnce()
    {
        var host = HostWithProbe(waitMilliseconds: 10_000);
        Assert.Equal("=1\nstopped\n\n=2 ZeroGo\n\n", host.RunScript("1 probe\n2 name\n"));
    }

    [Fact]
    public void StreamsAfterGenmoveStartCleanlyManyTimesOver()
    {
        // The pipe test's sequence (an ordinary command answered, then a stream) many times, with the input thread
        // sometimes yielding right after queueing so the two threads meet in every order.
        const int rounds = 200;
        var host = HostWithProbe(waitMilliseconds: 3);
        int round = 0;
        host.Server.AfterLineQueued = () =>
        {
            switch (Interlocked.Increment(ref round) % 3)
            {
                case 0:
                    Thread.Sleep(1);
                    break;
                case 1:
                    Thread.Yield();
                    break;
            }
        };
        using var input = new LineFeed();
        var output = new SharedWriter();
        var server = StartServer(host, input, output);
        for (int i = 0; i < rounds; i++)
        {
            input.Send($"{2 * i} genmove b");
            output.WaitFor(text => text.EndsWith("\n\n", StringComparison.Ordinal) && text.Contains($"={2 * i} ", StringComparison.Ordinal), Patience);
            input.Send($"{2 * i + 1} probe");
            output.WaitFor(text => text.EndsWith("\n\n", StringComparison.Ordinal) && text.Contains($"={2 * i + 1}\n", StringComparison.Ordinal), Patience);
        }

        input.Close();
        Assert.True(server.Join(Patience), "the server loop did not end");
        var text = output.Text;
        Assert.Equal(rounds, Regex.Matches(text, @"^=\d+\nran\n\n", RegexOptions.Multiline).Count);
        Assert.DoesNotContain("stopped", text);
    }

    [Fact]
    public void StopperCountsLinesWhicheverThreadComesFirst()
    {
        var stopper = new StreamStopper();
        var queued = new List<int>();

        stopper.LineArrived(() => queued.Add(1));
        using var first = new CancellationTokenSource();
        stopper.Begin(first, line: 1); // its own line already arrived: not a reason to stop
        Assert.False(first.IsCancellationRequested);
        stopper.LineArrived(() => queued.Add(2));
        Assert.True(first.IsCancellationRequested);
        stopper.End(first);

        using var late = new CancellationTokenSource();
        stopper.LineArrived(() => queued.Add(3));
        stopper.Begin(late, line: 2); // line 3 is already waiting
        Assert.True(late.IsCancellationRequested);
        stopper.End(late);

        using var last = new CancellationTokenSource();
        stopper.Begin(last, line: 3);
        Assert.False(last.IsCancellationRequested);
        stopper.InputEnded();
        Assert.True(last.IsCancellationRequested);
        stopper.End(last);

        using var afterEnd = new CancellationTokenSource();
        stopper.Begin(afterEnd, line: 3);
        Assert.True(afterEnd.IsCancellationRequested);
        Assert.Equal([1, 2, 3], queued);
        Assert.Equal(3, stopper.Arrived);
    }

    [Fact]
    public void AnEndedStreamIsNotCancelledByLaterLines()
    {
        var stopper = new StreamStopper();
        stopper.LineArrived(() => { });
        var ended = new CancellationTokenSource();
        stopper.Begin(ended, line: 1);
        stopper.End(ended);
        ended.Dispose();
        stopper.LineArrived(() => { }); // must not touch the disposed source
        stopper.InputEnded();
        Assert.Equal(2, stopper.Arrived);
    }

    private static Thread StartServer(GtpTestHost host, TextReader input, TextWriter output) =>
        PipeServer.Start(host.Server, input, output);
}
