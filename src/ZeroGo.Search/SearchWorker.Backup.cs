namespace ZeroGo.Search;

/// <summary>Backup, under the tree lock: leaves expanded, values added along their paths, virtual losses removed.</summary>
internal sealed partial class SearchWorker
{
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
                    _run.CountPlayoutCancelled();
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
                            _rootNoise.ApplyOnce(store);
                        }
                    }
                    else
                    {
                        _run.StopWith(StopReason.MemoryFull);
                    }

                    var result = _evaluations[leaf.Request];
                    if (result.HasOwnership)
                    {
                        _run.AddOwnership(result.Ownership, sameSideAsRoot: (leaf.PathLength - 1) % 2 == 0,
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
        double s = -score;
        for (int i = start + length - 1; i >= start; i--)
        {
            ref var node = ref store.NodeAt(_pathNodes[i]);
            node.Visits++;
            node.InFlight--;
            node.ValueSum += v;
            node.ValueSquareSum += (float)(v * v);
            node.ScoreSum += s;
            node.ScoreSquareSum += s * s;
            v = -v;
            s = -s;
        }

        _run.CountPlayoutDone();
    }
}
