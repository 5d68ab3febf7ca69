namespace ZeroGo.Go;

/// <summary>
/// Fixed pseudo-random keys for Zobrist hashing. Generated from a constant seed so hashes are reproducible
/// across runs and processes (caches and training records may store them).
/// </summary>
public static unsafe class Zobrist
{
    private const int MaxPadded = (BoardGeometry.MaxSize + 2) * (BoardGeometry.MaxSize + 2);

    private static readonly ulong[] StoneKeys = CreateKeys(MaxPadded * 2, 0x5A4E_524F_474F_0001UL, pinned: true);

    // The stone keys are read on every stone placed or removed: index them without bounds checks.
    private static readonly ulong* StoneKeysPtr = (ulong*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref StoneKeys[0]);

    /// <summary>XORed into a position hash when White is to move (situational superko, caches).</summary>
    public static readonly ulong WhiteToMove = CreateKeys(1, 0x5A4E_524F_474F_0002UL)[0];

    /// <summary>Key for the ko point (caches that must distinguish ko states).</summary>
    private static readonly ulong[] KoKeys = CreateKeys(MaxPadded, 0x5A4E_524F_474F_0003UL);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Stone(int paddedIndex, Color color) => StoneKeysPtr[paddedIndex * 2 + (int)color - 1];

    public static ulong Ko(Point point) => point.IsNone ? 0 : KoKeys[point.Index];

    private static ulong[] CreateKeys(int count, ulong seed, bool pinned = false)
    {
        var keys = GC.AllocateArray<ulong>(count, pinned);
        ulong state = seed;
        for (int i = 0; i < count; i++)
        {
            // SplitMix64: a tiny, well-mixed generator; quality is ample for hashing.
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            keys[i] = z ^ (z >> 31);
        }

        return keys;
    }
}
