using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>Probes for the tests: tree invariants and what the tree holds along a path of moves.</summary>
public sealed partial class MctsSearch
{
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
