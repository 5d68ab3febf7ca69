using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Search;

namespace ZeroGo.Neural.Loading;

/// <summary>A loaded network: its evaluator, its family and the board size it plays (when it fixes one).</summary>
public sealed class LoadedNetwork(NetworkFamily family, IEvaluator evaluator, int? boardSize, string path, NetworkConfig? config = null) : IDisposable
{
    public NetworkFamily Family { get; } = family;

    /// <summary>The evaluator to hand to the search (batched, thread-safe). Disposed with this object.</summary>
    public IEvaluator Evaluator { get; } = evaluator;

    /// <summary>
    /// The board size the network is for: 19 for Leela Zero, the single size a ZeroGo model lists, or null when
    /// a ZeroGo model lists several or none (the caller's own default then applies).
    /// </summary>
    public int? BoardSize { get; } = boardSize;

    /// <summary>The only board size the network can play (19 for Leela Zero); null when it plays any size.</summary>
    public int? FixedBoardSize => Family == NetworkFamily.LeelaZero ? LeelaZeroWeights.BoardSize : null;

    /// <summary>A ZeroGo model's architecture as read at load time (null for Leela Zero), so nobody reads the manifest again.</summary>
    public NetworkConfig? Config { get; } = config;

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
