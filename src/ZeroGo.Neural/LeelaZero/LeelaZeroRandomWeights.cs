namespace ZeroGo.Neural.LeelaZero;

/// <summary>
/// Random Leela Zero networks of any tower size, for tests against leelaz and for same-network benchmarks. Every
/// parameter is random (biases and batch-norm statistics too, so the bias folding is exercised), scaled so that
/// activations neither vanish nor explode through the tower and the policy is clearly non-uniform.
/// </summary>
public static class LeelaZeroRandomWeights
{
    public static LeelaZeroWeights Create(int blocks, int filters, int seed, int formatVersion = 1)
    {
        if (blocks < 0 || filters < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(blocks), $"need blocks >= 0 and filters >= 1, got {blocks}x{filters}");
        }

        if (formatVersion is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(formatVersion), formatVersion, "Leela Zero formats are 1 and 2");
        }

        var random = new Random(seed);
        var input = Convolution(random, LeelaZeroWeights.InputPlanes, filters, 3);
        var tower = new List<LeelaZeroResidualBlock>();
        for (int i = 0; i < blocks; i++)
        {
            // The second convolution is scaled down so the residual sum grows slowly with depth.
            tower.Add(new LeelaZeroResidualBlock(
                Convolution(random, filters, filters, 3), Convolution(random, filters, filters, 3, gain: 0.5f)));
        }

        const int points = LeelaZeroWeights.Points;
        var policyConvolution = Convolution(random, filters, LeelaZeroWeights.PolicyFilters, 1);
        var policyWeights = Uniform(random, LeelaZeroWeights.PolicyFilters * points * (points + 1), 0.25f);
        var policyBiases = Uniform(random, points + 1, 1.0f);
        var valueConvolution = Convolution(random, filters, LeelaZeroWeights.ValueFilters, 1);
        var valueHiddenWeights = Uniform(random, LeelaZeroWeights.ValueHidden * points, 0.12f);
        var valueHiddenBiases = Uniform(random, LeelaZeroWeights.ValueHidden, 0.3f);
        var valueOutputWeights = Uniform(random, LeelaZeroWeights.ValueHidden, 0.15f);
        float valueOutputBias = Uniform(random, 1, 0.2f)[0];
        return new LeelaZeroWeights(
            formatVersion, input, tower, policyConvolution, policyWeights, policyBiases, valueConvolution,
            valueHiddenWeights, valueHiddenBiases, valueOutputWeights, valueOutputBias);
    }

    private static LeelaZeroConvolution Convolution(Random random, int inputs, int outputs, int kernelSize, float gain = 1f)
    {
        float bound = gain * MathF.Sqrt(6f / (inputs * kernelSize * kernelSize));
        var weights = Uniform(random, outputs * inputs * kernelSize * kernelSize, bound);
        var biases = Uniform(random, outputs, 0.2f);
        var means = Uniform(random, outputs, 0.2f);
        var variances = new float[outputs];
        for (int i = 0; i < outputs; i++)
        {
            variances[i] = 0.5f + 1.5f * (float)random.NextDouble();
        }

        return new LeelaZeroConvolution(inputs, outputs, kernelSize, weights, biases, means, variances);
    }

    private static float[] Uniform(Random random, int count, float bound)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * bound);
        }

        return values;
    }
}
