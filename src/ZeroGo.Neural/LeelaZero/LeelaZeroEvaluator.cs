using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Search;
using static TorchSharp.torch;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>How the evaluator orients positions for the network.</summary>
public enum LeelaZeroSymmetryMode
{
    /// <summary>Always the identity: deterministic, what <c>heatmap</c> needs.</summary>
    Identity,

    /// <summary>A random one of the 8 symmetries per position, as leelaz does during search.</summary>
    Random,
}

/// <summary>Settings for <see cref="LeelaZeroEvaluator"/>.</summary>
public sealed record LeelaZeroEvaluatorOptions
{
    /// <summary>Largest batch sent to the network at once; bigger requests are split.</summary>
    public int MaxBatchSize { get; init; } = 256;

    public LeelaZeroSymmetryMode Symmetry { get; init; } = LeelaZeroSymmetryMode.Identity;

    /// <summary>Seed for <see cref="LeelaZeroSymmetryMode.Random"/>.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Float32 (default, matches leelaz; heatmap) or BFloat16 (2-3x faster on CPUs with AVX-512 BF16; search).</summary>
    public Precision Precision { get; init; } = Precision.Float32;

    /// <summary>"cpu", "cuda" or "cuda:N" (see <see cref="ComputeDevice"/>).</summary>
    public string Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>Threads libtorch uses inside one forward pass (null: leave libtorch's setting alone).</summary>
    public int? Threads { get; init; }

    /// <summary>Memory for cached search evaluations, keyed on <see cref="EvaluationRequest.Key"/> (0 disables it).</summary>
    public double CacheMegabytes { get; init; }

    public void Validate()
    {
        if (MaxBatchSize is < 1 or > 4096)
        {
            throw new ArgumentException($"batch size must be 1..4096 (got {MaxBatchSize})");
        }

        if (Threads is < 1 or > 1024)
        {
            throw new ArgumentException($"threads must be 1..1024 (got {Threads})");
        }

        if (CacheMegabytes < 0 || double.IsNaN(CacheMegabytes))
        {
            throw new ArgumentException($"cache size must be >= 0 MB (got {CacheMegabytes})");
        }
    }
}

/// <summary>The network's raw answer for one position: policy over every point and pass (not masked), win rate.</summary>
public sealed class LeelaZeroOutput
{
    /// <summary>Softmax over 361 points (ZeroGo dense order, row 0 at the top) and pass (index 361).</summary>
    public float[] Policy { get; } = new float[LeelaZeroWeights.Points + 1];

    /// <summary>Value head output in [-1, 1] for the side to move (format-2 files already converted).</summary>
    public float Value { get; set; }

    /// <summary>Leela Zero's win rate for the side to move: (1 + value) / 2.</summary>
    public float Winrate => (1f + Value) / 2f;
}

/// <summary>
/// Evaluates positions with a Leela Zero network (19x19, history of 8 positions). Implements the search's
/// <see cref="IEvaluator"/>: the policy is masked to the request's legal moves and renormalised; the value is for
/// the side to move. Thread-safe: each caller runs its own forward pass on its own thread, concurrently with the
/// others (the module is read-only in eval mode). On a CPU this beats one shared forward at a time: search
/// threads already hand over batches of leaves, and libtorch's intra-op threads cost barrier waits per layer
/// (ruinous on a busy machine), so set <see cref="LeelaZeroEvaluatorOptions.Threads"/> to cores / search threads.
/// (ZeroGo's own <see cref="BatchingEvaluator"/> instead gathers all threads' leaves into one batch; a Leela Zero
/// network is small and fixed-size, so this minimal adapter does without that queue.)
/// </summary>
public sealed class LeelaZeroEvaluator : IEvaluator, IDisposable
{
    private readonly LeelaZeroNetwork _network;
    private readonly LeelaZeroEvaluatorOptions _options;
    /// <summary>Guards the random symmetry draws (the network itself is read-only and runs on every caller's thread).</summary>
    private readonly object _gate = new();
    private readonly Device _device;
    private readonly ScalarType _scalarType;
    private readonly EvaluationCache _cache;
    private FastRandom _random;
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.NoRecursion);
    private bool _disposed;
    private long _positions;
    private long _batches;

    public LeelaZeroEvaluator(LeelaZeroWeights weights, LeelaZeroEvaluatorOptions? options = null)
    {
        _options = options ?? new LeelaZeroEvaluatorOptions();
        _options.Validate();
        _device = ComputeDevice.Parse(_options.Device);
        _scalarType = _options.Precision.ToScalarType();
        Weights = weights;
        _network = new LeelaZeroNetwork(weights);
        if (_device.type != DeviceType.CPU)
        {
            _network.to(_device);
        }

        if (_scalarType != ScalarType.Float32)
        {
            _network.to(_scalarType);
        }

        if (_options.Threads is int threads)
        {
            torch.set_num_threads(threads);
        }

        _cache = new EvaluationCache(EvaluationCache.CapacityFor(_options.CacheMegabytes, BoardGeometry.Get(LeelaZeroWeights.BoardSize)));

        _random = new FastRandom(_options.Seed);
    }

    /// <summary>Loads a weight file (plain or gzip) and builds the evaluator.</summary>
    public static LeelaZeroEvaluator Load(string path, LeelaZeroEvaluatorOptions? options = null) =>
        new(LeelaZeroWeights.Load(path), options);

    public LeelaZeroWeights Weights { get; }

    public int HistoryLength => LeelaZeroInputEncoder.HistoryLength;

    public string Name => $"Leela Zero {Weights.SizeTag} network ({_options.Precision.ShortName()}, {ComputeDevice.Describe(_device)})";

    public LeelaZeroEvaluatorOptions Options => _options;

    /// <summary>The search-evaluation cache (empty unless <see cref="LeelaZeroEvaluatorOptions.CacheMegabytes"/> is set).</summary>
    public EvaluationCache Cache => _cache;

    /// <summary>Positions the network has evaluated (cache hits excluded).</summary>
    public long PositionsEvaluated => Interlocked.Read(ref _positions);

    /// <summary>Forward passes run.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>The only board size a Leela Zero network plays.</summary>
    public static int BoardSize => LeelaZeroWeights.BoardSize;

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        if (requests.Count != results.Count)
        {
            throw new ArgumentException($"{requests.Count} requests but {results.Count} results", nameof(results));
        }

        foreach (var request in requests)
        {
            LeelaZeroInputEncoder.RequireSupportedBoard(request.Geometry);
        }

        var pending = new List<int>(requests.Count);
        for (int i = 0; i < requests.Count; i++)
        {
            if (results[i].Policy.Length != requests[i].Geometry.Area + 1)
            {
                throw new ArgumentException($"result {i} is sized for another board than its {requests[i].Geometry} request");
            }

            if (!_cache.TryGet(requests[i], results[i]))
            {
                pending.Add(i);
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        var batch = pending.Select(i => requests[i]).ToArray();
        var outputs = new LeelaZeroOutput[batch.Length];
        var symmetries = new int[batch.Length];
        lock (_gate)
        {
            for (int i = 0; i < batch.Length; i++)
            {
                symmetries[i] = _options.Symmetry == LeelaZeroSymmetryMode.Random
                    ? _random.Next(LeelaZeroSymmetry.Count)
                    : LeelaZeroSymmetry.Identity;
            }
        }

        for (int i = 0; i < batch.Length; i++)
        {
            outputs[i] = new LeelaZeroOutput();
        }

        Run(batch, symmetries, outputs);

        for (int i = 0; i < batch.Length; i++)
        {
            var result = results[pending[i]];
            FillEvaluation(batch[i], outputs[i], result);
            _cache.Add(batch[i], result);
        }
    }

    /// <summary>
    /// The raw network output for each request under the given LZ symmetry (0..7), as leelaz's <c>heatmap N</c>
    /// computes it: unmasked softmax over all 362 moves, win rate for the side to move.
    /// </summary>
    public void EvaluateRaw(IReadOnlyList<EvaluationRequest> requests, int symmetry, IReadOnlyList<LeelaZeroOutput> outputs)
    {
        if (!LeelaZeroSymmetry.IsValid(symmetry))
        {
            throw new ArgumentOutOfRangeException(nameof(symmetry), symmetry, "Leela Zero symmetries are 0..7");
        }

        foreach (var request in requests)
        {
            LeelaZeroInputEncoder.RequireSupportedBoard(request.Geometry);
        }

        var symmetries = Enumerable.Repeat(symmetry, requests.Count).ToArray();
        Run(requests, symmetries, outputs);
    }

    /// <summary>leelaz's <c>heatmap average</c>: the mean of the 8 symmetries' policies and win rates.</summary>
    public LeelaZeroOutput EvaluateAverage(EvaluationRequest request)
    {
        var requests = Enumerable.Repeat(request, LeelaZeroSymmetry.Count).ToArray();
        var outputs = Enumerable.Range(0, LeelaZeroSymmetry.Count).Select(_ => new LeelaZeroOutput()).ToArray();
        var symmetries = Enumerable.Range(0, LeelaZeroSymmetry.Count).ToArray();
        Run(requests, symmetries, outputs);

        var average = new LeelaZeroOutput();
        foreach (var output in outputs)
        {
            for (int i = 0; i < average.Policy.Length; i++)
            {
                average.Policy[i] += output.Policy[i] / LeelaZeroSymmetry.Count;
            }

            average.Value += output.Value / LeelaZeroSymmetry.Count;
        }

        return average;
    }

    public void Dispose()
    {
        // Waits for forward passes in flight: they hold the read side of the lifetime lock.
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _network.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private void Run(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<int> symmetries, IReadOnlyList<LeelaZeroOutput> outputs)
    {
        _lifetime.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RunForwardPasses(requests, symmetries, outputs);
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    private void RunForwardPasses(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<int> symmetries, IReadOnlyList<LeelaZeroOutput> outputs)
    {
        const int inputSize = LeelaZeroInputEncoder.InputSize;
        const int policySize = LeelaZeroWeights.Points + 1;
        var policyScratch = new float[policySize];
        for (int start = 0; start < requests.Count; start += _options.MaxBatchSize)
        {
            int count = Math.Min(_options.MaxBatchSize, requests.Count - start);
            var buffer = new float[count * inputSize];
            // Sequential on the caller's thread: a few microseconds per position, next to milliseconds of network.
            for (int i = 0; i < count; i++)
            {
                LeelaZeroInputEncoder.Encode(requests[start + i], symmetries[start + i], buffer.AsSpan(i * inputSize, inputSize));
            }

            float[] policies;
            float[] values;
            using (no_grad())
            using (var scope = NewDisposeScope())
            {
                var input = tensor(buffer, [count, LeelaZeroWeights.InputPlanes, LeelaZeroWeights.BoardSize, LeelaZeroWeights.BoardSize]);
                if (_device.type != DeviceType.CPU)
                {
                    input = input.to(_device);
                }

                if (_scalarType != ScalarType.Float32)
                {
                    input = input.to(_scalarType);
                }

                var (logits, value) = _network.forward(input);
                policies = logits.to(ScalarType.Float32).softmax(1).cpu().contiguous().data<float>().ToArray();
                values = value.to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _positions, count);

            for (int i = 0; i < count; i++)
            {
                var request = requests[start + i];
                var output = outputs[start + i];
                policies.AsSpan(i * policySize, policySize).CopyTo(policyScratch);
                LeelaZeroInputEncoder.DecodePolicy(policyScratch, symmetries[start + i], output.Policy);
                float v = values[i];
                output.Value = Weights.ValueIsForBlack && request.ToMove == Color.White ? -v : v;
            }
        }
    }

    private static void FillEvaluation(EvaluationRequest request, LeelaZeroOutput output, Evaluation result)
    {
        var policy = result.Policy;
        var legal = request.LegalMask;
        float sum = 0f;
        int legalCount = 0;
        for (int i = 0; i < policy.Length; i++)
        {
            float p = legal[i] ? output.Policy[i] : 0f;
            policy[i] = p;
            sum += p;
            legalCount += legal[i] ? 1 : 0;
        }

        if (sum > 0f)
        {
            float scale = 1f / sum;
            for (int i = 0; i < policy.Length; i++)
            {
                policy[i] *= scale;
            }
        }
        else if (legalCount > 0)
        {
            // Every legal move underflowed: fall back to uniform over the legal moves.
            for (int i = 0; i < policy.Length; i++)
            {
                policy[i] = legal[i] ? 1f / legalCount : 0f;
            }
        }

        result.ValueForSideToMove = output.Value;
        result.DrawProbability = 0f;
        result.ScoreLeadForSideToMove = 0f;
        result.HasOwnership = false;
        Array.Clear(result.Ownership);
    }
}
