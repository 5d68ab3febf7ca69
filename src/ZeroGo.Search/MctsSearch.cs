using System.Diagnostics;
using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// Monte Carlo tree search guided by an <see cref="IEvaluator"/> (AlphaZero's PUCT with the c_puct growth
/// term, first-play urgency, virtual loss), on one or more threads, with tree reuse between moves.
/// </summary>
/// <remarks>
/// Use: <see cref="SetPosition"/> (reuses the subtree when the game continues the previous root), then
/// <see cref="Run"/> (blocking) or <see cref="Start"/> (background, e.g. pondering or endless analysis;
/// <see cref="Stop"/> ends it). <see cref="Snapshot"/> and <see cref="Progress"/> may be used from any thread
/// while it runs. One search at a time per instance; <see cref="SetPosition"/> throws while one runs.
/// Values: the evaluator and every public figure are from the side to move's view; inside the tree a node's
/// sums are from the view of the player who moved into it (see <see cref="Node"/>).
/// Threading: the tree (nodes, edges, run counters) is guarded by one lock; each worker thread selects a batch
/// of leaves under it, replays and evaluates them outside it, and backs them up under it again.
/// Files: this one holds the API and run control; <c>MctsSearch.TreeReuse.cs</c> keeps a subtree between moves,
/// <c>MctsSearch.Analysis.cs</c> builds snapshots and results, <c>MctsSearch.Checks.cs</c> has the tests' probes;
/// a run's own state is <see cref="SearchRun"/>, a visit's steps are <see cref="SearchWorker"/>'s (docs/search.md).
/// </remarks>
public sealed partial class MctsSearch
{
    private readonly object _treeLock = new();
    private readonly IEvaluator _evaluator;
    private NodeStore _store;
    private NodeStore _spare;
    private RootPosition? _root;

    // The restrictions the current tree was grown under: a tree grown under others is not reused.
    private MoveRestrictions _treeRestrictions = MoveRestrictions.None;
    private MoveRestrictions _restrictions = MoveRestrictions.None;
    private Move? _throughRootMove;
    private SearchWorker[] _workers = [];
    private readonly RootNoise _rootNoise;
    private readonly SearchRun _run;
    private int _running;
    private volatile Task<SearchResult>? _background;

    public MctsSearch(IEvaluator evaluator, SearchOptions? options = null)
    {
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        Options = options ?? SearchOptions.Default;
        Options.Validate();
        _store = new NodeStore(Options.MaxNodes, Options.MaxTreeBytes);
        _spare = new NodeStore(Options.MaxNodes, Options.MaxTreeBytes);
        _rootNoise = new RootNoise(Options, new FastRandom(Options.Seed != 0 ? Options.Seed : (ulong)Stopwatch.GetTimestamp()));
        _run = new SearchRun(Options, Snapshot);
    }

    public SearchOptions Options { get; }

    public IEvaluator Evaluator => _evaluator;

    /// <summary>Called on a search thread about every <see cref="ProgressInterval"/> while a search runs (keep it quick).</summary>
    public event Action<SearchSnapshot>? Progress
    {
        add => _run.Progress += value;
        remove => _run.Progress -= value;
    }

    public TimeSpan ProgressInterval
    {
        get => _run.ProgressInterval;
        set => _run.ProgressInterval = value;
    }

    public bool IsRunning => Volatile.Read(ref _running) != 0;

    /// <summary>
    /// When set, every descent goes through this root move (a Gumbel root search spends its visits on the
    /// moves it picked, one at a time, in one tree it can reuse). A move that is not a legal root move is
    /// ignored and the search chooses as usual. Settable between runs.
    /// </summary>
    public Move? ThroughRootMove
    {
        get => _throughRootMove;
        set
        {
            if (IsRunning)
            {
                throw new InvalidOperationException("a search is running: stop it before forcing a root move");
            }

            _throughRootMove = value;
        }
    }

    /// <summary>
    /// Moves the search may not explore (GTP analysis <c>avoid</c>/<c>allow</c>), from the next run on. Under
    /// restrictions no tree is reused: the plies of a reused subtree would count from another root.
    /// </summary>
    public MoveRestrictions Restrictions
    {
        get => _restrictions;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (IsRunning)
            {
                throw new InvalidOperationException("a search is running: stop it before changing its restrictions");
            }

            _restrictions = value;
        }
    }

    /// <summary>Visits of the root now (reused ones included), without building a snapshot.</summary>
    public int RootVisits
    {
        get
        {
            lock (_treeLock)
            {
                return _store.NodeCount == 0 ? 0 : _store.NodeAt(0).Visits;
            }
        }
    }

    /// <summary>Nodes in the tree now.</summary>
    public int NodeCount
    {
        get
        {
            lock (_treeLock)
            {
                return _store.NodeCount;
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="state"/> the root. When it continues the previous root's game (same start, the
    /// same moves, then alternating moves) and <see cref="SearchOptions.ReuseTree"/> is on, the subtree of
    /// those moves is kept (compacted into fresh storage); otherwise the tree starts empty.
    /// Returns true when a subtree was reused.
    /// </summary>
    public bool SetPosition(GameState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (IsRunning)
        {
            throw new InvalidOperationException("a search is running: stop it before changing the position");
        }

        lock (_treeLock)
        {
            bool reused = false;
            bool mayReuse = Options.ReuseTree && _restrictions.IsEmpty && _treeRestrictions.IsEmpty;
            var moves = mayReuse ? _root?.MovesTo(state) : null;
            if (moves is not null && _store.NodeCount > 0)
            {
                int node = FindDescendant(moves);
                if (node == 0)
                {
                    reused = true; // same position again (analysis, then genmove): keep everything
                }
                else if (node > 0)
                {
                    CompactInto(node);
                    _rootNoise.Reset();
                    reused = true;
                }
            }

            _root = new RootPosition(state, _evaluator.HistoryLength, recentMoveCapacity: 8);
            if (reused)
            {
                LabelRoot();
            }
            else
            {
                ClearTree();
            }

            if (_workers.Length != Options.Threads || !_workers[0].Geometry.Equals(state.Geometry))
            {
                _workers = new SearchWorker[Options.Threads];
                for (int i = 0; i < _workers.Length; i++)
                {
                    _workers[i] = new SearchWorker(this, _run, _rootNoise, state.Geometry, _evaluator.HistoryLength);
                }
            }

            _run.ResizeOwnership(state.Geometry.Area);
            return reused;
        }
    }

    /// <summary>Searches until a limit is reached, <see cref="Stop"/> is called or <paramref name="cancellation"/> fires.</summary>
    public SearchResult Run(SearchLimits limits, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("a search is already running on this instance");
        }

        try
        {
            if (_root is null)
            {
                throw new InvalidOperationException("call SetPosition before searching");
            }

            BeginRun(limits, cancellation);
            RunWorkers();
            return BuildResult();
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Starts <see cref="Run"/> on a background thread (pondering, endless analysis); <see cref="Stop"/> ends it.</summary>
    public Task<SearchResult> Start(SearchLimits limits, CancellationToken cancellation = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("a search is already running on this instance");
        }

        _run.ClearStopRequest();
        var task = Task.Factory.StartNew(
            () => Run(limits, cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _background = task;
        return task;
    }

    /// <summary>Asks a running search to stop (it finishes its in-flight evaluations first) and waits for a background one.</summary>
    public void Stop()
    {
        if (IsRunning || _background is not null)
        {
            _run.RequestStop();
        }

        var background = _background;
        if (background is not null)
        {
            try
            {
                background.Wait();
            }
            catch (AggregateException)
            {
                // The caller of Start observes the failure through the task.
            }

            _background = null;
            _run.ClearStopRequest(); // a background run that ended on its own (memory cap) must not stop the next run
        }
    }

    /// <summary>The current analysis (thread-safe; cheap enough to poll a few times a second).</summary>
    public SearchSnapshot Snapshot()
    {
        lock (_treeLock)
        {
            return BuildSnapshot();
        }
    }

    // ---- run control ----

    /// <summary>Guards the tree and the run's state; workers hold it to select and to back up.</summary>
    internal object TreeLock => _treeLock;

    /// <summary>The current tree (another store after tree reuse compacts it; read under the lock).</summary>
    internal NodeStore Store => _store;

    internal RootPosition Root => _root!;

    private void BeginRun(SearchLimits limits, CancellationToken cancellation)
    {
        lock (_treeLock)
        {
            if (!_restrictions.IsEmpty && !Equals(_restrictions.Geometry, _root!.Geometry))
            {
                throw new InvalidOperationException(
                    $"the move restrictions are for a {_restrictions.Geometry} board, the position is {_root.Geometry}");
            }

            if (!_restrictions.Equals(_treeRestrictions))
            {
                ClearTree();
            }

            _store.MaxNodes = Options.MaxNodes;
            _store.MaxBytes = Options.MaxTreeBytes;
            _run.Begin(limits, cancellation);
            if (_store.NodeAt(0).IsExpanded)
            {
                _rootNoise.ApplyOnce(_store);
            }
        }
    }

    private void RunWorkers()
    {
        var threads = new Thread[_workers.Length - 1];
        for (int i = 0; i < threads.Length; i++)
        {
            var worker = _workers[i + 1];
            threads[i] = new Thread(worker.Run) { IsBackground = true, Name = $"search {i + 1}" };
            threads[i].Start();
        }

        _workers[0].Run();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        _run.End();
        var failure = _workers.Select(w => w.Failure).FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            throw new InvalidOperationException($"search thread failed: {failure.Message}", failure);
        }
    }

    internal static short MoveCode(Move move) => move.IsPlay ? move.Point.Index : (short)-1;

    internal static Move MoveFromCode(short code) => code < 0 ? Move.Pass : Move.At(new Point(code));
}
