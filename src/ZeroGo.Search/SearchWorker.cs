using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// One search thread: gathers a batch of leaves under virtual loss (tree lock held), replays each leaf's path
/// on its request board and asks the evaluator about the batch (no lock held), then expands the leaves and
/// backs their values up (lock held). Owns its requests, results and scratch buffers; no allocation per visit.
/// </summary>
internal sealed class SearchWorker
{
    private readonly MctsSearch _search;
    private readonly SearchOptions _options;
    private readonly EvaluationRequest[] _requests;
    private readonly Evaluation[] _results;
    private readonly List<EvaluationRequest> _toEvaluate;
    private readonly List<Evaluation> _evaluations;
    private readonly Leaf[] _leaves;
    private readonly Edge[] _expansions;
    private readonly Board _scratch;
    private int _leafCount;
    private int[] _pathNodes = new int[256];
    private int[] _pathEdges = new int[256];
    private short[] _pathMoves = new short[256];
    private int _pathUsed;
    private ulong[] _pathKeys = new ulong[64];
    private int[] _pathStoneCounts = new int[64];
    private readonly Point[] _points;

    public SearchWorker(MctsSearch search, BoardGeometry geometry, int historyLength)
    {
        _search = search;
        _options = search.Options;
        Geometry = geometry;
        int batch = _options.BatchSize;
        _requests = new EvaluationRequest[batch];
        _results = new Evaluation[batch];
        for (int i = 0; i < batch; i++)
        {
            _requests[i] = new EvaluationRequest(geometry, historyLength);
            _results[i] = new Evaluation(geometry);
        }

        _toEvaluate = new List<EvaluationRequest>(batch);
        _evaluations = new List<Evaluation>(batch);
        _leaves = new Leaf[batch];
        _expansions = new Edge[batch * (geometry.Area + 1)];
        _scratch = new Board(geometry);
        _points = [.. geometry.Points];
    }

    public BoardGeometry Geometry { get; }

    /// <summary>The exception that ended this worker, if any (the search rethrows it).</summary>
    public Exception? Failure { get; private set; }

    private enum LeafKind : byte
    {
        Evaluate,
        Terminal,
        Illegal,
    }

    private enum DescentResult
    {
        Leaf,
        TerminalHit,
        Collision,
        Full,
    }

    private struct Leaf
    {
        public int PathStart;
        public int PathLength;
        public int Node;
        public byte Passes;
        public LeafKind Kind;
        public int Request;
        public float Value;
        public float Score;
        public int ExpansionCount;
    }

    public void Run()
    {
        Failure = null;
        var spin = new SpinWait();
        try
        {
            while (true)
            {
                lock (_search.TreeLock)
                {
                    GatherLeaves();
                }

                if (_leafCount == 0)
                {
                    if (_search.Stopping)
                    {
                        break;
                    }

                    spin.SpinOnce(); // every leaf in reach is being evaluated by another thread
                    continue;
                }

                spin.Reset();
                PrepareAndEvaluate();
                lock (_search.TreeLock)
                {
                    BackupLeaves();
                }

                _search.MaybeReportProgress();
            }
        }
        catch (Exception exception)
        {
            Failure = exception;
            lock (_search.TreeLock)
            {
                AbandonLeaves();
                _search.StopWith(StopReason.Stopped);
            }
        }
    }

    // ---- selection (tree lock held) ----

    private void GatherLeaves()
    {
        _leafCount = 0;
        _pathUsed = 0;
        var store = _search.Store;
        for (int b = 0; b < _leaves.Length; b++)
        {
            if (!_search.MayStartDescent())
            {
                return;
            }

            int start = _pathUsed;
            var result = Descend();
            int length = _pathUsed - start;
            switch (result)
            {
                case DescentResult.Leaf:
                    _search.CountPlayoutStarted();
                    int node = _pathNodes[start + length - 1];
                    _leaves[_leafCount++] = new Leaf
                    {
                        PathStart = start,
                        PathLength = length,
                        Node = node,
                        Passes = store.NodeAt(node).Passes,
                    };
                    break;
                case DescentResult.TerminalHit:
                    _search.CountPlayoutStarted();
                    ref var terminal = ref store.NodeAt(_pathNodes[start + length - 1]);
                    // The terminal's sums are from its mover's view; the side to move there sees the negation.
                    float value = (float)(-terminal.ValueSum / terminal.Visits);
                    float score = -terminal.ScoreSum / terminal.Visits;
                    Backup(start, length, value, score);
                    _pathUsed = start;
                    break;
                case DescentResult.Collision:
                    return;
                case DescentResult.Full:
                    _search.StopWith(StopReason.MemoryFull);
                    return;
            }
        }
    }

    /// <summary>Walks from the root by PUCT, adding one in-flight descent to every node on the way.</summary>
    private DescentResult Descend()
    {
        var store = _search.Store;
        int start = _pathUsed;
        int nodeIndex = 0;
        ref var node = ref store.NodeAt(0);
        node.InFlight++;
        Push(0, -1, node.Move);
        var restrictions = _search.Restrictions;
        var toMove = _search.Root.ToMove;
        int ply = 1; // the ply of the move chosen at this node: 1 at the root
        while (true)
        {
            if (node.IsTerminal)
            {
                return DescentResult.TerminalHit;
            }

            if (!node.IsExpanded)
            {
                if ((node.Flags & NodeFlags.Evaluating) != 0)
                {
                    RevertVirtualLoss(start, _pathUsed - start);
                    _pathUsed = start;
                    return DescentResult.Collision;
                }

                node.Flags |= NodeFlags.Evaluating;
                return DescentResult.Leaf;
            }

            var blocked = restrictions.IsEmpty ? null : restrictions.BlockedAt(ply, toMove);
            int forced = nodeIndex == 0 ? ForcedRootEdge(ref node) : -1;
            int edgeIndex = node.FirstEdge + (forced >= 0 ? forced : SelectChild(ref node, nodeIndex == 0, blocked));
            ref var edge = ref store.EdgeAt(edgeIndex);
            if (edge.Child == 0)
            {
                if (!store.TryAllocateNode(out int child))
                {
                    RevertVirtualLoss(start, _pathUsed - start);
                    _pathUsed = start;
                    return DescentResult.Full;
                }

                ref var created = ref store.NodeAt(child);
                created.Move = edge.Move;
                created.Passes = edge.Move < 0 ? (byte)(node.Passes + 1) : (byte)0;
                edge.Child = child;
            }

            nodeIndex = edge.Child;
            node = ref store.NodeAt(nodeIndex);
            node.InFlight++;
            Push(nodeIndex, edgeIndex, edge.Move);
            ply++;
            toMove = toMove.Opponent();
        }
    }

    /// <summary>
    /// PUCT on the [0, 1] win-rate scale from the view of the side to move at <paramref name="parent"/>:
    /// Q + c(s)·P·sqrt(N)/(1 + n), c(s) = c_init + log((N + c_base + 1)/c_base). In-flight descents count as
    /// losses (virtual loss). Unvisited children get the parent's Q minus the FPU reduction. Below the root,
    /// edges are sorted by prior and children are created in that order, so the first edge without a node
    /// beats every later one and the scan stops there. Moves marked in <paramref name="blocked"/> (indexed by move
    /// code + 1) are never chosen.
    /// </summary>
    private int SelectChild(ref Node parent, bool isRoot, bool[]? blocked)
    {
        var store = _search.Store;
        var edges = store.EdgesOf(parent);
        float virtualLoss = _options.VirtualLoss;
        int parentVisits = parent.Visits + parent.InFlight;
        double cPuct = _options.CPuctInit + Math.Log((parentVisits + _options.CPuctBase + 1) / _options.CPuctBase);
        float explore = (float)(cPuct * Math.Sqrt(parentVisits));
        double parentQ = parent.Visits > 0 ? (1 - parent.ValueSum / parent.Visits) * 0.5 : 0.5;
        double reduction = isRoot ? _options.RootFpuReduction : _options.FpuReduction;

        // One pass: visited children are scored as met; children without visits all share the FPU value, so
        // only the one with the highest prior matters and it is scored at the end, when the visited policy
        // sum is complete. Below the root the first edge without a node is that one (edges sorted by prior).
        // Scores are compared in single precision with one division per child:
        // W/n + u/(1+n) = (W(1+n) + u·n) / (n(1+n)), W = win-rate sum (in-flight descents add losses: 0).
        var chunks = store.NodeChunks; // children may only be added under the lock we hold: the chunks stay put
        float visitedPolicy = 0;
        int best = -1;
        float bestScore = float.NegativeInfinity;
        int bestUnvisited = -1;
        float bestUnvisitedPrior = -1;
        for (int i = 0; i < edges.Length; i++)
        {
            ref var edge = ref edges[i];
            int child = edge.Child;
            if (child < 0 || (blocked is not null && blocked[edge.Move + 1]))
            {
                continue; // refused by superko, or by the analysis request's avoid/allow
            }

            float prior = (float)edge.Prior;
            if (child == 0)
            {
                if (prior > bestUnvisitedPrior)
                {
                    bestUnvisited = i;
                    bestUnvisitedPrior = prior;
                }

                if (isRoot)
                {
                    continue;
                }

                break;
            }

            ref var node = ref chunks[child >> NodeStore.NodeChunkShift][child & NodeStore.NodeChunkIndexMask];
            int visits = node.Visits;
            float n = visits + virtualLoss * node.InFlight;
            if (n <= 0)
            {
                if (prior > bestUnvisitedPrior)
                {
                    bestUnvisited = i;
                    bestUnvisitedPrior = prior;
                }

                continue;
            }

            if (visits > 0)
            {
                visitedPolicy += prior;
            }

            float wins = (float)(node.ValueSum + visits) * 0.5f;
            float onePlusN = 1 + n;
            float score = (wins * onePlusN + explore * prior * n) / (n * onePlusN);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        if (bestUnvisited >= 0)
        {
            double score = parentQ - reduction * Math.Sqrt(visitedPolicy) + explore * bestUnvisitedPrior;
            if (score > bestScore)
            {
                best = bestUnvisited;
            }
        }

        return best < 0 ? LastUsableEdge(edges) : best;
    }

    /// <summary>The root edge of <see cref="MctsSearch.ThroughRootMove"/> when one is set and playable, else -1.</summary>
    private int ForcedRootEdge(ref Node root)
    {
        if (_search.ThroughRootMove is not Move move)
        {
            return -1;
        }

        short code = MctsSearch.MoveCode(move);
        var edges = _search.Store.EdgesOf(root);
        for (int i = 0; i < edges.Length; i++)
        {
            if (edges[i].Move == code)
            {
                return edges[i].Child >= 0 ? i : -1;
            }
        }

        return -1;
    }

    private static int LastUsableEdge(Span<Edge> edges)
    {
        for (int i = edges.Length - 1; i >= 0; i--)
        {
            if (edges[i].Child >= 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("a node has no usable child (pass should always be one)");
    }

    private void Push(int node, int edge, short move)
    {
        if (_pathUsed == _pathNodes.Length)
        {
            Array.Resize(ref _pathNodes, _pathUsed * 2);
            Array.Resize(ref _pathEdges, _pathUsed * 2);
            Array.Resize(ref _pathMoves, _pathUsed * 2);
        }

        _pathNodes[_pathUsed] = node;
        _pathEdges[_pathUsed] = edge;
        _pathMoves[_pathUsed] = move;
        _pathUsed++;
    }

    private void RevertVirtualLoss(int start, int length)
    {
        var store = _search.Store;
        for (int i = start; i < start + length; i++)
        {
            store.NodeAt(_pathNodes[i]).InFlight--;
        }
    }

    // ---- evaluation (no lock held) ----

    private void PrepareAndEvaluate()
    {
        _toEvaluate.Clear();
        _evaluations.Clear();
        for (int i = 0; i < _leafCount; i++)
        {
            ref var leaf = ref _leaves[i];
            var request = _requests[i];
            leaf.Kind = PrepareRequest(ref leaf, request);
            if (leaf.Kind == LeafKind.Evaluate)
            {
                leaf.Request = _toEvaluate.Count;
                _toEvaluate.Add(request);
                _evaluations.Add(_results[i]);
            }
        }

        if (_toEvaluate.Count > 0)
        {
            _search.Evaluator.Evaluate(_toEvaluate, _evaluations);
        }

        int area = Geometry.Area;
        for (int i = 0; i < _leafCount; i++)
        {
            ref var leaf = ref _leaves[i];
            if (leaf.Kind == LeafKind.Evaluate)
            {
                var result = _evaluations[leaf.Request];
                // A broken evaluator must not poison the tree: NaN/infinite values count as 0.
                float value = result.ValueForSideToMove, score = result.ScoreLeadForSideToMove;
                leaf.Value = float.IsFinite(value) ? Math.Clamp(value, -1f, 1f) : 0f;
                leaf.Score = float.IsFinite(score) ? score : 0f;
                leaf.ExpansionCount = BuildChildren(_toEvaluate[leaf.Request].LegalMask, result.Policy, _expansions.AsSpan(i * (area + 1), area + 1));
            }
        }
    }

    /// <summary>
    /// Replays the leaf's path on the request's board (copying only the last HistoryLength positions), checks
    /// the leaf's own move against superko, and fills the request. Returns what to do with the leaf.
    /// </summary>
    private LeafKind PrepareRequest(ref Leaf leaf, EvaluationRequest request)
    {
        var root = _search.Root;
        var repetitions = root.Repetitions;
        var board = request.Board;
        board.CopyFrom(root.Board);
        int depth = leaf.PathLength - 1;
        int start = leaf.PathStart;
        var history = request.History;
        int historyLength = history.Length;
        if (_pathKeys.Length < depth + 1)
        {
            _pathKeys = new ulong[Math.Max(depth + 1, _pathKeys.Length * 2)];
            _pathStoneCounts = new int[_pathKeys.Length];
        }

        int area = Geometry.Area;

        var color = root.ToMove;
        for (int i = 1; i <= depth; i++)
        {
            int before = i - 1; // depth of the position before move i
            _pathKeys[before] = repetitions.KeyOf(board.Hash, color);
            _pathStoneCounts[before] = area - board.EmptyCount;
            if (before >= depth - historyLength)
            {
                history[depth - 1 - before].CopyFrom(board);
            }

            short move = _pathMoves[start + i];
            if (move < 0)
            {
                board.PlayPass();
            }
            else
            {
                board.Play(new Point(move), color);
            }

            color = color.Opponent();
        }

        var rules = root.Rules;
        if (depth > 0 && _pathMoves[start + depth] >= 0 && rules.KoRule != KoRule.Simple)
        {
            ulong key = repetitions.KeyOf(board.Hash, color);
            if (repetitions.Contains(key) || _pathKeys.AsSpan(0, depth).Contains(key))
            {
                return LeafKind.Illegal;
            }
        }

        if (leaf.Passes >= 2)
        {
            var (black, white) = board.AreaScore();
            double margin = (color == Color.Black ? black - white : white - black)
                + (color == Color.White ? rules.Komi : -rules.Komi);
            leaf.Value = Math.Sign(margin);
            leaf.Score = (float)margin;
            return LeafKind.Terminal;
        }

        for (int k = depth; k < historyLength && k - depth < root.HistoryCount; k++)
        {
            history[k].CopyFrom(root.History[k - depth]);
        }

        request.HistoryCount = Math.Min(historyLength, depth + root.HistoryCount);
        var recent = request.RecentMoves;
        int recentCount = 0;
        for (int j = depth; j >= 1 && recentCount < recent.Length; j--)
        {
            recent[recentCount++] = MctsSearch.MoveFromCode(_pathMoves[start + j]);
        }

        for (int j = 0; j < root.RecentMoveCount && recentCount < recent.Length; j++)
        {
            recent[recentCount++] = root.RecentMoves[j];
        }

        request.RecentMoveCount = recentCount;
        request.ToMove = color;
        request.Rules = rules;
        _pathKeys[depth] = repetitions.KeyOf(board.Hash, color);
        _pathStoneCounts[depth] = area - board.EmptyCount;
        ulong superko = LegalMoves.Fill(board, color, rules, request.LegalMask, _scratch,
            _options.SuperkoInLegalMask ? repetitions : null, _pathKeys.AsSpan(0, depth + 1), _pathStoneCounts.AsSpan(0, depth + 1));
        request.Key = EvaluationKey.Compute(request, superko);
        return LeafKind.Evaluate;
    }

    /// <summary>Children as (move, prior) over the legal moves, priors renormalised, sorted by prior (highest first).</summary>
    private int BuildChildren(bool[] legal, float[] policy, Span<Edge> output)
    {
        var points = _points;
        int count = 0;
        double sum = 0;
        for (int i = 0; i < legal.Length; i++)
        {
            if (legal[i])
            {
                float p = policy[i];
                p = float.IsFinite(p) && p > 0 ? p : 0;
                output[count].Move = i < points.Length ? points[i].Index : (short)-1;
                output[count].Prior = (Half)p;
                output[count].Child = 0;
                sum += p;
                count++;
            }
        }

        var children = output[..count];
        if (sum <= 0)
        {
            var uniform = (Half)(1.0 / count);
            foreach (ref var edge in children)
            {
                edge.Prior = uniform;
            }

            return count;
        }

        if (Math.Abs(sum - 1) > 1e-3)
        {
            foreach (ref var edge in children)
            {
                edge.Prior = (Half)((float)edge.Prior / sum);
            }
        }

        bool sorted = true;
        for (int i = 1; i < children.Length && sorted; i++)
        {
            sorted = children[i - 1].Prior >= children[i].Prior;
        }

        if (!sorted)
        {
            children.Sort(static (a, b) => b.Prior.CompareTo(a.Prior));
        }

        return count;
    }

    // ---- backup (tree lock held) ----

    private void BackupLeaves()
    {
        var store = _search.Store;
        int area = Geometry.Area;
        for (int i = 0; i < _leafCount; i++)
        {
            ref var leaf = ref _leaves[i];
            ref var node = ref store.NodeAt(leaf.Node);
            node.Flags &= ~NodeFlags.Evaluating;
            switch (leaf.Kind)
            {
                case LeafKind.Illegal:
                    // Superko: the move is removed for good; the visit never happened.
                    RevertVirtualLoss(leaf.PathStart, leaf.PathLength);
                    ref var edge = ref store.EdgeAt(_pathEdges[leaf.PathStart + leaf.PathLength - 1]);
                    edge.Child = -1;
                    edge.Prior = Half.Zero;
                    _search.CountPlayoutCancelled();
                    continue;
                case LeafKind.Terminal:
                    node.Flags |= NodeFlags.Terminal;
                    break;
                case LeafKind.Evaluate:
                    if (store.TryAllocateEdges(leaf.ExpansionCount, out int first))
                    {
                        _expansions.AsSpan(i * (area + 1), leaf.ExpansionCount).CopyTo(
                            store.EdgesOf(new Node { FirstEdge = first, EdgeCount = (short)leaf.ExpansionCount }));
                        node.FirstEdge = first;
                        node.EdgeCount = (short)leaf.ExpansionCount;
                        node.Flags |= NodeFlags.Expanded;
                        if (leaf.Node == 0)
                        {
                            _search.AddRootNoiseOnce();
                        }
                    }
                    else
                    {
                        _search.StopWith(StopReason.MemoryFull);
                    }

                    var result = _evaluations[leaf.Request];
                    if (result.HasOwnership)
                    {
                        _search.AddOwnership(result.Ownership, sameSideAsRoot: (leaf.PathLength - 1) % 2 == 0,
                            rootMove: leaf.PathLength > 1 ? _pathMoves[leaf.PathStart + 1] : null);
                    }

                    break;
            }

            Backup(leaf.PathStart, leaf.PathLength, leaf.Value, leaf.Score);
        }

        _leafCount = 0;
    }

    /// <summary>
    /// Adds one visit along the path. <paramref name="value"/> and <paramref name="score"/> are from the view of
    /// the side to move at the leaf; each node stores them from its mover's view, so the sign flips per ply.
    /// </summary>
    private void Backup(int start, int length, float value, float score)
    {
        var store = _search.Store;
        double v = -value;
        float s = -score;
        for (int i = start + length - 1; i >= start; i--)
        {
            ref var node = ref store.NodeAt(_pathNodes[i]);
            node.Visits++;
            node.InFlight--;
            node.ValueSum += v;
            node.ValueSquareSum += (float)(v * v);
            node.ScoreSum += s;
            v = -v;
            s = -s;
        }

        _search.CountPlayoutDone();
    }

    /// <summary>After a failure: takes the batch's virtual losses and evaluation marks back out of the tree.</summary>
    private void AbandonLeaves()
    {
        var store = _search.Store;
        for (int i = 0; i < _leafCount; i++)
        {
            ref var leaf = ref _leaves[i];
            store.NodeAt(leaf.Node).Flags &= ~NodeFlags.Evaluating;
            RevertVirtualLoss(leaf.PathStart, leaf.PathLength);
            _search.CountPlayoutCancelled();
        }

        _leafCount = 0;
    }
}
