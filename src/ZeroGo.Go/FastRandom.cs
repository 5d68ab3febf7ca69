using System.Runtime.CompilerServices;

namespace ZeroGo.Go;

/// <summary>
/// A small, fast, seedable generator (xorshift64* in a struct) for playouts and search noise,
/// where System.Random's virtual calls would dominate. Not for security.
/// </summary>
public struct FastRandom
{
    private ulong _state;

    public FastRandom(ulong seed)
    {
        // Spread the seed with one SplitMix64 step so nearby seeds start far apart; xorshift needs a non-zero state.
        ulong z = seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        _state = z == 0 ? 0x9E3779B97F4A7C15UL : z;
    }

    /// <summary>Next 64 random bits (xorshift64*: three shifts and one multiply, ample for playouts and noise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong x = _state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _state = x;
        return x * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>Uniform integer in [0, exclusiveMax) by multiply-shift (bias negligible for board sizes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int exclusiveMax) => (int)(((NextUInt64() >> 32) * (ulong)(uint)exclusiveMax) >> 32);

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
