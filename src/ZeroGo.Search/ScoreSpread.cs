namespace ZeroGo.Search;

/// <summary>
/// The visit-weighted standard deviation of the score leads backed up into a node: the spread of the outcomes the
/// search met in that move's subtree (<see cref="CandidateInfo.ScoreStdev"/>). Computed from the sums the tree
/// already keeps, so backups cost nothing extra: every backed-up score comes from exactly one node's own
/// evaluation (an expanded node's first visit, or every visit of a terminal node, which all score alike), and a
/// node's own share is its score sum plus its children's (their sums are from the opponent's view), its count
/// its visits minus theirs.
/// </summary>
internal static class ScoreSpread
{
    /// <summary>
    /// Nodes one snapshot may walk in all (shared among the candidates by visits, at least 1024 each); beyond it a
    /// node stands for its whole subtree at its mean, so the figure is then a lower bound. The walk holds the tree
    /// lock; measured: 764k nodes (9x9, uniform fake evaluator) took 0.9 s of wall time on a 2-core machine at
    /// load 30, so an unbounded walk could stall a GUI's frequent snapshots of a big tree.
    /// </summary>
    public const int NodeBudget = 1 << 17;

    /// <summary>
    /// Standard deviation (population, weighted by visits) of the scores backed up into <paramref name="node"/>,
    /// from the view of the player who moved into it; 0 under 2 visits. Walks at most <paramref name="budget"/>
    /// nodes breadth first; call under the tree lock.
    /// </summary>
    public static double StandardDeviation(NodeStore store, int node, int budget, Queue<(int Node, bool Flip)> queue)
    {
        ref var top = ref store.NodeAt(node);
        if (top.Visits < 2)
        {
            return 0;
        }

        double mean = (double)top.ScoreSum / top.Visits;
        double squares = 0;
        int walked = 0;
        queue.Clear();
        queue.Enqueue((node, false));
        while (queue.Count > 0)
        {
            var (index, flip) = queue.Dequeue();
            ref var current = ref store.NodeAt(index);
            walked++;
            double ownSum = current.ScoreSum;
            long ownCount = current.Visits;
            if (current.IsExpanded && walked + queue.Count < budget)
            {
                // Below the root children are created in edge order (edges sorted by prior, the first edge without
                // a node is the only one selection may create), so the scan stops at the first edge without one.
                foreach (ref var edge in store.EdgesOf(current))
                {
                    if (edge.Child == 0)
                    {
                        break;
                    }

                    if (edge.Child < 0)
                    {
                        continue; // refused by superko
                    }

                    ref var child = ref store.NodeAt(edge.Child);
                    if (child.Visits > 0)
                    {
                        ownSum += child.ScoreSum;
                        ownCount -= child.Visits;
                        queue.Enqueue((edge.Child, !flip));
                    }
                }
            }

            if (ownCount > 0)
            {
                double own = ownSum / ownCount;
                double deviation = (flip ? -own : own) - mean;
                squares += ownCount * deviation * deviation;
            }
        }

        return Math.Sqrt(Math.Max(0, squares / top.Visits));
    }
}
