using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>Selection, under the tree lock: descents by PUCT under virtual loss until the batch is full or a descent collides.</summary>
internal sealed partial class SearchWorker
{
    private void GatherLeaves()
    {
        _leafCount = 0;
        _pathUsed = 0;
        var store = _search.Store;
        for (int b = 0; b < _leaves.Length; b++)
        {
            if (!_run.MayStartDescent(store.NodeAt(0)))
            {
                return;
            }

            int start = _pathUsed;
            var result = Descend();
            int length = _pathUsed - start;
            switch (result)
            {
                case DescentResult.Leaf:
                    _run.CountPlayoutStarted();
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
                    _run.CountPlayoutStarted();
                    ref var terminal = ref store.NodeAt(_pathNodes[start + length - 1]);
                    // The terminal's sums are from its mover's view; the side to move there sees the negation.
                    float value = (float)(-terminal.ValueSum / terminal.Visits);
                    float score = (float)(-terminal.ScoreSum / terminal.Visits);
                    Backup(start, length, value, score);
                    _pathUsed = start;
                    break;
                case DescentResult.Collision:
                    return;
                case DescentResult.Full:
                    _run.StopWith(StopReason.MemoryFull);
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
            int edgeIndex = node.FirstEdge + (forced >= 0 ? forced : SelectChild(ref node, nodeIndex == 0, blocked, sameSideAsRoot: ply % 2 == 1));
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
    /// code + 1) are never chosen. With a score utility (<see cref="ScoreUtility"/>) each visited child's win rate,
    /// and the parent's behind the FPU value, gains the bonus of its mean lead; <paramref name="sameSideAsRoot"/> says
    /// whether the side to move here is the root's, whose view the dynamic utility's centre is in.
    /// </summary>
    private int SelectChild(ref Node parent, bool isRoot, bool[]? blocked, bool sameSideAsRoot)
    {
        var store = _search.Store;
        var edges = store.EdgesOf(parent);
        float virtualLoss = _options.VirtualLoss;
        int parentVisits = parent.Visits + parent.InFlight;
        double cPuct = _options.CPuctInit + Math.Log((parentVisits + _options.CPuctBase + 1) / _options.CPuctBase);
        float explore = (float)(cPuct * Math.Sqrt(parentVisits));
        double parentQ = parent.Visits > 0 ? (1 - parent.ValueSum / parent.Visits) * 0.5 : 0.5;
        double reduction = isRoot ? _options.RootFpuReduction : _options.FpuReduction;
        bool scoreCounts = !_scoreUtility.IsOff;
        double centre = 0;
        if (scoreCounts)
        {
            // Sums are in the view of the side that moved into a node: the root's and the parent's are negated.
            ref var root = ref store.NodeAt(0);
            double rootLead = root.Visits > 0 ? -root.ScoreSum / root.Visits : 0;
            centre = sameSideAsRoot ? rootLead : -rootLead;
            if (parent.Visits > 0)
            {
                parentQ += _scoreUtility.Of(-parent.ScoreSum / parent.Visits, centre);
            }
        }

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
            if (scoreCounts && visits > 0)
            {
                wins += visits * _scoreUtility.Of(node.ScoreSum / visits, centre);
            }

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
}
