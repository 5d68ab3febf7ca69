using ZeroGo.Neural;
using ZeroGo.Search;

namespace ZeroGo.Cli.Engine;

/// <summary>
/// The search's evaluator when the network depends on the board: each call is passed to the network the
/// <see cref="NetworkProvider"/> holds for the requests' board, loading it on the first call. Keeps the GTP
/// engine's start-up instant (no TorchSharp work until the first genmove or analysis).
/// </summary>
public sealed class LazyNetworkEvaluator(NetworkProvider networks) : IEvaluator
{
    public int HistoryLength => networks.HistoryLength;

    public string Name => networks.CurrentName;

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        if (requests.Count == 0)
        {
            return;
        }

        networks.SearchEvaluator(requests[0].Geometry).Evaluate(requests, results);
    }
}
