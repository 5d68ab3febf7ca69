using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>Choosing the move to play from a finished search (self-play temperature, or the engine's best).</summary>
public static class MoveSelection
{
    /// <summary>
    /// Samples a root move with probability proportional to visits^(1/temperature) (AlphaZero's exploration
    /// in the opening of self-play). Temperature 0 (or below) picks the most visited move, ties broken by the
    /// engine's order. Pass when nothing was visited.
    /// </summary>
    public static Move SampleByVisits(SearchSnapshot snapshot, double temperature, ref FastRandom random)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var candidates = snapshot.Candidates;
        if (candidates.Count == 0)
        {
            return Move.Pass;
        }

        if (temperature <= 1e-3)
        {
            return MostVisited(snapshot);
        }

        int maxVisits = candidates.Max(c => c.Visits);
        Span<double> weights = candidates.Count <= 1024 ? stackalloc double[candidates.Count] : new double[candidates.Count];
        double total = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            // Relative to the maximum so large visit counts and small temperatures do not overflow.
            weights[i] = Math.Pow((double)candidates[i].Visits / maxVisits, 1 / temperature);
            total += weights[i];
        }

        double draw = random.NextDouble() * total;
        for (int i = 0; i < candidates.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return candidates[i].Move;
            }
        }

        return candidates[^1].Move;
    }

    /// <summary>The move with the most visits (first in the engine's order among equals).</summary>
    public static Move MostVisited(SearchSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        CandidateInfo? best = null;
        foreach (var candidate in snapshot.Candidates)
        {
            if (best is null || candidate.Visits > best.Visits)
            {
                best = candidate;
            }
        }

        return best?.Move ?? Move.Pass;
    }

    /// <summary>The visit distribution over dense points (pass last), the policy target of self-play records.</summary>
    public static float[] VisitDistribution(SearchSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var geometry = snapshot.Geometry;
        var distribution = new float[geometry.Area + 1];
        long total = snapshot.Candidates.Sum(c => (long)c.Visits);
        if (total == 0)
        {
            return distribution;
        }

        foreach (var candidate in snapshot.Candidates)
        {
            int index = candidate.Move.IsPlay ? geometry.DenseIndex(candidate.Move.Point) : geometry.Area;
            distribution[index] = (float)((double)candidate.Visits / total);
        }

        return distribution;
    }
}
