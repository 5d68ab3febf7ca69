namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// The turns waiting for an analysis thread, highest priority first and then in arrival order (KataGo's rule),
/// and the turns being analysed, so that a terminate reaches both. Thread-safe.
/// </summary>
public sealed class AnalysisQueue
{
    // A plain object, not a Lock: Take waits on it with Monitor.
    private readonly object _lock = new();
    private readonly PriorityQueue<AnalysisJob, (int NegatedPriority, long Sequence)> _waiting = new();
    private readonly HashSet<AnalysisJob> _running = [];
    private bool _closed;

    public void Add(AnalysisJob job)
    {
        lock (_lock)
        {
            if (_closed)
            {
                throw new InvalidOperationException("the queue is closed");
            }

            _waiting.Enqueue(job, (-job.Turn.Priority, job.Sequence));
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The next job, marked running (blocks while none waits); null once the queue is closed and empty.</summary>
    public AnalysisJob? Take()
    {
        lock (_lock)
        {
            while (_waiting.Count == 0 && !_closed)
            {
                Monitor.Wait(_lock);
            }

            if (!_waiting.TryDequeue(out var job, out _))
            {
                return null;
            }

            _running.Add(job);
            return job;
        }
    }

    public void Finished(AnalysisJob job)
    {
        lock (_lock)
        {
            _running.Remove(job);
        }
    }

    /// <summary>
    /// Cancels the running jobs that match and removes the waiting ones, which are returned: they were never
    /// started, and their caller answers each with a noResults line.
    /// </summary>
    public List<AnalysisJob> Terminate(string? id, IReadOnlyCollection<int>? turnNumbers)
    {
        lock (_lock)
        {
            foreach (var job in _running.Where(j => j.Matches(id, turnNumbers)))
            {
                job.Cancellation.Cancel();
            }

            var removed = new List<AnalysisJob>();
            var kept = new List<(AnalysisJob, (int, long))>();
            while (_waiting.TryDequeue(out var job, out var order))
            {
                if (job.Matches(id, turnNumbers))
                {
                    removed.Add(job);
                }
                else
                {
                    kept.Add((job, order));
                }
            }

            _waiting.EnqueueRange(kept);
            return [.. removed.OrderBy(j => j.Sequence)];
        }
    }

    /// <summary>No more jobs will come: threads waiting in <see cref="Take"/> finish what is queued, then get null.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            Monitor.PulseAll(_lock);
        }
    }
}
