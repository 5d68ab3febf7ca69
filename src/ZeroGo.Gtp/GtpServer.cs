using System.Collections.Concurrent;
using System.Text;
using ZeroGo.Gtp.Engine;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp;

/// <summary>
/// A GTP version 2 engine: reads command lines, runs each through the <see cref="GtpCommandTable"/> against one
/// <see cref="EngineSession"/>, and writes framed responses. Input is read on its own thread so a streaming
/// command (lz-analyze) learns through its cancellation token that the next command has arrived.
/// </summary>
/// <remarks>
/// Threads: <see cref="Run"/> and <see cref="Execute"/> run handlers on the calling thread, one at a time; only
/// the input reader and a streaming handler's own writers run beside it. No input line can crash the loop:
/// every handler call is wrapped, and an unexpected exception becomes <c>? internal error: …</c>.
/// </remarks>
public sealed class GtpServer
{
    private readonly TextWriter? _log;
    private volatile bool _quit;

    /// <param name="log">Diagnostics (unexpected handler errors); stderr in the CLI, never the GTP channel.</param>
    public GtpServer(EngineSession session, GtpCommandTable commands, TextWriter? log = null)
    {
        Session = session;
        Commands = commands;
        _log = log;
    }

    public EngineSession Session { get; }

    public GtpCommandTable Commands { get; }

    /// <summary>True once quit was answered; <see cref="Run"/> returns then.</summary>
    public bool QuitRequested => _quit;

    internal void RequestQuit() => _quit = true;

    /// <summary>Test seam: runs on the input thread of the next <see cref="Run"/> right after each line is queued.</summary>
    internal Action? AfterLineQueued { get; set; }

    /// <summary>
    /// Serves until quit, end of input, a closed output or <paramref name="cancellation"/>. Responses are flushed
    /// one by one, so a controller can wait for each.
    /// </summary>
    public void Run(TextReader input, TextWriter output, CancellationToken cancellation = default)
    {
        var gtpOutput = new GtpOutput(output);
        using var queue = new BlockingCollection<GtpCommandLine>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var streams = new StreamStopper { AfterQueued = AfterLineQueued };
        var reader = new Thread(() => ReadLines(input, queue, streams, stop.Token)) { IsBackground = true, Name = "gtp-input" };
        reader.Start();
        long taken = 0; // lines come out in arrival order: the count taken is the number of the line in hand
        try
        {
            while (!_quit && !gtpOutput.IsBroken)
            {
                GtpCommandLine line;
                try
                {
                    if (!queue.TryTake(out line!, Timeout.Infinite, stop.Token))
                    {
                        break; // end of input
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                taken++;
                ExecuteLine(line, gtpOutput, stop.Token, new StreamContext(streams, taken));
            }
        }
        finally
        {
            stop.Cancel(); // the reader thread is a background thread blocked in ReadLine: it dies with the process
            Session.StopPondering(); // no search outlives the session's channel
        }
    }

    /// <summary>
    /// Runs one raw line in process and returns the complete response text (with its closing empty line), or null
    /// when preprocessing leaves nothing (such lines are never answered). A streaming command runs until
    /// <paramref name="cancellation"/> fires; without a cancellable token it stops at once, as if the next command
    /// had already arrived, so an in-process caller can never hang on one.
    /// </summary>
    public string? Execute(string rawLine, CancellationToken cancellation = default)
    {
        var line = GtpCommandLine.Parse(rawLine);
        if (line is null)
        {
            return null;
        }

        var text = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        if (!cancellation.CanBeCanceled && Commands.TryGet(line.Name, out var command) && command.IsStreaming)
        {
            cancellation = new CancellationToken(canceled: true);
        }

        ExecuteLine(line, new GtpOutput(text), cancellation, stream: null);
        return text.ToString();
    }

    private static void ReadLines(TextReader input, BlockingCollection<GtpCommandLine> queue, StreamStopper streams,
        CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var raw = input.ReadLine();
                if (raw is null)
                {
                    break;
                }

                var line = GtpCommandLine.Parse(raw);
                if (line is null)
                {
                    continue;
                }

                // Queued and counted in one step with stopping the stream it interrupts (see StreamStopper).
                streams.LineArrived(() => queue.Add(line, stop));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException
                                       or InvalidOperationException)
        {
            // A closed or broken input ends the session like end of input does.
        }
        finally
        {
            try
            {
                queue.CompleteAdding();
            }
            catch (ObjectDisposedException)
            {
            }

            streams.InputEnded();
        }
    }

    /// <summary>Where a command taken from <see cref="Run"/>'s queue stands: its line number and who stops its stream.</summary>
    private sealed record StreamContext(StreamStopper Streams, long Line);

    private void ExecuteLine(GtpCommandLine line, GtpOutput output, CancellationToken stop, StreamContext? stream)
    {
        Session.StopPondering(); // a command has arrived: the engine's time to think on the opponent's clock is over
        if (line.Name.Length == 0)
        {
            output.Write(GtpResponseFormat.Failure(line.Id, GtpException.Messages.SyntaxError));
            return;
        }

        if (!Commands.TryGet(line.Name, out var command))
        {
            output.Write(GtpResponseFormat.Failure(line.Id, GtpException.Messages.UnknownCommand));
            return;
        }

        using var commandCancellation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var streaming = command.IsStreaming ? stream : null;
        streaming?.Streams.Begin(commandCancellation, streaming.Line); // stops at once when a later line already waits

        var call = new GtpCall(line, this, output, commandCancellation.Token);
        try
        {
            string text = command.Handler(call);
            if (call.HasBegun)
            {
                call.EndStream(text);
            }
            else
            {
                output.Write(GtpResponseFormat.Success(line.Id, text));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string message = e is GtpException ? e.Message : "internal error: " + e.Message;
            if (e is not GtpException)
            {
                _log?.WriteLine($"zerogo gtp: '{line}' failed: {e}");
            }

            if (call.HasBegun)
            {
                _log?.WriteLine($"zerogo gtp: streamed command '{line}' ended early: {message}");
                call.EndStream("");
            }
            else
            {
                output.Write(GtpResponseFormat.Failure(line.Id, message));
            }
        }
        finally
        {
            streaming?.Streams.End(commandCancellation);
        }
    }
}
