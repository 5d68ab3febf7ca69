using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>Tree reuse: keeping the subtree of the moves played since the last root (<see cref="SetPosition"/>).</summary>
public sealed partial class MctsSearch
{
    /// <summary>Under the tree lock: an empty tree whose root is the current position.</summary>
    private void ClearTree()
    {
        _store.Clear();
        _store.TryAllocateNode(out _);
        _rootNoise.Reset();
        _treeRestrictions = _restrictions;
        LabelRoot();
    }

    /// <summary>Under the tree lock: node 0 carries the current position's last move and pass count.</summary>
    private void LabelRoot()
    {
        _store.NodeAt(0).Move = MoveCode(_root!.State.LastMove);
        _store.NodeAt(0).Passes = _root.Passes;
    }

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
}
