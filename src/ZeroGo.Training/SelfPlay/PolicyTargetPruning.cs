using ZeroGo.Search;

namespace ZeroGo.Training.SelfPlay;

/// <summary>
/// The policy target of a PUCT self-play search with the visits that only exploration bought taken out
/// (KataGo's policy target pruning, Wu 2019, section 3.2). Dirichlet noise and first-play urgency spend part of
/// a small budget (64 visits on 7x7) on moves the search itself does not rate; the raw visit distribution then
/// teaches the network the noise back, so its policy stays flat generation after generation and self-play
/// never sharpens. Here each move other than the most visited keeps only the visits PUCT would have given it
/// with the network's raw prior: the fewest n for which Q + c·P·sqrt(N)/(1 + n) does not exceed the most visited
/// move's own PUCT value. A move left with one visit or none is dropped.
/// </summary>
public static class PolicyTargetPruning
{
    /// <summary>
    /// The pruned, normalised target over dense points plus pass. <paramref name="rawPriors"/> are the network's
    /// priors of the root before any noise (same layout); <paramref name="options"/> give the search's c_puct.
    /// Falls back to the plain visit distribution when pruning would leave nothing.
    /// </summary>
    public static float[] Target(SearchSnapshot snapshot, ReadOnlySpan<float> rawPriors, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var geometry = snapshot.Geometry;
        var target = new float[geometry.Area + 1];
        var candidates = snapshot.Candidates;
        if (candidates.Count == 0)
        {
            return target;
        }

        var best = candidates[0];
        foreach (var candidate in candidates)
        {
            if (candidate.Visits > best.Visits)
            {
                best = candidate;
            }
        }

        // The same exploration scale the search used at the root when it stopped.
        int parentVisits = Math.Max(1, snapshot.RootVisits);
        double cPuct = options.CPuctInit + Math.Log((parentVisits + options.CPuctBase + 1) / options.CPuctBase);
        double explore = cPuct * Math.Sqrt(parentVisits);
        double bestValue = best.WinRate + explore * Prior(rawPriors, best, geometry) / (1 + best.Visits);

        double total = 0;
        foreach (var candidate in candidates)
        {
            double kept = ReferenceEquals(candidate, best)
                ? candidate.Visits
                : JustifiedVisits(candidate, Prior(rawPriors, candidate, geometry), explore, bestValue);
            if (kept <= 1 && !ReferenceEquals(candidate, best))
            {
                continue;
            }

            target[Index(candidate, geometry)] = (float)kept;
            total += kept;
        }

        if (total <= 0)
        {
            return MoveSelection.VisitDistribution(snapshot);
        }

        for (int i = 0; i < target.Length; i++)
        {
            target[i] = (float)(target[i] / total);
        }

        return target;
    }

    /// <summary>Visits of a move, reduced to the fewest at which its PUCT value no longer exceeds the best move's.</summary>
    private static double JustifiedVisits(CandidateInfo candidate, double prior, double explore, double bestValue)
    {
        double gap = bestValue - candidate.WinRate;
        if (gap <= 0)
        {
            return candidate.Visits; // rated at least as high as the best move: every visit was earned
        }

        // Q + explore·P/(1 + n) <= bestValue  <=>  n >= explore·P/gap - 1
        double needed = Math.Ceiling(explore * prior / gap - 1);
        return Math.Clamp(needed, 0, candidate.Visits);
    }

    private static double Prior(ReadOnlySpan<float> rawPriors, CandidateInfo candidate, Go.BoardGeometry geometry) =>
        rawPriors[Index(candidate, geometry)];

    private static int Index(CandidateInfo candidate, Go.BoardGeometry geometry) =>
        candidate.Move.IsPlay ? geometry.DenseIndex(candidate.Move.Point) : geometry.Area;
}
