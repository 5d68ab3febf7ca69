using System.Runtime.CompilerServices;

namespace ZeroGo.Go;

/// <summary>
/// A point's four neighbours counted by what they are and packed in one number, so the playout's questions
/// about a point ("any empty neighbour?", "walled in by one colour?", "any stone of this colour next to it?")
/// are one load and a mask instead of four loads and a chain of hard-to-predict branches.
/// </summary>
/// <remarks>
/// Four bits per field, indexed by <see cref="Color"/>: empty neighbours in bits 0-3, black in 4-7, white in
/// 8-11, edge in 12-15. Placing or removing a stone moves one count between the empty field and a colour
/// field, which is a single add of <see cref="StonePlaced"/>.
/// </remarks>
internal static class NeighborCounts
{
    private const int FieldBits = 4;
    private const int FieldMask = (1 << FieldBits) - 1;

    /// <summary>All four neighbours empty (so none is a stone and none the edge).</summary>
    public const int FourEmpty = 4;

    /// <summary>What one neighbour of this kind adds to a point's packed counts.</summary>
    public static ushort Of(Color color) => (ushort)(1 << (FieldBits * (int)color));

    /// <summary>What an empty neighbour turning into a stone of this colour adds to the counts (subtract on removal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StonePlaced(Color color) => (1 << (FieldBits * (int)color)) - 1;

    /// <summary>Neighbours of this kind (Empty, Black, White or Border).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(int counts, Color color) => (counts >> (FieldBits * (int)color)) & FieldMask;

    /// <summary>True when every neighbour is a stone of <paramref name="color"/> or the edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool WalledInBy(int counts, Color color) =>
        (counts & (FieldMask | (FieldMask << (FieldBits * (int)color.Opponent())))) == 0;
}
