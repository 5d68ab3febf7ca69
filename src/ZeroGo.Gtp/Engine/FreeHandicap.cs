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

        // Squared distance from each point to the nearest chosen stone, kept up to date as stones are added.
        var nearest = new double[geometry.Area];
        Array.Fill(nearest, double.MaxValue);
        foreach (var stone in chosen)
        {
            UpdateNearest(geometry, nearest, stone);
        }

        // Prefer points off the first two lines (off the first on small boards); any point once those run out.
        int shortSide = Math.Min(geometry.Width, geometry.Height);
        int preferredEdge = shortSide >= 9 ? 2 : shortSide >= 5 ? 1 : 0;
        while (chosen.Count < stones)
        {
            var next = BestSpreadPoint(geometry, nearest, preferredEdge);
            chosen.Add(next);
            UpdateNearest(geometry, nearest, next);
        }

        return chosen;
    }

    private static Point BestSpreadPoint(BoardGeometry geometry, double[] nearest, int preferredEdge)
    {
        for (int edge = preferredEdge; edge >= 0; edge--)
        {
            Point best = Point.None;
            double bestScore = double.NegativeInfinity;
            foreach (var point in geometry.Points)
            {
                double distance = nearest[geometry.DenseIndex(point)];
                if (distance == 0 || EdgeDistance(geometry, point) < edge)
                {
                    continue; // taken, or too close to the edge for this pass
                }

                double spread = distance == double.MaxValue ? 0 : distance;
                double score = spread * 1000 - CentreDistanceSquared(geometry, point);
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

    private static void UpdateNearest(BoardGeometry geometry, double[] nearest, Point stone)
    {
        foreach (var point in geometry.Points)
        {
            double dx = geometry.ColumnOf(point) - geometry.ColumnOf(stone);
            double dy = geometry.RowOf(point) - geometry.RowOf(stone);
            int index = geometry.DenseIndex(point);
            nearest[index] = Math.Min(nearest[index], dx * dx + dy * dy);
        }
    }

    private static int EdgeDistance(BoardGeometry geometry, Point point)
    {
        int column = geometry.ColumnOf(point), row = geometry.RowOf(point);
        return Math.Min(Math.Min(column, geometry.Width - 1 - column), Math.Min(row, geometry.Height - 1 - row));
    }

    private static double CentreDistanceSquared(BoardGeometry geometry, Point point)
    {
        double dx = geometry.ColumnOf(point) - (geometry.Width - 1) / 2.0;
        double dy = geometry.RowOf(point) - (geometry.Height - 1) / 2.0;
        return dx * dx + dy * dy;
    }
}
