using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.Loading;
using ZeroGo.Search;

namespace ZeroGo.Cli.Engine;

/// <summary>
/// The networks one engine plays with, loaded when first needed: the model named by <c>--model</c> (loaded at start-up
/// so a bad file is reported before any GTP), else the bundled model that fits the board, else a freshly initialised
/// network of the board's default shape (said on the log). Each network gets two evaluators: the search's (batched,
/// random symmetry, the chosen precision) and an exact one for <c>heatmap</c> (fp32, identity, no cache), created
/// on the first heatmap. Thread-safe: search threads ask for evaluators concurrently.
/// </summary>
public sealed class NetworkProvider : IDisposable
{
    private readonly GtpEngineOptions _options;
    private readonly BundledModels _bundled;
    private readonly TextWriter _log;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IEvaluator> _search = [];
    private readonly Dictionary<string, IEvaluator> _exact = [];
    private readonly Dictionary<string, PolicyValueNetwork> _freshNetworks = [];
    private readonly List<IDisposable> _owned = [];
    private readonly ModelSpec? _explicitSpec;
    private readonly LoadedNetwork? _explicit;
    private IEvaluator? _current;
    private bool _disposed;

    /// <summary>
    /// Loads <see cref="GtpEngineOptions.ModelPath"/> now when given (throws what <see cref="NetworkFactory.Load"/>
    /// throws for a bad file) and checks the device; bundled and fresh networks wait for their first position.
    /// </summary>
    public NetworkProvider(GtpEngineOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _bundled = options.ModelPath is null ? BundledModels.Scan(options.ModelsFolder ?? BundledModels.FindDefaultFolder()) : BundledModels.Scan(null);
        if (options.Device != ComputeDevice.Cpu)
        {
            ComputeDevice.Parse(options.Device); // an unusable device is a start-up error, not a failed genmove
        }

        if (options.ModelPath is { } path)
        {
            _explicitSpec = Spec(path);
            _explicit = NetworkFactory.Load(_explicitSpec);
            _owned.Add(_explicit);
            _search[SourceKey(path)] = _explicit.Evaluator;
            _current = _explicit.Evaluator;
        }
    }

    /// <summary>The family of the <c>--model</c> network; ZeroGo for bundled and fresh networks.</summary>
    public NetworkFamily Family => _explicit?.Family ?? NetworkFamily.ZeroGo;

    /// <summary>The only board size the network can play (19 for Leela Zero), or null when it plays any size.</summary>
    public int? FixedBoardSize => _explicit?.FixedBoardSize;

    /// <summary>The board size a model made for one size suggests as the session's first board (null: GTP's usual 19).</summary>
    public int? PreferredBoardSize => _explicit?.BoardSize;

    /// <summary>
    /// Earlier positions the search must put in each request. ZeroGo's own networks (bundled, fresh) read none
    /// (<see cref="BatchingEvaluator.HistoryLength"/>); a Leela Zero file reads its 7 earlier positions.
    /// </summary>
    public int HistoryLength => _explicit?.Evaluator.HistoryLength ?? 0;

    public BundledModels Bundled => _bundled;

    /// <summary>The evaluator of the last board searched ("network, loads on first use" before that).</summary>
    public string CurrentName => Volatile.Read(ref _current)?.Name ?? "network (loads on first use)";

    /// <summary>What the engine will play with, for the start-up line on stderr.</summary>
    public string Describe()
    {
        if (_explicit is not null)
        {
            return _explicit.Description;
        }

        if (_bundled.Models.Count > 0)
        {
            return $"bundled model(s) {string.Join(", ", _bundled.Models.Select(m => $"{m.Name} [{string.Join(' ', m.BoardSizes)}]"))} in {_bundled.Folder}";
        }

        return $"no bundled model in {_bundled.Folder ?? "models/"}: a freshly initialised network (random weights, no playing strength) per board";
    }

    /// <summary>The search's evaluator for a board of <paramref name="geometry"/> (loading it on first use).</summary>
    public IEvaluator SearchEvaluator(BoardGeometry geometry)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var evaluator = GetOrLoad(_search, geometry, exact: false);
            if (evaluator.HistoryLength > HistoryLength)
            {
                throw new InvalidOperationException($"{evaluator.Name} reads {evaluator.HistoryLength} earlier positions; the search gives {HistoryLength}");
            }

            Volatile.Write(ref _current, evaluator);
            return evaluator;
        }
    }

    /// <summary>The exact (fp32, identity symmetry, uncached) evaluator for heatmap on <paramref name="geometry"/>.</summary>
    public IEvaluator ExactEvaluator(BoardGeometry geometry)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return GetOrLoad(_exact, geometry, exact: true);
        }
    }

    /// <summary>Empties the evaluation cache of every network loaded so far (the analysis engine's clear_cache).</summary>
    public void ClearCaches()
    {
        lock (_lock)
        {
            foreach (var owned in _owned)
            {
                switch (owned)
                {
                    case LoadedNetwork network:
                        network.ClearCache();
                        break;
                    case BatchingEvaluator batching:
                        batching.Cache.Clear();
                        break;
                }
            }
        }
    }

    private IEvaluator GetOrLoad(Dictionary<string, IEvaluator> loaded, BoardGeometry geometry, bool exact)
    {
        string? path = _options.ModelPath ?? _bundled.Choose(geometry)?.ManifestPath;
        var freshConfig = path is null ? NetworkConfig.DefaultFor(geometry) : null;
        string key = path is not null ? SourceKey(path) : "fresh:" + freshConfig!.Name;
        if (loaded.TryGetValue(key, out var evaluator))
        {
            return evaluator;
        }

        if (path is not null)
        {
            LoadedNetwork network;
            try
            {
                // The --model file's family was read at start-up; a bundled model is read once here.
                var spec = _options.ModelPath is not null ? _explicitSpec! : Spec(path);
                network = exact ? NetworkFactory.LoadExact(spec) : NetworkFactory.Load(spec);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"cannot load model {path}: {e.Message}", e);
            }

            _owned.Add(network);
            if (!exact && _options.ModelPath is null)
            {
                _log.WriteLine($"zerogo: {geometry} plays with bundled model {network.Description}");
            }

            evaluator = network.Evaluator;
        }
        else
        {
            var fresh = FreshNetwork(freshConfig!, geometry);
            var batching = exact
                ? NetworkFactory.ExactEvaluator(fresh)
                : NetworkFactory.SearchEvaluator(fresh, _options.Precision, _options.Threads, unchecked((int)_options.Seed));
            _owned.Add(batching);
            evaluator = batching;
        }

        loaded[key] = evaluator;
        return evaluator;
    }

    /// <summary>One fresh network per shape, shared by the search and heatmap so both see the same weights.</summary>
    private PolicyValueNetwork FreshNetwork(NetworkConfig config, BoardGeometry geometry)
    {
        if (!_freshNetworks.TryGetValue(config.Name, out var network))
        {
            network = PolicyValueNetwork.Create(config, _options.Device, unchecked((long)_options.Seed));
            _freshNetworks[config.Name] = network;
            _owned.Add(network);
            _log.WriteLine($"zerogo: no bundled model for {geometry}: playing with a freshly initialised {config.Name} network " +
                           $"(random weights, seed {_options.Seed}); train one with ./zerogo loop or pass --model FILE");
        }

        return network;
    }

    private ModelSpec Spec(string path) => ModelSpec.For(path) with
    {
        Device = _options.Device,
        Precision = _options.Precision,
        Threads = _options.Threads,
        Seed = unchecked((int)_options.Seed),
    };

    private static string SourceKey(string path) => "file:" + Path.GetFullPath(path);

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            for (int i = _owned.Count - 1; i >= 0; i--)
            {
                _owned[i].Dispose();
            }
        }
    }
}
