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
/// </remarks>
public sealed class MctsSearch
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
    private FastRandom _random;
    private bool _rootNoised;
    private int _running;

    // State of the current run (guarded by _treeLock unless volatile).
    private SearchLimits _limits = SearchLimits.Infinite;
    private CancellationToken _token;
    private readonly Stopwatch _clock = new();
    private volatile bool _stopping;
    private volatile bool _stopRequested;
    private StopReason _stopReason;
    private int _playoutsStarted;
    private int _playoutsDone;
    private OwnershipAccumulator _ownership = new(0);

    // Per root move (by move code), only under SearchOptions.TrackMoveOwnership: KataGo's per-move ownership.
    private readonly Dictionary<short, OwnershipAccumulator> _moveOwnership = [];
    private long _nextProgressTicks;
    private volatile Task<SearchResult>? _background;

    public MctsSearch(IEvaluator evaluator, SearchOptions? options = null)
    {
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        Options = options ?? SearchOptions.Default;
        Options.Validate();
        _store = new NodeStore(Options.MaxNodes, Options.MaxTreeBytes);
        _spare = new NodeStore(Options.MaxNodes, Options.MaxTreeBytes);
        _random = new FastRandom(Options.Seed != 0 ? Options.Seed : (ulong)Stopwatch.GetTimestamp());
    }

    public SearchOptions Options { get; }

    public IEvaluator Evaluator => _evaluator;

    /// <summary>Called on a search thread about every <see cref="ProgressInterval"/> while a search runs (keep it quick).</summary>
    public event Action<SearchSnapshot>? Progress;

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

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
                    _rootNoised = false;
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
                    _workers[i] = new SearchWorker(this, state.Geometry, _evaluator.HistoryLength);
                }
            }

            if (_ownership.Area != state.Geometry.Area)
            {
                _ownership = new OwnershipAccumulator(state.Geometry.Area);
                _moveOwnership.Clear();
            }

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
            _clock.Stop();
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

        _stopRequested = false;
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
            _stopRequested = true;
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
            _stopRequested = false; // a background run that ended on its own (memory cap) must not stop the next run
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

    // ---- run control (called by workers) ----

    internal object TreeLock => _treeLock;

    internal NodeStore Store => _store;

    internal RootPosition Root => _root!;

    internal bool Stopping => _stopping;

    /// <summary>Under the tree lock: an empty tree whose root is the current position.</summary>
    private void ClearTree()
    {
        _store.Clear();
        _store.TryAllocateNode(out _);
        _rootNoised = false;
        _treeRestrictions = _restrictions;
        LabelRoot();
    }

    /// <summary>Under the tree lock: node 0 carries the current position's last move and pass count.</summary>
    private void LabelRoot()
    {
        _store.NodeAt(0).Move = MoveCode(_root!.State.LastMove);
        _store.NodeAt(0).Passes = _root.Passes;
    }

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

            _limits = limits;
            _token = cancellation;
            _stopping = false;
            _stopReason = StopReason.None;
            _playoutsStarted = 0;
            _playoutsDone = 0;
            _ownership.Clear();
            foreach (var perMove in _moveOwnership.Values)
            {
                perMove.Clear();
            }
            _store.MaxNodes = Options.MaxNodes;
            _store.MaxBytes = Options.MaxTreeBytes;
            _clock.Restart();
            _nextProgressTicks = ProgressInterval.Ticks;
            if (_store.NodeAt(0).IsExpanded)
            {
                AddRootNoiseOnce();
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

        _stopRequested = false;
        var failure = _workers.Select(w => w.Failure).FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            throw new InvalidOperationException($"search thread failed: {failure.Message}", failure);
        }
    }

    /// <summary>Under the tree lock: whether a new descent may start; records why not.</summary>
    internal bool MayStartDescent()
    {
        if (_stopping)
        {
            return false;
        }

        ref var root = ref _store.NodeAt(0);
        StopReason reason = StopReason.None;
        if (_stopRequested || _token.IsCancellationRequested)
        {
            reason = StopReason.Stopped;
        }
        else if (_limits.MaxVisits is int maxVisits && root.Visits + root.InFlight >= maxVisits)
        {
            reason = StopReason.VisitLimit;
        }
        else if (_limits.MaxPlayouts is int maxPlayouts && _playoutsStarted >= maxPlayouts)
        {
            reason = StopReason.PlayoutLimit;
        }
        else if (_limits.MaxTime is TimeSpan maxTime && _clock.Elapsed >= maxTime && root.Visits + root.InFlight > 0)
        {
            // The root's own evaluation always runs: without its priors there would be no move to answer with.
            reason = StopReason.TimeLimit;
        }

        if (reason == StopReason.None)
        {
            return true;
        }

        StopWith(reason);
        return false;
    }

    internal void StopWith(StopReason reason)
    {
        if (_stopReason == StopReason.None)
        {
            _stopReason = reason;
        }

        _stopping = true;
    }

    internal void CountPlayoutStarted() => _playoutsStarted++;

    internal void CountPlayoutCancelled() => _playoutsStarted--;

    internal void CountPlayoutDone() => _playoutsDone++;

    /// <summary>
    /// Under the tree lock: adds a leaf's ownership (side to move at the leaf) seen from the root; also to the root
    /// move the leaf lies under (<paramref name="rootMove"/>, a move code; null for the root itself) when per-move
    /// ownership is tracked.
    /// </summary>
    internal void AddOwnership(float[] ownership, bool sameSideAsRoot, short? rootMove)
    {
        _ownership.Add(ownership, sameSideAsRoot);
        if (Options.TrackMoveOwnership && rootMove is short move)
        {
            if (!_moveOwnership.TryGetValue(move, out var perMove))
            {
                perMove = new OwnershipAccumulator(_ownership.Area);
                _moveOwnership[move] = perMove;
            }

            perMove.Add(ownership, sameSideAsRoot);
        }
    }

    /// <summary>Called by a worker after each batch: raises <see cref="Progress"/> when the interval has passed.</summary>
    internal void MaybeReportProgress()
    {
        var handler = Progress;
        if (handler is null)
        {
            return;
        }

        long due = Interlocked.Read(ref _nextProgressTicks);
        long now = _clock.Elapsed.Ticks;
        if (now < due || Interlocked.CompareExchange(ref _nextProgressTicks, now + ProgressInterval.Ticks, due) != due)
        {
            return;
        }

        handler(Snapshot());
    }

    /// <summary>
    /// Under the tree lock, right after the root is expanded: the root policy temperature, then Dirichlet noise,
    /// on the root priors (once per root; a reused root was a child before, so its priors are still raw).
    /// </summary>
    internal void AddRootNoiseOnce()
    {
        if (_rootNoised || (Options.DirichletEpsilon <= 0 && Options.RootPolicyTemperature == 1))
        {
            return;
        }

        _rootNoised = true;
        ref var root = ref _store.NodeAt(0);
        var edges = _store.EdgesOf(root);
        if (Options.RootPolicyTemperature != 1)
        {
            ApplyRootTemperature(edges, Options.RootPolicyTemperature);
        }

        if (edges.Length < 2 || Options.DirichletEpsilon <= 0)
        {
            return;
        }

        Span<double> noise = edges.Length <= 1024 ? stackalloc double[edges.Length] : new double[edges.Length];
        Dirichlet.Sample(ref _random, Options.DirichletAlphaTotal / edges.Length, noise);
        double epsilon = Options.DirichletEpsilon;
        for (int i = 0; i < edges.Length; i++)
        {
            if (edges[i].Child >= 0 && (float)edges[i].Prior > 0)
            {
                edges[i].Prior = (Half)((1 - epsilon) * (double)edges[i].Prior + epsilon * noise[i]);
            }
        }
    }

    /// <summary>Priors p^(1/T), renormalised (KataGo's rootPolicyTemperature); keeps the edges' order, illegal (0) stays 0.</summary>
    private static void ApplyRootTemperature(Span<Edge> edges, double temperature)
    {
        double sum = 0;
        Span<double> shaped = edges.Length <= 1024 ? stackalloc double[edges.Length] : new double[edges.Length];
        for (int i = 0; i < edges.Length; i++)
        {
            double prior = (double)edges[i].Prior;
            shaped[i] = edges[i].Child >= 0 && prior > 0 ? Math.Pow(prior, 1 / temperature) : 0;
            sum += shaped[i];
        }

        if (sum <= 0)
        {
            return;
        }

        for (int i = 0; i < edges.Length; i++)
        {
            edges[i].Prior = (Half)(shaped[i] / sum);
        }
    }

    internal bool RootNoiseDue => Options.DirichletEpsilon > 0 && !_rootNoised;

    // ---- tree reuse ----

    /// <summary>The node reached by <paramref name="moves"/> from the root; 0 for none; -1 when not in the tree.</summary>
    private int FindDescendant(List<Move> moves)
    {
        int node = 0;
        foreach (var move in moves)
        {
            short code = MoveCode(move);
            ref var current = ref _store.NodeAt(node);
            if (!current.IsExpanded)
            {
                return -1;
            }

            int next = -1;
            foreach (ref var edge in _store.EdgesOf(current))
            {
                if (edge.Move == code)
                {
                    next = edge.Child > 0 ? edge.Child : -1;
                    break;
                }
            }

            if (next < 0)
            {
                return -1;
            }

            node = next;
        }

        return node == 0 || _store.NodeAt(node).IsExpanded ? node : -1;
    }

    /// <summary>Copies the subtree under <paramref name="newRoot"/> into the spare store (breadth first, root at 0) and swaps stores.</summary>
    private void CompactInto(int newRoot)
    {
        var source = _store;
        var target = _spare;
        target.Clear();
        target.MaxNodes = int.MaxValue;
        target.MaxBytes = long.MaxValue;
        var queue = new Queue<(int From, int To)>();
        target.TryAllocateNode(out int rootIndex);
        target.NodeAt(rootIndex) = source.NodeAt(newRoot);
        queue.Enqueue((newRoot, rootIndex));
        while (queue.Count > 0)
        {
            var (from, to) = queue.Dequeue();
            ref var fromNode = ref source.NodeAt(from);
            ref var toNode = ref target.NodeAt(to);
            toNode.InFlight = 0;
            toNode.Flags &= ~NodeFlags.Evaluating;
            if (!fromNode.IsExpanded || fromNode.EdgeCount == 0)
            {
                continue;
            }

            target.TryAllocateEdges(fromNode.EdgeCount, out int firstEdge);
            toNode.FirstEdge = firstEdge;
            var fromEdges = source.EdgesOf(fromNode);
            var toEdges = target.EdgesOf(toNode);
            fromEdges.CopyTo(toEdges);
            for (int i = 0; i < toEdges.Length; i++)
            {
                int child = fromEdges[i].Child;
                if (child > 0)
                {
                    target.TryAllocateNode(out int copy);
                    target.NodeAt(copy) = source.NodeAt(child);
                    toEdges[i].Child = copy;
                    queue.Enqueue((child, copy));
                }
            }
        }

        _store = target;
        _spare = source;
        source.Clear();
        source.TrimExcess(); // the old tree's chunks go back to the GC: only one full tree is ever held
        target.MaxNodes = Options.MaxNodes;
        target.MaxBytes = Options.MaxTreeBytes;
    }

    internal static short MoveCode(Move move) => move.IsPlay ? move.Point.Index : (short)-1;

    internal static Move MoveFromCode(short code) => code < 0 ? Move.Pass : Move.At(new Point(code));

    // ---- analysis ----

    private SearchResult BuildResult()
    {
        SearchSnapshot snapshot;
        Move chosen;
        lock (_treeLock)
        {
            snapshot = BuildSnapshot();
            chosen = snapshot.Candidates.Count > 0 ? snapshot.BestMove : MostLikelyRootMove();
        }

        bool resign = Options.ResignWinRate is double threshold
            && snapshot.RootVisits >= Options.ResignMinVisits
            && snapshot.Candidates.Count > 0
            && snapshot.Candidates[0].WinRate < threshold;
        return new SearchResult
        {
            Snapshot = snapshot,
            Move = resign ? Move.Resign : chosen,
            ShouldResign = resign,
        };
    }

    /// <summary>
    /// Under the tree lock: when a search stopped before visiting any child (a clock nearly out), the move with
    /// the highest prior that the rules and restrictions allow; pass when the root was never evaluated.
    /// </summary>
    private Move MostLikelyRootMove()
    {
        ref var rootNode = ref _store.NodeAt(0);
        if (!rootNode.IsExpanded)
        {
            return Move.Pass;
        }

        var best = Move.Pass;
        float bestPrior = float.NegativeInfinity;
        foreach (ref var edge in _store.EdgesOf(rootNode))
        {
            var move = MoveFromCode(edge.Move);
            if (edge.Child >= 0 && (float)edge.Prior > bestPrior && !_restrictions.Blocks(move, 1, _root!.ToMove))
            {
                best = move;
                bestPrior = (float)edge.Prior;
            }
        }

        return best;
    }

    private SearchSnapshot BuildSnapshot()
    {
        var root = _root ?? throw new InvalidOperationException("no position: call SetPosition first");
        ref var rootNode = ref _store.NodeAt(0);
        var candidates = new List<CandidateInfo>();
        int maxVisits = 0;
        var spreadQueue = new Queue<(int Node, bool Flip)>();
        if (rootNode.IsExpanded)
        {
            foreach (ref var edge in _store.EdgesOf(rootNode))
            {
                if (edge.Child > 0)
                {
                    maxVisits = Math.Max(maxVisits, _store.NodeAt(edge.Child).Visits);
                }
            }

            foreach (ref var edge in _store.EdgesOf(rootNode))
            {
                if (edge.Child <= 0)
                {
                    continue;
                }

                ref var child = ref _store.NodeAt(edge.Child);
                if (child.Visits == 0)
                {
                    continue;
                }

                var (pv, pvVisits) = PrincipalVariation(edge.Child, edge.Move);

                candidates.Add(new CandidateInfo
                {
                    Move = MoveFromCode(edge.Move),
                    Visits = child.Visits,
                    WinRate = WinRateOf(child),
                    ScoreLead = child.ScoreSum / child.Visits,
                    ScoreStdev = ScoreSpread.StandardDeviation(_store, edge.Child,
                        Math.Max(1024, (int)((long)ScoreSpread.NodeBudget * child.Visits / Math.Max(1, rootNode.Visits))), spreadQueue),
                    Prior = (float)edge.Prior,
                    Lcb = LowerConfidenceBound(child),
                    PrincipalVariation = pv,
                    PrincipalVariationVisits = pvVisits,
                    Ownership = _moveOwnership.TryGetValue(edge.Move, out var perMove) ? perMove.Mean() : null,
                    Order = 0,
                });
            }
        }

        var ordered = OrderCandidates(candidates, maxVisits);
        var ownership = _ownership.Mean();

        return new SearchSnapshot
        {
            Geometry = root.Geometry,
            ToMove = root.ToMove,
            RootVisits = rootNode.Visits,
            Playouts = _playoutsDone,
            // The root's sums are from the view of the player who moved into it: negate for its side to move.
            WinRate = rootNode.Visits == 0 ? 0.5 : (1 - rootNode.ValueSum / rootNode.Visits) / 2,
            ScoreLead = rootNode.Visits == 0 ? 0 : -rootNode.ScoreSum / rootNode.Visits,
            Candidates = ordered,
            Ownership = ownership,
            Elapsed = _clock.Elapsed,
            TreeNodes = _store.NodeCount,
            TreeBytes = _store.BytesUsed,
            StopReason = IsRunning && !_stopping ? StopReason.None : _stopReason,
        };
    }

    /// <summary>Best first: moves eligible for LCB by LCB, then the rest by visits (Leela Zero 0.17's order).</summary>
    private List<CandidateInfo> OrderCandidates(List<CandidateInfo> candidates, int maxVisits)
    {
        int lcbMinVisits = Math.Max(2, (int)Math.Ceiling(Options.LcbMinVisitFraction * maxVisits));
        bool Eligible(CandidateInfo c) => Options.UseLcb && c.Visits >= lcbMinVisits;
        var sorted = candidates
            .OrderByDescending(Eligible)
            .ThenByDescending(c => Eligible(c) ? c.Lcb : double.NegativeInfinity)
            .ThenByDescending(c => c.Visits)
            .ThenByDescending(c => c.WinRate)
            .ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            sorted[i] = sorted[i] with { Order = i };
        }

        return sorted;
    }

    /// <summary>Win probability for the player who moved into <paramref name="node"/> (the root's side for root children).</summary>
    private static double WinRateOf(in Node node) => node.Visits == 0 ? 0.5 : (node.ValueSum / node.Visits + 1) / 2;

    private double LowerConfidenceBound(in Node node)
    {
        if (node.Visits < 2)
        {
            return -1;
        }

        double mean = node.ValueSum / node.Visits;
        double variance = Math.Max(0, (node.ValueSquareSum - node.Visits * mean * mean) / (node.Visits - 1));
        double lcb = mean - Options.LcbZ * Math.Sqrt(variance / node.Visits);
        return (lcb + 1) / 2;
    }

    /// <summary>The most visited line from <paramref name="node"/> (reached by <paramref name="firstMove"/>), with each node's visits.</summary>
    private (List<Move> Moves, List<int> Visits) PrincipalVariation(int node, short firstMove)
    {
        var pv = new List<Move> { MoveFromCode(firstMove) };
        var visits = new List<int> { _store.NodeAt(node).Visits };
        while (pv.Count < Options.MaxPvLength)
        {
            ref var current = ref _store.NodeAt(node);
            if (!current.IsExpanded)
            {
                break;
            }

            int best = -1, bestVisits = 0;
            short bestMove = 0;
            foreach (ref var edge in _store.EdgesOf(current))
            {
                if (edge.Child > 0 && _store.NodeAt(edge.Child).Visits > bestVisits)
                {
                    best = edge.Child;
                    bestVisits = _store.NodeAt(edge.Child).Visits;
                    bestMove = edge.Move;
                }
            }

            if (best < 0)
            {
                break;
            }

            pv.Add(MoveFromCode(bestMove));
            visits.Add(bestVisits);
            node = best;
        }

        return (pv, visits);
    }

    // ---- checks for tests ----

    /// <summary>Walks the tree and describes the first broken invariant (visit sums, leftover virtual loss), or null.</summary>
    internal string? FindInconsistency()
    {
        lock (_treeLock)
        {
            var stack = new Stack<int>();
            stack.Push(0);
            while (stack.Count > 0)
            {
                int index = stack.Pop();
                ref var node = ref _store.NodeAt(index);
                if (node.InFlight != 0 || (node.Flags & NodeFlags.Evaluating) != 0)
                {
                    return $"node {index} still has {node.InFlight} descents in flight";
                }

                if (!node.IsExpanded)
                {
                    continue;
                }

                long childVisits = 0;
                foreach (ref var edge in _store.EdgesOf(node))
                {
                    if (edge.Child > 0)
                    {
                        childVisits += _store.NodeAt(edge.Child).Visits;
                        stack.Push(edge.Child);
                    }
                }

                if (node.Visits != childVisits + 1)
                {
                    return $"node {index} has {node.Visits} visits but its children have {childVisits} (+1 for its own evaluation)";
                }
            }

            return null;
        }
    }

    /// <summary>The priors of the children of the node reached by <paramref name="path"/> from the root (empty when absent).</summary>
    internal float[] ChildPriors(params Move[] path)
    {
        lock (_treeLock)
        {
            int node = FindNode([.. path]);
            if (node < 0 || !_store.NodeAt(node).IsExpanded)
            {
                return [];
            }

            var edges = _store.EdgesOf(_store.NodeAt(node));
            var priors = new float[edges.Length];
            for (int i = 0; i < edges.Length; i++)
            {
                priors[i] = (float)edges[i].Prior;
            }

            return priors;
        }
    }

    /// <summary>Visits of the node reached by <paramref name="path"/> from the root (0 when absent).</summary>
    internal int ChildVisits(params Move[] path)
    {
        lock (_treeLock)
        {
            int node = path.Length == 0 ? 0 : FindNode([.. path]);
            return node < 0 ? 0 : _store.NodeAt(node).Visits;
        }
    }

    private int FindNode(List<Move> path)
    {
        int node = 0;
        foreach (var move in path)
        {
            ref var current = ref _store.NodeAt(node);
            if (!current.IsExpanded)
            {
                return -1;
            }

            int next = -1;
            foreach (ref var edge in _store.EdgesOf(current))
            {
                if (edge.Move == MoveCode(move) && edge.Child > 0)
                {
                    next = edge.Child;
                }
            }

            if (next < 0)
            {
                return -1;
            }

            node = next;
        }

        return node;
    }
}
