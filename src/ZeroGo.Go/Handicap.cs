namespace ZeroGo.Go;

/// <summary>Fixed handicap placement as the GTP specification (section 4.1.1) lays it out.</summary>
public static class Handicap
{
    /// <summary>
    /// Largest fixed handicap for a square board: none below 7x7, 4 on 7x7 and even sizes (no centre lines),
    /// 9 on odd sizes from 9x9. Rectangular boards get none.
    /// </summary>
    public static int MaxFixed(BoardGeometry geometry)
    {
        int size = geometry.Width;
        if (!geometry.IsSquare || size < 7)
        {
            return 0;
        }

        return size % 2 == 0 || size == 7 ? 4 : 9;
    }

    /// <summary>The fixed handicap points for <paramref name="stones"/> (2..MaxFixed) in the GTP order.</summary>
    public static IReadOnlyList<Point> FixedPoints(BoardGeometry geometry, int stones)
    {
        int max = MaxFixed(geometry);
        if (stones < 2 || stones > max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stones), $"fixed handicap of {stones} is not defined on {geometry} (2..{max})");
        }

        int size = geometry.Width;
        int edge = size >= 13 ? 3 : 2; // 4th line on big boards, 3rd line on small ones
        int low = edge, high = size - 1 - edge, mid = size / 2;

        // (column from the left, row from the bottom), in the specification's order.
        var pattern = new List<(int Column, int RowFromBottom)> { (low, low), (high, high) };
        if (stones >= 3)
        {
            pattern.Add((low, high));
        }

        if (stones >= 4)
        {
            pattern.Add((high, low));
        }

        if (stones >= 6)
        {
            pattern.Add((low, mid));
            pattern.Add((high, mid));
        }

        if (stones >= 8)
        {
            pattern.Add((mid, low));
            pattern.Add((mid, high));
        }

        if (stones % 2 == 1 && stones >= 5)
        {
            pattern.Add((mid, mid));
        }

        return pattern.Select(p => geometry.PointAt(p.Column, size - 1 - p.RowFromBottom)).ToList();
    }
}
