using ZeroGo.Neural.Evaluators;

namespace ZeroGo.Neural.Loading;

/// <summary>How <see cref="NetworkLoader"/> sets up the evaluator, whichever the family.</summary>
public sealed record NetworkLoadOptions
{
    /// <summary>Settings for <c>heatmap</c> and other exact queries: fp32, identity symmetry, no cache.</summary>
    public static NetworkLoadOptions Exact { get; } = new()
    {
        Precision = Precision.Float32,
        Symmetry = SymmetryMode.Identity,
        CacheMegabytes = 0,
    };

    public Precision Precision { get; init; } = PrecisionExtensions.InferenceDefault;

    /// <summary>Identity or Random (Average is only offered by ZeroGo's own evaluator).</summary>
    public SymmetryMode Symmetry { get; init; } = SymmetryMode.Random;

    public string Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>
    /// libtorch threads per forward pass. Null: every core for ZeroGo's evaluator (one worker thread runs all
    /// forward passes); cores / <see cref="CallerThreads"/> for Leela Zero's (each caller runs its own).
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>How many threads will call the evaluator at once (the search's thread count).</summary>
    public int CallerThreads { get; init; } = 1;

    public int MaxBatchSize { get; init; } = 64;

    public double CacheMegabytes { get; init; } = 256;

    public int? Seed { get; init; }
}
