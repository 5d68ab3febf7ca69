using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.Evaluators;

/// <summary>
/// Bounded cache of evaluations keyed by <see cref="EvaluationRequest.Key"/> and board shape, so transpositions
/// and re-searched positions skip the network. Two generations approximate LRU at dictionary speed: entries go
/// into the young table; when it holds half the capacity the old table is dropped and the young one ages; a
/// hit in the old table is promoted. Memory stays below <see cref="Capacity"/> entries. Thread-safe.
/// </summary>
public sealed class EvaluationCache
{
    private readonly object _lock = new();
    private readonly int _generationSize;
    private Dictionary<CacheKey, Evaluation> _young = [];
    private Dictionary<CacheKey, Evaluation> _old = [];
    private long _hits;
    private long _misses;

    public EvaluationCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _generationSize = Math.Max(1, capacity / 2);
    }

    public int Capacity { get; }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _young.Count + _old.Count;
            }
        }
    }

    /// <summary>Entries that fit in <paramref name="megabytes"/> for boards up to <paramref name="geometry"/>.</summary>
    public static int CapacityFor(double megabytes, BoardGeometry geometry)
    {
        // Policy (area + 1) and ownership (area) floats, plus the object and dictionary overhead.
        long bytesPerEntry = (2L * geometry.Area + 1) * sizeof(float) + 160;
        return (int)Math.Clamp(megabytes * 1024 * 1024 / bytesPerEntry, 0, int.MaxValue / 2);
    }

    /// <summary>Copies a cached evaluation into <paramref name="result"/>; false on a miss.</summary>
    public bool TryGet(EvaluationRequest request, Evaluation result)
    {
        if (Capacity == 0)
        {
            return false;
        }

        var key = new CacheKey(request);
        lock (_lock)
        {
            if (_young.TryGetValue(key, out var entry) || PromoteFromOld(key, out entry))
            {
                result.CopyFrom(entry);
                _hits++;
                return true;
            }

            _misses++;
            return false;
        }
    }

    public void Add(EvaluationRequest request, Evaluation evaluation)
    {
        if (Capacity == 0)
        {
            return;
        }

        var copy = new Evaluation(request.Geometry);
        copy.CopyFrom(evaluation);
        var key = new CacheKey(request);
        lock (_lock)
        {
            AgeIfFull();
            _young[key] = copy;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _young = [];
            _old = [];
        }
    }

    private bool PromoteFromOld(CacheKey key, out Evaluation entry)
    {
        if (!_old.Remove(key, out entry!))
        {
            return false;
        }

        AgeIfFull();
        _young[key] = entry;
        return true;
    }

    private void AgeIfFull()
    {
        if (_young.Count >= _generationSize)
        {
            _old = _young;
            _young = new Dictionary<CacheKey, Evaluation>(_generationSize);
        }
    }

    private readonly record struct CacheKey(ulong Key, int Shape)
    {
        public CacheKey(EvaluationRequest request)
            : this(request.Key, request.Geometry.Width * 32 + request.Geometry.Height)
        {
        }
    }
}
