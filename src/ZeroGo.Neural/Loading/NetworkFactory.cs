using ZeroGo.Neural.Evaluators;

namespace ZeroGo.Neural.Loading;

/// <summary>
/// The one way an engine gets its network (gtp and analysis, the desktop board, the arena's <c>model:</c> players):
/// a <see cref="ModelSpec"/> in, a loaded network whose evaluator batches what the search threads send.
/// </summary>
public static class NetworkFactory
{
    /// <summary>Leaves each search thread gathers per network call (16 per batch with the default two threads).</summary>
    public const int LeavesPerThread = 8;

    /// <summary>The largest batch <paramref name="threads"/> search threads can fill at once (the evaluators take at most 4096).</summary>
    public static int MaxBatchFor(int threads) => Math.Min(4096, Math.Max(1, threads) * LeavesPerThread);

    /// <summary>
    /// Loads <paramref name="spec"/> for a search (random symmetry, the spec's precision). Throws what
    /// <see cref="NetworkLoader.Load(string, NetworkLoadOptions?)"/> throws for a bad file.
    /// </summary>
    public static LoadedNetwork Load(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return NetworkLoader.Load(spec.Path, spec.Family, SearchOptions(spec));
    }

    /// <summary>Loads <paramref name="spec"/> for exact queries (heatmap): fp32, identity symmetry, no cache.</summary>
    public static LoadedNetwork LoadExact(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return NetworkLoader.Load(spec.Path, spec.Family, NetworkLoadOptions.Exact with { Device = spec.Device });
    }

    /// <summary>The search's evaluator over a network already in memory (a freshly initialised one), batched like a loaded one.</summary>
    public static BatchingEvaluator SearchEvaluator(PolicyValueNetwork network, Precision precision, int threads, int? seed) =>
        new(network, new EvaluatorOptions
        {
            Precision = precision,
            Symmetry = SymmetryMode.Random,
            MaxBatchSize = MaxBatchFor(threads),
            Seed = seed,
        });

    /// <summary>The exact evaluator over a network in memory (fp32, identity, no cache), for heatmap.</summary>
    public static BatchingEvaluator ExactEvaluator(PolicyValueNetwork network) =>
        new(network, new EvaluatorOptions { Precision = Precision.Float32, Symmetry = SymmetryMode.Identity, CacheMegabytes = 0 });

    private static NetworkLoadOptions SearchOptions(ModelSpec spec) => new()
    {
        Precision = spec.Precision,
        Symmetry = SymmetryMode.Random,
        Device = spec.Device,
        CallerThreads = spec.Threads,
        MaxBatchSize = spec.MaxBatchSize ?? MaxBatchFor(spec.Threads),
        Seed = spec.Seed,
    };
}
