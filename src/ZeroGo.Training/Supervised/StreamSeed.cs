using ZeroGo.Go;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// Seeds derived from the run's seed and a place in the stream (an epoch; a block's first game), so that every
/// random choice of the stream can be made again from its position alone: resuming needs no generator state.
/// </summary>
public static class StreamSeed
{
    /// <summary>SplitMix64 over the values in turn: nearby inputs give unrelated seeds.</summary>
    public static ulong Mix(ulong seed, params long[] values)
    {
        ulong x = seed;
        foreach (long value in values)
        {
            x = Finish(x + 0x9E3779B97F4A7C15UL + (ulong)value);
        }

        return x;
    }

    /// <summary>Fisher-Yates with a generator seeded by <paramref name="seed"/>.</summary>
    public static void Shuffle<T>(IList<T> items, ulong seed)
    {
        var random = new FastRandom(seed);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
