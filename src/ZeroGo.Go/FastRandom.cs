using System.Runtime.CompilerServices;

namespace ZeroGo.Go;

/// <summary>
/// A small, fast, seedable generator (xoshiro128** style state in a struct) for playouts and search noise,
/// where System.Random's virtual calls would dominate. Not for security.
/// </summary>
public struct FastRandom
{
    private ulong _state;

    public FastRandom(ulong seed)
    {
        _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    }

    /// <summary>Next 64 random bits (SplitMix64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, exclusiveMax) by multiply-shift (bias negligible for board sizes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int exclusiveMax) => (int)(((NextUInt64() >> 32) * (ulong)(uint)exclusiveMax) >> 32);

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
