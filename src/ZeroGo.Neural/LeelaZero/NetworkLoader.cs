using System.Globalization;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Search;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>The two network families <c>--model FILE</c> accepts.</summary>
public enum NetworkFamily
{
    /// <summary>ZeroGo's own model (STEM.json + STEM.weights), any board size it was made for.</summary>
    ZeroGo,

    /// <summary>A Leela Zero weight file (text, plain or gzip): 19x19 only.</summary>
    LeelaZero,
}

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

    public Precision Precision { get; init; } = Precision.BFloat16;

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

/// <summary>A loaded network: its evaluator, its family and the board size it plays (when it fixes one).</summary>
public sealed class LoadedNetwork(NetworkFamily family, IEvaluator evaluator, int? boardSize, string path) : IDisposable
{
    public NetworkFamily Family { get; } = family;

    /// <summary>The evaluator to hand to the search (batched, thread-safe). Disposed with this object.</summary>
    public IEvaluator Evaluator { get; } = evaluator;

    /// <summary>
    /// The board size the network is for: 19 for Leela Zero, the single size a ZeroGo model lists, or null when
    /// a ZeroGo model lists several or none (the caller's own default then applies).
    /// </summary>
    public int? BoardSize { get; } = boardSize;

    public string Path { get; } = path;

    public string Description => $"{Evaluator.Name} from {System.IO.Path.GetFileName(Path)}";

    /// <summary>Empties the evaluation cache (benchmarks: the timed search must not find the warm-up's positions).</summary>
    public void ClearCache()
    {
        switch (Evaluator)
        {
            case LeelaZeroEvaluator leelaZero:
                leelaZero.Cache.Clear();
                break;
            case BatchingEvaluator batching:
                batching.Cache.Clear();
                break;
        }
    }

    public void Dispose() => (Evaluator as IDisposable)?.Dispose();
}

/// <summary>
/// Loads either network family from one path, telling them apart by content (a Leela Zero file starts with its
/// format version line; see <see cref="LeelaZeroWeights.LooksLikeLeelaZero"/>). Everything that takes
/// <c>--model FILE</c> (gtp, bench search, play, the desktop board) calls <see cref="Load"/>.
/// </summary>
public static class NetworkLoader
{
    public static NetworkFamily DetectFamily(string path) =>
        LeelaZeroWeights.LooksLikeLeelaZero(path) ? NetworkFamily.LeelaZero : NetworkFamily.ZeroGo;

    /// <summary>
    /// Loads <paramref name="path"/>. Throws <see cref="LeelaZeroFormatException"/> (line-numbered) for a bad Leela
    /// Zero file, <see cref="Files.ModelFileException"/> for a bad or missing ZeroGo model (a path that is not a
    /// Leela Zero file is read as a ZeroGo model, whose loader names the files it looked for).
    /// </summary>
    public static LoadedNetwork Load(string path, NetworkLoadOptions? options = null)
    {
        options ??= new NetworkLoadOptions();
        if (DetectFamily(path) == NetworkFamily.LeelaZero)
        {
            if (options.Symmetry == SymmetryMode.Average)
            {
                throw new ArgumentException("symmetry mode 'average' is not offered for Leela Zero networks; use identity or random");
            }

            var evaluator = LeelaZeroEvaluator.Load(path, new LeelaZeroEvaluatorOptions
            {
                Precision = options.Precision,
                Device = options.Device,
                Threads = options.Threads ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, options.CallerThreads)),
                MaxBatchSize = options.MaxBatchSize,
                CacheMegabytes = options.CacheMegabytes,
                Symmetry = options.Symmetry == SymmetryMode.Random ? LeelaZeroSymmetryMode.Random : LeelaZeroSymmetryMode.Identity,
                Seed = (ulong)(options.Seed ?? Environment.TickCount),
            });
            return new LoadedNetwork(NetworkFamily.LeelaZero, evaluator, LeelaZeroWeights.BoardSize, path);
        }

        using var network = PolicyValueNetwork.Load(path, options.Device);
        var batching = new BatchingEvaluator(network, new EvaluatorOptions
        {
            Precision = options.Precision,
            Symmetry = options.Symmetry,
            Threads = options.Threads ?? Environment.ProcessorCount,
            MaxBatchSize = options.MaxBatchSize,
            CacheMegabytes = options.CacheMegabytes,
            Seed = options.Seed,
        });
        return new LoadedNetwork(NetworkFamily.ZeroGo, batching, SingleBoardSize(network.Info.BoardSizes), path);
    }

    /// <summary>"19x19" -> 19 when the model lists exactly one square size; otherwise null.</summary>
    private static int? SingleBoardSize(IReadOnlyList<string> sizes)
    {
        if (sizes.Count != 1)
        {
            return null;
        }

        var parts = sizes[0].Split('x');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height)
               && width == height
            ? width
            : null;
    }
}
