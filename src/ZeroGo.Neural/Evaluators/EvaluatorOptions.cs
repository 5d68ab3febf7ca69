namespace ZeroGo.Neural.Evaluators;

/// <summary>Which board symmetries an evaluation looks through.</summary>
public enum SymmetryMode
{
    /// <summary>The position as it is (deterministic; tests, reproducible analysis).</summary>
    Identity,

    /// <summary>One random symmetry per evaluation (AlphaGo Zero): averages out the network's orientation bias over a search.</summary>
    Random,

    /// <summary>Every symmetry that keeps the board's shape, averaged (8x the work; the most accurate single evaluation).</summary>
    Average,
}

/// <summary>How a <see cref="BatchingEvaluator"/> batches, caches and computes.</summary>
public sealed record EvaluatorOptions
{
    /// <summary>The most positions in one forward pass.</summary>
    public int MaxBatchSize { get; init; } = 64;

    /// <summary>
    /// How long the first queued position may wait for others to join its batch. A batch also goes as soon as
    /// it is full or every thread that has been calling recently is waiting (more cannot arrive).
    /// </summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Memory for cached evaluations (0 disables the cache).</summary>
    public double CacheMegabytes { get; init; } = 256;

    public SymmetryMode Symmetry { get; init; } = SymmetryMode.Random;

    /// <summary>Inference number format: bf16 where the CPU has it natively and it measured faster (<see cref="Bf16Speed"/>), else fp32 (docs/network.md).</summary>
    public Precision Precision { get; init; } = PrecisionExtensions.InferenceDefault;

    /// <summary>Threads libtorch uses inside one forward pass (default: every core).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed for the random symmetries (null: different each run).</summary>
    public int? Seed { get; init; }

    public void Validate()
    {
        if (MaxBatchSize is < 1 or > 4096)
        {
            throw new ArgumentException($"batch size must be 1..4096 (got {MaxBatchSize})");
        }

        if (MaxWait < TimeSpan.Zero || MaxWait > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"batch wait must be 0..1 s (got {MaxWait.TotalMilliseconds} ms)");
        }

        if (CacheMegabytes < 0 || double.IsNaN(CacheMegabytes))
        {
            throw new ArgumentException($"cache size must be >= 0 MB (got {CacheMegabytes})");
        }

        if (Threads is < 1 or > 1024)
        {
            throw new ArgumentException($"threads must be 1..1024 (got {Threads})");
        }
    }
}
