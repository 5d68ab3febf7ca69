using System.Globalization;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.LeelaZero;

namespace ZeroGo.Neural.Loading;

/// <summary>
/// Loads either network family from one path, telling them apart by content (a Leela Zero file starts with its
/// format version line; see <see cref="LeelaZeroWeights.LooksLikeLeelaZero"/>). Everything that takes
/// <c>--model FILE</c> comes here: engines through <see cref="NetworkFactory"/>, tools (bench search) directly.
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
    public static LoadedNetwork Load(string path, NetworkLoadOptions? options = null) =>
        Load(path, DetectFamily(path), options ?? new NetworkLoadOptions());

    /// <summary>Loads <paramref name="path"/> as <paramref name="family"/> (already detected: <see cref="ModelSpec.For"/>).</summary>
    public static LoadedNetwork Load(string path, NetworkFamily family, NetworkLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (family == NetworkFamily.LeelaZero)
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
        return new LoadedNetwork(NetworkFamily.ZeroGo, batching, SingleBoardSize(network.Info.BoardSizes), path, network.Config);
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
