using System.Diagnostics;

namespace ZeroGo.Search;

/// <summary>
/// The state of one <see cref="MctsSearch.Run"/>: its limits, stop flags, playout counters, clock, progress
/// schedule and the ownership its evaluations add up. The search owns one and resets it per run; its workers
/// read and update it here rather than calling back into the search.
/// </summary>
/// <remarks>
/// Threading: everything is guarded by the search's tree lock except the volatile stop flags (read without it
/// by workers and written by <see cref="MctsSearch.Stop"/> from any thread) and the progress schedule (an
/// interlocked compare-and-swap, so only one worker raises each report).
/// </remarks>
internal sealed class SearchRun(SearchOptions options, Func<SearchSnapshot> snapshot)
{
    private readonly Stopwatch _clock = new();
    private SearchLimits _limits = SearchLimits.Infinite;
    private CancellationToken _token;
    private volatile bool _stopping;
    private volatile bool _stopRequested;
    private StopReason _stopReason;
    private long _nextProgressTicks;

    // Per root move (by move code), only under SearchOptions.TrackMoveOwnership: KataGo's per-move ownership.
    private readonly Dictionary<short, OwnershipAccumulator> _moveOwnership = [];

    /// <summary>Raised on a search thread about every <see cref="ProgressInterval"/> (<see cref="MctsSearch.Progress"/>).</summary>
    public event Action<SearchSnapshot>? Progress;

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>True once a limit, a stop request or a failure ended the run: workers finish their batch and leave.</summary>
    public bool Stopping => _stopping;

    /// <summary>Why the run stopped (the first reason recorded); <see cref="StopReason.None"/> while it runs.</summary>
    public StopReason StopReason => _stopReason;

    /// <summary>Descents that reached a leaf (terminal revisits included), less those undone by superko.</summary>
    public int PlayoutsStarted { get; private set; }

    /// <summary>Visits backed up in this run.</summary>
    public int PlayoutsDone { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The mean ownership of this run's evaluations, seen from the root's side to move.</summary>
    public OwnershipAccumulator Ownership { get; private set; } = new(0);

    /// <summary>Under the tree lock, when the board changes size: ownership sums of the new size.</summary>
    public void ResizeOwnership(int area)
    {
        if (Ownership.Area != area)
        {
            Ownership = new OwnershipAccumulator(area);
            _moveOwnership.Clear();
        }
    }

    /// <summary>Under the tree lock: a fresh run under <paramref name="limits"/>; the clock starts now.</summary>
    public void Begin(SearchLimits limits, CancellationToken cancellation)
    {
        _limits = limits;
        _token = cancellation;
        _stopping = false;
        _stopReason = StopReason.None;
        PlayoutsStarted = 0;
        PlayoutsDone = 0;
        Ownership.Clear();
        foreach (var perMove in _moveOwnership.Values)
        {
            perMove.Clear();
        }

        _clock.Restart();
        _nextProgressTicks = ProgressInterval.Ticks;
    }

    /// <summary>After the workers joined: the clock stops, and a stop request that came in is spent.</summary>
    public void End()
    {
        _stopRequested = false;
        _clock.Stop();
    }

    /// <summary>From any thread: ends the running search at its next descent (<see cref="StopReason.Stopped"/>).</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>A background run that ended on its own (memory cap) must not stop the next run.</summary>
    public void ClearStopRequest() => _stopRequested = false;

    /// <summary>Under the tree lock: whether a new descent may start from <paramref name="root"/>; records why not.</summary>
    public bool MayStartDescent(in Node root)
    {
        if (_stopping)
        {
            return false;
        }

        StopReason reason = StopReason.None;
        if (_stopRequested || _token.IsCancellationRequested)
        {
            reason = StopReason.Stopped;
        }
        else if (_limits.MaxVisits is int maxVisits && root.Visits + root.InFlight >= maxVisits)
        {
            reason = StopReason.VisitLimit;
        }
        else if (_limits.MaxPlayouts is int maxPlayouts && PlayoutsStarted >= maxPlayouts)
        {
            reason = StopReason.PlayoutLimit;
        }
        else if (_limits.MaxTime is TimeSpan maxTime && _clock.Elapsed >= maxTime && root.Visits + root.InFlight > 0)
        {
            // The root's own evaluation always runs: without its priors there would be no move to answer with.
            reason = StopReason.TimeLimit;
        }

        if (reason == StopReason.None)
        {
            return true;
        }

        StopWith(reason);
        return false;
    }

    /// <summary>Under the tree lock: stops the run, keeping the first reason given.</summary>
    public void StopWith(StopReason reason)
    {
        if (_stopReason == StopReason.None)
        {
            _stopReason = reason;
        }

        _stopping = true;
    }

    public void CountPlayoutStarted() => PlayoutsStarted++;

    public void CountPlayoutCancelled() => PlayoutsStarted--;

    public void CountPlayoutDone() => PlayoutsDone++;

    /// <summary>
    /// Under the tree lock: adds a leaf's ownership (side to move at the leaf) seen from the root; also to the root
    /// move the leaf lies under (<paramref name="rootMove"/>, a move code; null for the root itself) when per-move
    /// ownership is tracked.
    /// </summary>
    public void AddOwnership(float[] ownership, bool sameSideAsRoot, short? rootMove)
    {
        Ownership.Add(ownership, sameSideAsRoot);
        if (options.TrackMoveOwnership && rootMove is short move)
        {
            if (!_moveOwnership.TryGetValue(move, out var perMove))
            {
                perMove = new OwnershipAccumulator(Ownership.Area);
                _moveOwnership[move] = perMove;
            }

            perMove.Add(ownership, sameSideAsRoot);
        }
    }

    /// <summary>Under the tree lock: the mean ownership below root move <paramref name="moveCode"/>, or null when not tracked.</summary>
    public float[]? MoveOwnership(short moveCode) => _moveOwnership.TryGetValue(moveCode, out var perMove) ? perMove.Mean() : null;

    /// <summary>Called by a worker after each batch, without the lock: raises <see cref="Progress"/> when the interval has passed.</summary>
    public void MaybeReportProgress()
    {
        var handler = Progress;
        if (handler is null)
        {
            return;
        }

        long due = Interlocked.Read(ref _nextProgressTicks);
        long now = _clock.Elapsed.Ticks;
        if (now < due || Interlocked.CompareExchange(ref _nextProgressTicks, now + ProgressInterval.Ticks, due) != due)
        {
            return;
        }

        handler(snapshot());
    }
}
