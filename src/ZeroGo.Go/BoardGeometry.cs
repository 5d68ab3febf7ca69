namespace ZeroGo.Go;

/// <summary>
/// The shape of a (possibly rectangular) board and the mapping between (column, row) and padded indices.
/// Columns count from the left, rows from the top (SGF order); GTP's bottom-up rows are converted in
/// <see cref="Vertex"/>.
/// </summary>
public sealed class BoardGeometry : IEquatable<BoardGeometry>
{
    public const int MinSize = 2;
    public const int MaxSize = 25;

    private static readonly BoardGeometry?[,] Cache = new BoardGeometry?[MaxSize + 1, MaxSize + 1];

    private BoardGeometry(int width, int height)
    {
        Width = width;
        Height = height;
        Stride = width + 2;
        PaddedArea = Stride * (height + 2);
        var points = new Point[width * height];
        for (int row = 0; row < height; row++)
        {
            for (int column = 0; column < width; column++)
            {
                points[row * width + column] = new Point((short)((row + 1) * Stride + column + 1));
            }
        }

        Points = points;

        // The empty board, laid out as Board keeps it, so clearing a board is three block copies.
        EmptyBoardColors = new Color[PaddedArea];
        Array.Fill(EmptyBoardColors, Color.Border);
        EmptyBoardPoints = new short[PaddedArea];
        EmptyBoardSlots = new short[PaddedArea];
        for (int slot = 0; slot < points.Length; slot++)
        {
            short index = points[slot].Index;
            EmptyBoardColors[index] = Color.Empty;
            EmptyBoardPoints[slot] = index;
            EmptyBoardSlots[index] = (short)slot;
        }

        EmptyBoardNeighborCounts = new ushort[PaddedArea];
        foreach (var point in points)
        {
            int index = point.Index;
            foreach (int neighbor in (ReadOnlySpan<int>)[index - Stride, index - 1, index + 1, index + Stride])
            {
                EmptyBoardNeighborCounts[index] += NeighborCounts.Of(EmptyBoardColors[neighbor]);
            }
        }
    }

    public int Width { get; }

    public int Height { get; }

    public bool IsSquare => Width == Height;

    /// <summary>Distance in the padded array between vertically adjacent points.</summary>
    public int Stride { get; }

    /// <summary>Length of the padded arrays (playing area plus one border ring).</summary>
    public int PaddedArea { get; }

    /// <summary>Number of playable points.</summary>
    public int Area => Width * Height;

    /// <summary>Every on-board point in row-major order from the top-left corner.</summary>
    public IReadOnlyList<Point> Points { get; }

    /// <summary>Each padded point's colour on an empty board: Empty on the board, Border around it.</summary>
    internal Color[] EmptyBoardColors { get; }

    /// <summary>The empty-point list of an empty board (the on-board indices in row-major order), PaddedArea long.</summary>
    internal short[] EmptyBoardPoints { get; }

    /// <summary>Each on-board point's slot in <see cref="EmptyBoardPoints"/>.</summary>
    internal short[] EmptyBoardSlots { get; }

    /// <summary>Each padded point's packed <see cref="NeighborCounts"/> on an empty board (zero off the board).</summary>
    internal ushort[] EmptyBoardNeighborCounts { get; }

    /// <summary>A shared geometry for the size; throws with a clear message for sizes outside 2..25.</summary>
    public static BoardGeometry Get(int width, int height)
    {
        if (width < MinSize || width > MaxSize || height < MinSize || height > MaxSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width), $"board size {width}x{height} is outside {MinSize}..{MaxSize}");
        }

        lock (Cache)
        {
            return Cache[width, height] ??= new BoardGeometry(width, height);
        }
    }

    public static BoardGeometry Get(int size) => Get(size, size);

    public static bool IsValidSize(int width, int height) =>
        width is >= MinSize and <= MaxSize && height is >= MinSize and <= MaxSize;

    public Point PointAt(int column, int row)
    {
        if (!Contains(column, row))
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"({column},{row}) is off a {Width}x{Height} board");
        }

        return new Point((short)((row + 1) * Stride + column + 1));
    }

    public bool Contains(int column, int row) => column >= 0 && column < Width && row >= 0 && row < Height;

    public bool IsOnBoard(Point point)
    {
        if (point.Index < 0 || point.Index >= PaddedArea)
        {
            return false;
        }

        int column = point.Index % Stride - 1;
        int row = point.Index / Stride - 1;
        return Contains(column, row);
    }

    public int ColumnOf(Point point) => point.Index % Stride - 1;

    public int RowOf(Point point) => point.Index / Stride - 1;

    /// <summary>Dense index 0..Area-1 in row-major order from the top-left (the network's layout).</summary>
    public int DenseIndex(Point point) => RowOf(point) * Width + ColumnOf(point);

    public Point FromDense(int denseIndex) => Points[denseIndex];

    public bool Equals(BoardGeometry? other) => other is not null && other.Width == Width && other.Height == Height;

    public override bool Equals(object? obj) => Equals(obj as BoardGeometry);

    public override int GetHashCode() => HashCode.Combine(Width, Height);

    public override string ToString() => IsSquare ? $"{Width}x{Width}" : $"{Width}x{Height}";
}
