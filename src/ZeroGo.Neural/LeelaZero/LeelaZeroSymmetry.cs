using ZeroGo.Go;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>
/// Leela Zero's coordinates and its numbering of the 8 board symmetries, mapped onto ZeroGo's.
/// <para>
/// Leela Zero indexes the network's planes and policy as <c>y * 19 + x</c> with x the column (0 = A) and y the
/// row counted from the BOTTOM (0 = GTP row 1), so its index 0 is A1. ZeroGo's dense index counts rows from the
/// top, so the two layouts differ by a vertical flip (ZeroGo row = 18 - y).
/// </para>
/// <para>
/// Symmetry s (0..7) maps a network index (x, y) to a board index: swap x and y if s &amp; 4, then mirror x if
/// s &amp; 2, then mirror y if s &amp; 1. The network's input at index i reads the board at that image, and the
/// policy output at i is the probability of the image point. So symmetry s shows the network the board moved by
/// the INVERSE of that map; <see cref="ToBoardTransform"/> gives that inverse as a ZeroGo <see cref="Symmetry"/>.
/// </para>
/// </summary>
public static class LeelaZeroSymmetry
{
    public const int Count = 8;
    public const int Identity = 0;

    private const int Size = LeelaZeroWeights.BoardSize;

    /// <summary>[symmetry][network index] = ZeroGo dense index (row from the top) of the board point it reads.</summary>
    private static readonly int[][] NetworkToDense = BuildNetworkToDense();

    /// <summary>[LZ symmetry] = the ZeroGo symmetry that moves the stones as LZ's symmetry does.</summary>
    private static readonly Symmetry[] BoardTransforms = BuildBoardTransforms();

    /// <summary>ZeroGo dense index (row 0 at the top) of network index <paramref name="networkIndex"/> under <paramref name="symmetry"/>.</summary>
    public static int DenseIndexOf(int symmetry, int networkIndex) => NetworkToDense[symmetry][networkIndex];

    /// <summary>The table behind <see cref="DenseIndexOf"/> for one symmetry (361 entries, read-only use).</summary>
    public static ReadOnlySpan<int> NetworkToDenseTable(int symmetry) => NetworkToDense[symmetry];

    /// <summary>
    /// The ZeroGo symmetry that transforms a position the way Leela Zero's symmetry <paramref name="symmetry"/>
    /// does before the network sees it: evaluating the transformed position with the identity and mapping the
    /// policy back with <see cref="Symmetry.Inverse"/> gives Leela Zero's output for that symmetry.
    /// </summary>
    public static Symmetry ToBoardTransform(int symmetry) => BoardTransforms[symmetry];

    /// <summary>Leela Zero's map from a network (x, y) (y from the bottom) to the board (x, y) it reads.</summary>
    public static (int X, int Y) Apply(int symmetry, int x, int y)
    {
        if ((symmetry & 4) != 0)
        {
            (x, y) = (y, x);
        }

        if ((symmetry & 2) != 0)
        {
            x = Size - 1 - x;
        }

        if ((symmetry & 1) != 0)
        {
            y = Size - 1 - y;
        }

        return (x, y);
    }

    public static bool IsValid(int symmetry) => symmetry is >= 0 and < Count;

    private static int[][] BuildNetworkToDense()
    {
        var tables = new int[Count][];
        for (int s = 0; s < Count; s++)
        {
            tables[s] = new int[LeelaZeroWeights.Points];
            for (int index = 0; index < LeelaZeroWeights.Points; index++)
            {
                var (x, y) = Apply(s, index % Size, index / Size);
                tables[s][index] = (Size - 1 - y) * Size + x;
            }
        }

        return tables;
    }

    private static Symmetry[] BuildBoardTransforms()
    {
        // Search ZeroGo's 8 symmetries for the one whose point map is the inverse of LZ's: a stone on the board
        // at LZ's image of network point q must land on q. Found by comparison, so no hand-derived algebra.
        var transforms = new Symmetry[Count];
        for (int s = 0; s < Count; s++)
        {
            var match = Symmetry.All.Where(candidate => MovesStonesAsLeelaZero(candidate, s)).ToArray();
            transforms[s] = match.Length == 1
                ? match[0]
                : throw new InvalidOperationException($"no unique ZeroGo symmetry matches Leela Zero symmetry {s}");
        }

        return transforms;
    }

    private static bool MovesStonesAsLeelaZero(Symmetry candidate, int symmetry)
    {
        for (int index = 0; index < LeelaZeroWeights.Points; index++)
        {
            int networkColumn = index % Size;
            int networkRow = Size - 1 - index / Size;
            int boardDense = NetworkToDense[symmetry][index];
            var (column, row) = candidate.Apply(boardDense % Size, boardDense / Size, Size, Size);
            if (column != networkColumn || row != networkRow)
            {
                return false;
            }
        }

        return true;
    }
}
