namespace ZeroGo.Go;

/// <summary>
/// One of the 8 symmetries of a square board (4 of which also map a rectangle onto itself): an optional
/// transpose followed by optional horizontal and vertical flips. Id bits: 1 = transpose, 2 = flip columns,
/// 4 = flip rows. Id 0 is the identity.
/// </summary>
public readonly record struct Symmetry(int Id)
{
    public static IReadOnlyList<Symmetry> All { get; } = Enumerable.Range(0, 8).Select(i => new Symmetry(i)).ToArray();

    public static Symmetry Identity => new(0);

    public bool Transposes => (Id & 1) != 0;

    private bool FlipsColumns => (Id & 2) != 0;

    private bool FlipsRows => (Id & 4) != 0;

    /// <summary>Symmetries that keep a <paramref name="geometry"/> board's shape (all 8 only when square).</summary>
    public static IEnumerable<Symmetry> For(BoardGeometry geometry) =>
        geometry.IsSquare ? All : All.Where(s => !s.Transposes);

    /// <summary>The symmetry that undoes this one.</summary>
    public Symmetry Inverse =>
        Transposes ? new Symmetry(1 | (FlipsRows ? 2 : 0) | (FlipsColumns ? 4 : 0)) : this;

    /// <summary>Maps (column, row) on a width x height board; the result lies on the transformed board.</summary>
    public (int Column, int Row) Apply(int column, int row, int width, int height)
    {
        if (Transposes)
        {
            (column, row) = (row, column);
            (width, height) = (height, width);
        }

        if (FlipsColumns)
        {
            column = width - 1 - column;
        }

        if (FlipsRows)
        {
            row = height - 1 - row;
        }

        return (column, row);
    }

    /// <summary>Maps a point of <paramref name="geometry"/> (square, or a shape-keeping symmetry).</summary>
    public Point Apply(Point point, BoardGeometry geometry)
    {
        var (column, row) = Apply(geometry.ColumnOf(point), geometry.RowOf(point), geometry.Width, geometry.Height);
        return geometry.PointAt(column, row);
    }

    /// <summary>
    /// Maps a dense row-major plane (width x height) into <paramref name="destination"/>: the value at each
    /// point moves to the point's image. Used for network inputs and policy/ownership targets.
    /// </summary>
    public void ApplyToPlane<T>(ReadOnlySpan<T> source, Span<T> destination, int width, int height)
    {
        int outWidth = Transposes ? height : width;
        for (int row = 0; row < height; row++)
        {
            for (int column = 0; column < width; column++)
            {
                var (c, r) = Apply(column, row, width, height);
                destination[r * outWidth + c] = source[row * width + column];
            }
        }
    }

    public override string ToString() => $"symmetry {Id}";
}
