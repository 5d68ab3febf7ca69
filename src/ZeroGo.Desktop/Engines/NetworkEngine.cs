using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Scoring;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Files;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Neural.Loading;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Engines;

/// <summary>
/// A network behind the desktop board, either family (ZeroGo model or Leela Zero file, loaded by
/// <see cref="NetworkFactory"/>): the search over it for play and review, its ownership head for the end-of-game
/// count, the layers view (ZeroGo models only) and a description for the window
/// ("ZeroGo network zerogo-9x9 (b6c64)").
/// </summary>
public sealed class NetworkEngine : IDisposable
{
    private readonly LoadedNetwork _network;
    private readonly LazyLayers? _layers;

    private NetworkEngine(LoadedNetwork network, string description, int threads, ulong seed)
    {
        _network = network;
        Description = description;
        Source = new SearchAnalysisSource(network.Evaluator, threads, seed, description, NetworkFactory.LeavesPerThread); // the window's "Engine:" line
        Ownership = new EvaluatorOwnership(network.Evaluator);
        _layers = network.Family == NetworkFamily.ZeroGo ? new LazyLayers(network.Path) : null;
    }

    public NetworkFamily Family => _network.Family;

    /// <summary>The board size the network is made for (19 for Leela Zero), null when it plays several.</summary>
    public int? BoardSize => _network.BoardSize;

    /// <summary>"ZeroGo network zerogo-9x9 (b6c64)" or "Leela Zero network best (40x256)".</summary>
    public string Description { get; }

    public SearchAnalysisSource Source { get; }

    public IEvaluator Evaluator => _network.Evaluator;

    /// <summary>The network's ownership of a final position, for the dead stones after two passes.</summary>
    public IOwnershipEstimator Ownership { get; }

    /// <summary>The layers view's activations (ZeroGo models; null for Leela Zero files). Loads on first use.</summary>
    public ILayerSource? Layers => _layers;

    /// <summary>
    /// Null when <paramref name="path"/> can play a <paramref name="size"/>x<paramref name="size"/> board, else why
    /// not (a Leela Zero network plays 19x19 only). Reads only the file's first line.
    /// </summary>
    public static string? CheckBoardSize(string path, int size) => ModelSpec.For(path).CheckBoardSize(size);

    /// <summary>
    /// Loads <paramref name="path"/> (a ZeroGo model's .json/.weights/stem or a Leela Zero file, plain or gzip) for
    /// a search with <paramref name="threads"/> threads. Throws what <see cref="NetworkFactory.Load"/> throws for a
    /// bad file (<see cref="ModelFileException"/>, <see cref="LeelaZeroFormatException"/>).
    /// </summary>
    public static NetworkEngine Load(string path, int threads, ulong seed = 0) => Load(ModelSpec.For(path), threads, seed);

    /// <summary>Loads <paramref name="spec"/> (its family already read) for a search with <paramref name="threads"/> threads.</summary>
    public static NetworkEngine Load(ModelSpec spec, int threads, ulong seed = 0)
    {
        threads = Math.Max(1, threads);
        var loaded = NetworkFactory.Load(spec with
        {
            Threads = threads,
            Seed = seed == 0 ? null : unchecked((int)seed),
        });
        try
        {
            return new NetworkEngine(loaded, Describe(loaded), threads, seed);
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    private static string Describe(LoadedNetwork network)
    {
        if (network.Family == NetworkFamily.LeelaZero)
        {
            var name = Path.GetFileName(network.Path);
            foreach (var extension in new[] { ".gz", ".txt" })
            {
                if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^extension.Length];
                }
            }

            return $"Leela Zero network {name}";
        }

        // The shape as the loader read it from the manifest: the file is not read a second time.
        string shape = network.Config is { Blocks: > 0 } config ? $" (b{config.Blocks}c{config.Channels})" : "";
        return $"ZeroGo network {ModelPaths.From(network.Path).Name}{shape}";
    }

    public void Dispose()
    {
        _layers?.Dispose();
        _network.Dispose();
    }

    /// <summary>
    /// The layers view over a ZeroGo network: the residual stream after each block. Loads its own copy of the
    /// network on first use (the search's evaluator keeps its weights private), so play starts without it.
    /// </summary>
    private sealed class LazyLayers(string path) : ILayerSource, IDisposable
    {
        private readonly Lazy<PolicyValueNetwork> _network = new(() => PolicyValueNetwork.Load(path), LazyThreadSafetyMode.ExecutionAndPublication);

        public int BlockCount => _network.Value.Config.Blocks;

        public int Channels => _network.Value.Config.Channels;

        public float[][] BlockActivations(GameState state, int block)
        {
            var request = EvaluationRequestBuilder.Create(state, 0);
            var blocks = _network.Value.ReadBlockActivations(request);
            var activations = blocks[Math.Clamp(block, 0, blocks.Count - 1)];
            int channels = activations.GetLength(0), height = activations.GetLength(1), width = activations.GetLength(2);
            var result = new float[channels][];
            for (int c = 0; c < channels; c++)
            {
                result[c] = new float[height * width];
                for (int r = 0; r < height; r++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        result[c][r * width + x] = activations[c, r, x];
                    }
                }
            }

            return result;
        }

        public void Dispose()
        {
            if (_network.IsValueCreated)
            {
                _network.Value.Dispose();
            }
        }
    }
}
