using ZeroGo.Go;

namespace ZeroGo.Gtp.Engine;

/// <summary>
/// Where the engine puts free handicap stones (GTP place_free_handicap): the fixed pattern when the board has one
/// for that many stones; otherwise the largest fixed pattern the board has, then points spread greedily, each as
/// far as possible from the stones already placed, preferring the third and fourth lines and the centre.
/// </summary>
public static class FreeHandicap
{
    /// <summary>Largest request GTP allows: every point but one.</summary>
    public static int MaxStones(BoardGeometry geometry) => geometry.Area - 1;

    public static IReadOnlyList<Point> Choose(BoardGeometry geometry, int stones)
    {
        if (stones < 2 || stones > MaxStones(geometry))
        {
            throw new ArgumentOutOfRangeException(
                nameof(stones), $"free handicap of {stones} is not possible on {geometry} (2..{MaxStones(geometry)})");
        }

        int maxFixed = Handicap.MaxFixed(geometry);
        if (stones <= maxFixed)
        {
            return Handicap.FixedPoints(geometry, stones);
        }

        var chosen = maxFixed >= 2 ? Handicap.FixedPoints(geometry, maxFixed).ToList() : [];
        var taken = new HashSet<Point>(chosen);
        while (chosen.Count < stones)
        {
            chosen.Add(BestSpreadPoint(geometry, chosen, taken));
            taken.Add(chosen[^1]);
        }

        return chosen;
    }

    private static Point BestSpreadPoint(BoardGeometry geometry, List<Point> chosen, HashSet<Point> taken)
    {
        // Prefer points off the first two lines; fall back to any free point once those run out.
        int preferredEdge = Math.Min(geometry.Width, geometry.Height) >= 9 ? 2 : Math.Min(geometry.Width, geometry.Height) >= 5 ? 1 : 0;
        for (int edge = preferredEdge; edge >= 0; edge--)
        {
            Point best = Point.None;
            double bestScore = double.NegativeInfinity;
            foreach (var point in geometry.Points)
            {
                if (taken.Contains(point) || EdgeDistance(geometry, point) < edge)
                {
                    continue;
                }

                double score = MinDistanceSquared(geometry, point, chosen) * 1000 - CentreDistanceSquared(geometry, point);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = point;
                }
            }

            if (!best.IsNone)
            {
                return best;
            }
        }

        throw new InvalidOperationException("no free point left for a handicap stone");
    }

    private static int EdgeDistance(BoardGeometry geometry, Point point)
    {
        int column = geometry.ColumnOf(point), row = geometry.RowOf(point);
        return Math.Min(Math.Min(column, geometry.Width - 1 - column), Math.Min(row, geometry.Height - 1 - row));
    }

    private static double MinDistanceSquared(BoardGeometry geometry, Point point, List<Point> chosen)
    {
        if (chosen.Count == 0)
        {
            return 0;
        }

        double best = double.MaxValue;
        foreach (var other in chosen)
        {
            double dx = geometry.ColumnOf(point) - geometry.ColumnOf(other);
            double dy = geometry.RowOf(point) - geometry.RowOf(other);
            best = Math.Min(best, dx * dx + dy * dy);
        }

        return best;
    }

    private static double CentreDistanceSquared(BoardGeometry geometry, Point point)
    {
        double dx = geometry.ColumnOf(point) - (geometry.Width - 1) / 2.0;
        double dy = geometry.RowOf(point) - (geometry.Height - 1) / 2.0;
        return dx * dx + dy * dy;
    }
}
