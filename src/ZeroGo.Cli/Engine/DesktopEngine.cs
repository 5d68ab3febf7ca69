using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Engines;
using ZeroGo.Desktop.Scoring;
using ZeroGo.Go;
using ZeroGo.Neural.Loading;
using ZeroGo.Search;

namespace ZeroGo.Cli.Engine;

/// <summary>
/// The engine of a desktop verb (play, replay, render) and of the arena's <c>level:</c> players: the analysis
/// source, the layers view, the end-of-game ownership, and what must be disposed with them.
/// </summary>
internal sealed record DesktopEngine(IAnalysisSource Source, ILayerSource? Layers, IOwnershipEstimator? Ownership, IDisposable? Owner) : IDisposable
{
    /// <summary>Full-strength visits by board size when --visits is not given: answers within ~2 s on 2 cores.</summary>
    public static int DefaultVisits(int size) => size <= 9 ? SearchLimits.DefaultMoveVisits : size <= 13 ? 400 : 250;

    /// <summary>
    /// The engine behind the board (see <see cref="EngineChoice"/>): a network (<paramref name="model"/>, else the
    /// bundled one in models/ made for <paramref name="geometry"/>), else the search over random rollouts, or flat
    /// Monte Carlo. Throws <see cref="InvalidOperationException"/> when a network is asked for and there is none
    /// or it cannot play this board size, and what <see cref="NetworkEngine.Load"/> throws for a bad file.
    /// </summary>
    public static DesktopEngine Create(string engine, string? model, BoardGeometry geometry, int threads, string? modelsFolder = null) =>
        CreateWith(engine, model is null ? null : ModelSpec.For(model), geometry, threads, modelsFolder);

    /// <summary>As above, for a model whose family the caller has read already (play picks the board size from it).</summary>
    public static DesktopEngine CreateWith(string engine, ModelSpec? model, BoardGeometry geometry, int threads, string? modelsFolder = null)
    {
        engine = EngineChoice.Normalize(engine);
        if (engine == EngineChoice.Flat)
        {
            return new DesktopEngine(new MonteCarloAnalysis(), null, null, null);
        }

        if (engine != EngineChoice.Playouts)
        {
            var bundled = BundledModels.Scan(modelsFolder ?? BundledModels.FindDefaultFolder());
            // The network is size-independent: like gtp, prefer a bundled model made for this board, else the one
            // trained on the nearest size (zerogo-19x19, zerogo-9x9 also for 13x13, zerogo-7x7: see their cards).
            var spec = model ?? (bundled.Choose(geometry)?.ManifestPath is { } bundledPath ? ModelSpec.For(bundledPath) : null);
            if (spec is null && engine == EngineChoice.Network)
            {
                throw new InvalidOperationException(
                    $"--engine network: no bundled network in {bundled.Folder ?? "models/"}; pass --model FILE or use --engine playouts");
            }

            if (spec is not null)
            {
                if (spec.CheckBoardSize(geometry.Width) is { } sizeError)
                {
                    throw new InvalidOperationException(sizeError);
                }

                return LoadNetwork(spec, threads);
            }
        }

        return new DesktopEngine(new SearchAnalysisSource(new RolloutEvaluator(playoutsPerEvaluation: 4), threads, name: "MCTS + random rollouts"), null, null, null);
    }

    /// <summary>Kept apart so TorchSharp loads only when a network is asked for.</summary>
    private static DesktopEngine LoadNetwork(ModelSpec spec, int threads)
    {
        var network = NetworkEngine.Load(spec, threads);
        return new DesktopEngine(network.Source, network.Layers, network.Ownership, network);
    }

    public void Dispose() => Owner?.Dispose();
}
