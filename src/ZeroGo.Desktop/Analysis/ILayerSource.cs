using ZeroGo.Go;

namespace ZeroGo.Desktop.Analysis;

/// <summary>
/// The hook for the layers view: a network that can show what a residual block computes. Implemented on top of the
/// network project (block outputs, channels × points); the board draws one channel, or the strongest channels
/// combined, as a heat map over the points.
/// </summary>
public interface ILayerSource
{
    /// <summary>Number of residual blocks (the view steps from block 1 to this).</summary>
    int BlockCount { get; }

    /// <summary>Channels per block.</summary>
    int Channels { get; }

    /// <summary>
    /// Activations of block <paramref name="block"/> (0-based) for <paramref name="state"/>:
    /// [channel][dense point]. Called on a background thread with a private copy of the game.
    /// </summary>
    float[][] BlockActivations(GameState state, int block);
}

/// <summary>Turns raw block activations into the 0..1 picture the board draws.</summary>
public static class LayerPicture
{
    /// <summary>
    /// One channel scaled to 0..1, or (channel &lt; 0) the mean of the <paramref name="strongest"/> channels with the
    /// largest mean absolute activation, each scaled to 0..1 first.
    /// </summary>
    public static float[] Values(float[][] activations, int channel, int strongest = 8)
    {
        if (activations.Length == 0)
        {
            return [];
        }

        if (channel >= 0)
        {
            return Normalise(activations[Math.Min(channel, activations.Length - 1)]);
        }

        var picked = activations
            .Select((values, index) => (Index: index, Strength: values.Average(v => Math.Abs(v))))
            .OrderByDescending(c => c.Strength)
            .Take(strongest)
            .Select(c => Normalise(activations[c.Index]))
            .ToList();
        var result = new float[activations[0].Length];
        foreach (var values in picked)
        {
            for (int i = 0; i < result.Length; i++)
            {
                result[i] += values[i] / picked.Count;
            }
        }

        return result;
    }

    private static float[] Normalise(float[] values)
    {
        float min = values.Min(), max = values.Max();
        float range = max - min;
        return values.Select(v => range <= 1e-9f ? 0f : (v - min) / range).ToArray();
    }
}
