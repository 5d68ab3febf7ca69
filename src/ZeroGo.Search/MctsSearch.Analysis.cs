using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>Analysis: the snapshot (candidates, win rates, LCB, PV, ownership) and the result of a run, built under the tree lock.</summary>
public sealed partial class MctsSearch
{
    private SearchResult BuildResult()
    {
        SearchSnapshot snapshot;
        Move chosen;
        lock (_treeLock)
        {
            snapshot = BuildSnapshot();
            chosen = snapshot.Candidates.Count > 0 ? snapshot.BestMove : MostLikelyRootMove();
            if (chosen.IsPass && Options.AvoidLosingPass && PassingLoses())
            {
                chosen = snapshot.Candidates.FirstOrDefault(c => !c.Move.IsPass)?.Move ?? MostLikelyRootMove(passAllowed: false);
            }
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
    /// Whether the side to move would lose if the game ended now: the area count of the board as it stands (every
    /// stone alive, as after two passes under these rules), komi included. A draw is no loss.
    /// </summary>
    private bool PassingLoses()
    {
        double scoreForBlack = _root!.State.ScoreForBlack();
        return _root.ToMove == Color.Black ? scoreForBlack < 0 : scoreForBlack > 0;
    }

    /// <summary>
    /// Under the tree lock: when a search stopped before visiting any child (a clock nearly out), the move with
    /// the highest prior that the rules and restrictions allow; pass when the root was never evaluated (or when
    /// nothing else is allowed).
    /// </summary>
    private Move MostLikelyRootMove(bool passAllowed = true)
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
            if (edge.Child >= 0 && (float)edge.Prior > bestPrior && (passAllowed || !move.IsPass) && !_restrictions.Blocks(move, 1, _root!.ToMove))
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
                    ScoreStdev = ScoreSpread.StandardDeviation(child),
                    Prior = (float)edge.Prior,
                    Lcb = LowerConfidenceBound(child),
                    PrincipalVariation = pv,
                    PrincipalVariationVisits = pvVisits,
                    Ownership = _run.MoveOwnership(edge.Move),
                    Order = 0,
                });
            }
        }

        var ordered = OrderCandidates(candidates, maxVisits);
        var ownership = _run.Ownership.Mean();

        return new SearchSnapshot
        {
            Geometry = root.Geometry,
            ToMove = root.ToMove,
            RootVisits = rootNode.Visits,
            Playouts = _run.PlayoutsDone,
            // The root's sums are from the view of the player who moved into it: negate for its side to move.
            WinRate = rootNode.Visits == 0 ? 0.5 : (1 - rootNode.ValueSum / rootNode.Visits) / 2,
            ScoreLead = rootNode.Visits == 0 ? 0 : -rootNode.ScoreSum / rootNode.Visits,
            ScoreStdev = ScoreSpread.StandardDeviation(rootNode),
            Candidates = ordered,
            Ownership = ownership,
            Elapsed = _run.Elapsed,
            TreeNodes = _store.NodeCount,
            TreeBytes = _store.BytesUsed,
            StopReason = IsRunning && !_run.Stopping ? StopReason.None : _run.StopReason,
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
}
