namespace ZeroGo.Gtp.Protocol;

/// <summary>
/// Decides when a streaming command (lz-analyze) must stop: as soon as a command line that arrived after its
/// own is queued, or input ends. Lines are numbered in arrival order; the input thread queues each line and
/// cancels the running stream in one step under a lock, and the command thread registers a stream under the
/// same lock, so the two can never interleave.
/// </summary>
/// <remarks>
/// Why one lock and not "queue, then cancel whatever streams": the command thread can take a line out of the
/// queue and start its stream between the input thread's queueing and its cancel. The cancel meant for the
/// previous command then stopped the new one before it printed a line (lz-analyze answered <c>=</c>, an
/// empty line, and nothing more): the intermittent hang of the pipe test. Numbering the lines makes "a later
/// line has arrived" a question about counts, which is answered the same whichever thread gets there first.
/// </remarks>
internal sealed class StreamStopper
{
    private readonly Lock _lock = new();
    private long _arrived;
    private bool _inputEnded;
    private CancellationTokenSource? _stream;

    /// <summary>Test seam: runs on the input thread after a line is queued, before the stream is told (widens the race window).</summary>
    internal Action? AfterQueued { get; set; }

    /// <summary>Lines queued so far (the number of the newest one).</summary>
    public long Arrived
    {
        get
        {
            lock (_lock)
            {
                return _arrived;
            }
        }
    }

    /// <summary>
    /// Input thread: queues a line through <paramref name="enqueue"/> and stops the running stream, which
    /// belongs to an earlier line (any stream registered so far was started by a line already taken).
    /// </summary>
    public void LineArrived(Action enqueue)
    {
        CancellationTokenSource? stop;
        lock (_lock)
        {
            enqueue();
            _arrived++;
            AfterQueued?.Invoke();
            stop = _stream;
        }

        Cancel(stop);
    }

    /// <summary>Input thread: no more lines will come; whatever streams stops, and so does any stream begun later.</summary>
    public void InputEnded()
    {
        CancellationTokenSource? stop;
        lock (_lock)
        {
            _inputEnded = true;
            stop = _stream;
        }

        Cancel(stop);
    }

    /// <summary>
    /// Command thread: <paramref name="stream"/> now streams for line number <paramref name="line"/> (1 = the
    /// first line taken). Cancelled at once when a later line has already arrived or input has ended.
    /// </summary>
    public void Begin(CancellationTokenSource stream, long line)
    {
        bool stopNow;
        lock (_lock)
        {
            _stream = stream;
            stopNow = _inputEnded || _arrived > line;
        }

        if (stopNow)
        {
            Cancel(stream);
        }
    }

    /// <summary>Command thread: the stream's handler has returned; later lines have nothing to stop.</summary>
    public void End(CancellationTokenSource stream)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_stream, stream))
            {
                _stream = null;
            }
        }
    }

    private static void Cancel(CancellationTokenSource? source)
    {
        try
        {
            source?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended between the decision and the cancel: nothing left to stop.
        }
    }
}
