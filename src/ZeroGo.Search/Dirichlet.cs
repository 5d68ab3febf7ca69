using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>Samples from a symmetric Dirichlet distribution (normalised Gamma draws, Marsaglia–Tsang).</summary>
public static class Dirichlet
{
    /// <summary>Fills <paramref name="output"/> with one draw of Dir(alpha, …, alpha); entries sum to 1.</summary>
    public static void Sample(ref FastRandom random, double alpha, Span<double> output)
    {
        if (alpha <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "Dirichlet alpha must be positive");
        }

        double sum = 0;
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = Gamma(ref random, alpha);
            sum += output[i];
        }

        if (sum <= 0)
        {
            // Every draw underflowed (tiny alpha): put all the mass on one random entry.
            output.Clear();
            output[random.Next(output.Length)] = 1;
            return;
        }

        for (int i = 0; i < output.Length; i++)
        {
            output[i] /= sum;
        }
    }

    /// <summary>Gamma(shape, 1). For shape &lt; 1 uses Gamma(shape + 1) · U^(1/shape).</summary>
    public static double Gamma(ref FastRandom random, double shape)
    {
        if (shape < 1)
        {
            double u = random.NextDouble();
            return Gamma(ref random, shape + 1) * Math.Pow(u, 1 / shape);
        }

        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(ref random);
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            double u = random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Normal(ref FastRandom random)
    {
        double u1 = 1 - random.NextDouble(); // (0, 1]: log is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
