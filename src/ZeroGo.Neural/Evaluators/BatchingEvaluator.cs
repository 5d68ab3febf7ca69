using System.Diagnostics;
using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural.Features;
using ZeroGo.Search;

namespace ZeroGo.Neural.Evaluators;

/// <summary>
/// The network as an <see cref="IEvaluator"/> for many concurrent searches. Callers (search threads, games)
/// look in the cache, encode their positions on their own thread, queue them and block; one worker thread
/// gathers queued positions into a batch (until it is full, every recently active caller is waiting, or
/// <see cref="EvaluatorOptions.MaxWait"/> has passed since the oldest arrived), runs one forward pass without
/// gradients in eval mode, decodes each result and wakes its caller. Works on its own copy of the network
/// (so training can go on with the original; <see cref="UpdateWeights"/> takes new weights).
/// </summary>
public sealed class BatchingEvaluator : IEvaluator, IDisposable
{
    private static readonly long RecentCallerTicks = Stopwatch.Frequency / 10;

    private readonly PolicyValueNetwork _network;
    private readonly EvaluatorOptions _options;
    private readonly EvaluationCache _cache;
    private readonly Queue<Pending> _queue = new();
    private readonly Dictionary<int, long> _recentCallers = [];
    private readonly object _queueLock = new();
    private readonly Thread _worker;
    private readonly Random _random;
    private readonly long _maxWaitTicks;
    private bool _stopping;
    private long _batches;
    private long _positions;

    public BatchingEvaluator(PolicyValueNetwork network, EvaluatorOptions? options = null)
    {
        _options = options ?? new EvaluatorOptions();
        _options.Validate();
        _network = network.Clone();
        _network.SetPrecision(_options.Precision);
        _cache = new EvaluationCache(EvaluationCache.CapacityFor(_options.CacheMegabytes, BoardGeometry.Get(19)));
        _random = _options.Seed is int seed ? new Random(seed) : new Random();
        _maxWaitTicks = (long)(_options.MaxWait.TotalSeconds * Stopwatch.Frequency);
        torch.set_num_threads(_options.Threads);
        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = "zerogo-network" };
        _worker.Start();
    }

    /// <summary>The features read no earlier boards (recent moves come from <see cref="EvaluationRequest.RecentMoves"/>).</summary>
    public int HistoryLength => 0;

    public string Name => $"{_network.Description} network";

    public EvaluatorOptions Options => _options;

    /// <summary>The evaluator's own copy of the network (for its config and description; do not train it).</summary>
    public PolicyValueNetwork Network => _network;

    public EvaluationCache Cache => _cache;

    /// <summary>Forward passes run so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Positions evaluated by the network (cache hits excluded; each symmetry counted in Average mode).</summary>
    public long PositionsEvaluated => Interlocked.Read(ref _positions);

    public double AverageBatchSize => Batches == 0 ? 0 : (double)PositionsEvaluated / Batches;

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        if (requests.Count != results.Count)
        {
            throw new ArgumentException($"{requests.Count} requests but {results.Count} results");
        }

        var call = new PendingCall();
        var items = new List<Pending>();
        var evaluated = new List<int>();
        var averaged = new List<(EvaluationRequest Request, Evaluation Result, Evaluation[] Parts)>();
        for (int i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var result = results[i];
            if (result.Policy.Length != request.Geometry.Area + 1)
            {
                throw new ArgumentException($"result {i} is sized for another board than its {request.Geometry} request");
            }

            // A cached answer may come from one random symmetry: a request for all of them is evaluated afresh.
            bool average = _options.Symmetry == SymmetryMode.Average || request.AllSymmetries;
            bool cachedIsAsked = _options.Symmetry == SymmetryMode.Average || !request.AllSymmetries;
            if (cachedIsAsked && _cache.TryGet(request, result))
            {
                continue;
            }

            evaluated.Add(i);

            if (average)
            {
                var symmetries = Symmetry.For(request.Geometry).ToArray();
                var parts = new Evaluation[symmetries.Length];
                for (int s = 0; s < symmetries.Length; s++)
                {
                    parts[s] = new Evaluation(request.Geometry);
                    items.Add(Encode(request, parts[s], symmetries[s], call));
                }

                averaged.Add((request, result, parts));
            }
            else
            {
                items.Add(Encode(request, result, ChooseSymmetry(request.Geometry), call));
            }
        }

        if (items.Count == 0)
        {
            return;
        }

        call.Remaining = items.Count;
        lock (_queueLock)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _recentCallers[Environment.CurrentManagedThreadId] = Stopwatch.GetTimestamp();
            foreach (var item in items)
            {
                _queue.Enqueue(item);
            }

            Monitor.PulseAll(_queueLock);
        }

        // (The event is not disposed: the worker may still be inside Set when Wait returns.)
        call.Done.Wait();
        if (call.Error is not null)
        {
            throw new InvalidOperationException($"network evaluation failed: {call.Error.Message}", call.Error);
        }

        foreach (var (request, result, parts) in averaged)
        {
            OutputDecoder.Average(parts, result);
        }

        foreach (int i in evaluated)
        {
            _cache.Add(requests[i], results[i]);
        }
    }

    /// <summary>Copies new weights in (e.g. after training) and empties the cache.</summary>
    public void UpdateWeights(PolicyValueNetwork source)
    {
        _network.CopyWeightsFrom(source);
        _cache.Clear();
    }

    /// <summary>The residual stream after every block for one position ([channel, row, column] per block).</summary>
    public IReadOnlyList<float[,,]> ReadBlockActivations(EvaluationRequest request) => _network.ReadBlockActivations(request);

    public void Dispose()
    {
        lock (_queueLock)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.PulseAll(_queueLock);
        }

        _worker.Join();
        _network.Dispose();
    }

    private Pending Encode(EvaluationRequest request, Evaluation result, Symmetry symmetry, PendingCall call)
    {
        var features = new EncodedPosition();
        FeatureEncoder.Encode(request, symmetry, features);
        return new Pending(request, result, symmetry, features, call, Stopwatch.GetTimestamp());
    }

    private Symmetry ChooseSymmetry(BoardGeometry geometry)
    {
        if (_options.Symmetry != SymmetryMode.Random)
        {
            return Symmetry.Identity;
        }

        int count = geometry.IsSquare ? 8 : 4;
        int pick;
        lock (_random)
        {
            pick = _random.Next(count);
        }

        // Rectangles keep their shape under the four symmetries without a transpose (ids 0, 2, 4, 6).
        return new Symmetry(geometry.IsSquare ? pick : pick * 2);
    }

    private void WorkerLoop()
    {
        var batch = new List<Pending>(_options.MaxBatchSize);
        var features = new FeatureBatch();
        while (TakeBatch(batch))
        {
            features.Clear();
            foreach (var item in batch)
            {
                features.Add(item.Features);
            }

            try
            {
                var raw = _network.Infer(features);
                for (int i = 0; i < batch.Count; i++)
                {
                    OutputDecoder.Decode(raw, i, batch[i].Request, batch[i].Symmetry, batch[i].Result);
                }

                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _positions, batch.Count);
            }
            catch (Exception e)
            {
                foreach (var item in batch)
                {
                    item.Call.Error = e;
                }
            }

            foreach (var item in batch)
            {
                if (Interlocked.Decrement(ref item.Call.Remaining) == 0)
                {
                    item.Call.Done.Set();
                }
            }
        }
    }

    /// <summary>Blocks until a batch is ready; false when stopping (queued work is failed, not dropped silently).</summary>
    private bool TakeBatch(List<Pending> batch)
    {
        batch.Clear();
        lock (_queueLock)
        {
            while (_queue.Count == 0 && !_stopping)
            {
                Monitor.Wait(_queueLock);
            }

            while (!_stopping && _queue.Count < _options.MaxBatchSize && !AllRecentCallersWaiting())
            {
                long waited = Stopwatch.GetTimestamp() - _queue.Peek().EnqueuedAt;
                long left = _maxWaitTicks - waited;
                if (left <= 0)
                {
                    break;
                }

                Monitor.Wait(_queueLock, TimeSpan.FromSeconds((double)left / Stopwatch.Frequency));
            }

            if (_stopping)
            {
                var disposed = new ObjectDisposedException(nameof(BatchingEvaluator));
                while (_queue.TryDequeue(out var item))
                {
                    item.Call.Error = disposed;
                    if (Interlocked.Decrement(ref item.Call.Remaining) == 0)
                    {
                        item.Call.Done.Set();
                    }
                }

                return false;
            }

            while (batch.Count < _options.MaxBatchSize && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            return true;
        }
    }

    /// <summary>
    /// True when every thread that called within the last 100 ms has positions queued: nobody else is about to
    /// add one, so waiting longer would only delay the batch. (Called under the queue lock.)
    /// </summary>
    private bool AllRecentCallersWaiting()
    {
        long now = Stopwatch.GetTimestamp();
        List<int>? stale = null;
        foreach (var (thread, seen) in _recentCallers)
        {
            if (now - seen > RecentCallerTicks)
            {
                (stale ??= []).Add(thread);
            }
        }

        if (stale is not null)
        {
            foreach (int thread in stale)
            {
                _recentCallers.Remove(thread);
            }
        }

        var waiting = new HashSet<PendingCall>();
        foreach (var item in _queue)
        {
            waiting.Add(item.Call);
        }

        return waiting.Count >= _recentCallers.Count;
    }

    private sealed class PendingCall
    {
        public readonly ManualResetEventSlim Done = new(false);
        public int Remaining;
        public Exception? Error;
    }

    private sealed record Pending(
        EvaluationRequest Request, Evaluation Result, Symmetry Symmetry, EncodedPosition Features, PendingCall Call, long EnqueuedAt);
}
