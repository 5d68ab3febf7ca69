using System.Collections.Concurrent;
using System.Globalization;
using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Trainer;

/// <summary>One training step from the same weights on the same batch, in fp32 and in mixed precision.</summary>
/// <param name="UpdateCosine">Cosine between the two weight updates (1 = the same direction; NaN when a step failed).</param>
/// <param name="Failure">Why a step could not be taken (a diverged loss or gradient), or null.</param>
public sealed record MixedPrecisionComparison(
    Precision Precision, LossBreakdown Float32, LossBreakdown Mixed, double UpdateCosine, string? Failure = null)
{
    /// <summary>
    /// Largest relative difference of the first step's total loss. bf16 keeps 8 significant bits and libtorch
    /// accumulates in fp32: measured 0.01% (b2c16 5x5) to 0.05% (b4c48 7x7); 1% leaves room for other CPUs' kernels
    /// and still fails a head computed wrongly (10% and more).
    /// </summary>
    public const double MaxLossDifference = 0.01;

    /// <summary>
    /// Smallest cosine between the bf16 and fp32 updates. bf16's rounding grows with depth: measured (fresh weights,
    /// batch 32) 0.988 for b2c16 on 5x5, 0.979 for b4c48 on 7x7, 0.927 for b6c64 on 9x9, 0.903 for b10c128 on
    /// 19x19, while the fp32 update on another batch of the same kind has cosine 0.31 (sampling noise). The kernel
    /// that read unwritten padding gave NaN (a failed step) or 0.67.
    /// </summary>
    public const double MinUpdateCosine = 0.8;

    public double LossDifference => Math.Abs(Mixed.Total - Float32.Total) / Math.Max(1e-9, Math.Abs(Float32.Total));

    /// <summary>Null when mixed precision trains like fp32 here; otherwise what differed, in one phrase.</summary>
    public string? Problem =>
        Failure ?? (!double.IsFinite(Float32.Total) || !double.IsFinite(Mixed.Total) ? $"a loss is not finite (fp32 {Float32.Total}, {Precision.ShortName()} {Mixed.Total})"
        : LossDifference > MaxLossDifference ? string.Create(CultureInfo.InvariantCulture, $"its loss differs from fp32's by {LossDifference:P2} (at most {MaxLossDifference:P0} expected)")
        : !(UpdateCosine >= MinUpdateCosine) ? string.Create(CultureInfo.InvariantCulture, $"its update points elsewhere than fp32's (cosine {UpdateCosine:F3}, at least {MinUpdateCosine} expected)")
        : null);

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"loss fp32 {Float32.Total:F4}, {Precision.ShortName()} {Mixed.Total:F4} ({LossDifference:P2} apart), update cosine {UpdateCosine:F3}");
}

/// <summary>
/// The numerical self-check that mixed precision must pass on the running machine before a run trains in it:
/// one step in fp32 and one in bf16 from the same weights on a fixed batch of the run's shape and board, compared
/// (<see cref="MixedPrecisionComparison.Problem"/>). A CPU or library whose bf16 kernels compute wrongly then
/// trains in fp32 (or refuses an explicit bf16) instead of training into NaN or into silently wrong weights.
/// </summary>
public static class MixedPrecisionCheck
{
    private static readonly ConcurrentDictionary<(NetworkConfig, BoardGeometry, Precision), MixedPrecisionComparison> Results = new();

    /// <summary>The check for a network of <paramref name="config"/> on <paramref name="geometry"/>, run once per process.</summary>
    public static MixedPrecisionComparison Run(NetworkConfig config, BoardGeometry geometry, Precision precision = Precision.BFloat16, int threads = 0) =>
        Results.GetOrAdd((config, geometry, precision), key =>
        {
            using var network = PolicyValueNetwork.Create(key.Item1, seed: 17);
            var batch = TrainingBenchmark.RandomBatches(key.Item2, batchSize: 32, count: 1, seed: 17)[0];
            return Measure(network, batch, new TrainingSettings { LearningRate = 0.02, WarmupSteps = 0, Threads = threads }, key.Item3);
        });

    /// <summary>One step from <paramref name="initial"/>'s weights (left unchanged) in fp32 and in <paramref name="precision"/>.</summary>
    public static MixedPrecisionComparison Measure(PolicyValueNetwork initial, TrainingBatch batch, TrainingSettings settings, Precision precision)
    {
        using var fp32Network = initial.Clone();
        using var mixedNetwork = initial.Clone();
        LossBreakdown fp32Loss, mixedLoss;
        using (var fp32 = new NetworkTrainer(fp32Network, settings))
        {
            fp32Loss = fp32.TrainStep(batch);
        }

        try
        {
            using var mixed = new NetworkTrainer(mixedNetwork, settings, precision: precision);
            mixedLoss = mixed.TrainStep(batch);
        }
        catch (TrainingDivergedException e)
        {
            return new MixedPrecisionComparison(precision, fp32Loss, new LossBreakdown(double.NaN, 0, 0, 0), double.NaN, e.What);
        }

        return new MixedPrecisionComparison(precision, fp32Loss, mixedLoss, UpdateCosine(initial, fp32Network, mixedNetwork));
    }

    /// <summary>Cosine between the weight changes start→a and start→b over every parameter.</summary>
    public static double UpdateCosine(PolicyValueNetwork start, PolicyValueNetwork a, PolicyValueNetwork b)
    {
        var initial = start.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var afterB = b.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        double dot = 0, normA = 0, normB = 0;
        foreach (var (name, p) in a.Module.named_parameters())
        {
            using var scope = torch.NewDisposeScope();
            var da = (p - initial[name]).flatten();
            var db = (afterB[name] - initial[name]).flatten();
            dot += da.dot(db).item<float>();
            normA += da.dot(da).item<float>();
            normB += db.dot(db).item<float>();
        }

        return dot / Math.Sqrt(normA * normB);
    }
}
