using TorchSharp;
using ZeroGo.Neural.Features;
using ZeroGo.Neural.Optimizers;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Benchmarking;

/// <summary>
/// A few hundred supervised steps (next move, game result) so a random network gets confident, game-like
/// outputs before its bf16 and fp32 answers are compared: a near-uniform random network would make any
/// precision look perfect. Not the training pipeline (that is ZeroGo.Training); fp32, Adam, no augmentation.
/// </summary>
public static class QuickFit
{
    /// <summary>Trains in place; returns the policy cross-entropy of the last step. <paramref name="progress"/> gets (step, loss).</summary>
    public static double Run(PolicyValueNetwork network, IReadOnlyList<LabelledPosition> samples, int steps, int batchSize = 32,
        int seed = 1, Action<int, double>? progress = null)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("no positions to fit", nameof(samples));
        }

        if (network.Precision != Precision.Float32)
        {
            throw new InvalidOperationException("fit the fp32 network, then cast a copy");
        }

        var random = new Random(seed);
        var module = network.Module;
        module.train();
        using var optimizer = new AdamW(module.parameters(), learningRate: 2e-3, weightDecay: 0);
        double lastLoss = double.NaN;
        try
        {
            for (int step = 1; step <= steps; step++)
            {
                using var scope = torch.NewDisposeScope();
                var batch = new FeatureBatch();
                var picked = new List<LabelledPosition>(batchSize);
                for (int i = 0; i < batchSize; i++)
                {
                    var sample = samples[random.Next(samples.Count)];
                    picked.Add(sample);
                    batch.Add(sample.Features);
                }

                var (spatial, global) = batch.ToTensors(network.Device, ScalarType.Float32);
                var moveTargets = picked.Select(s => (long)GridIndex(s, batch)).ToArray();
                var outcomeTargets = picked.Select(s => (long)(s.Outcome > 0 ? NetworkOutput.Win : s.Outcome < 0 ? NetworkOutput.Loss : NetworkOutput.Draw)).ToArray();
                optimizer.ZeroGrad();
                var output = network.Forward(spatial, global);
                var policyLoss = nn.functional.cross_entropy(output.PolicyLogits, torch.tensor(moveTargets, device: network.Device));
                var valueLoss = nn.functional.cross_entropy(output.OutcomeLogits, torch.tensor(outcomeTargets, device: network.Device));
                var loss = policyLoss.add(valueLoss, StableScalars.One);
                loss.backward();
                optimizer.Step();
                lastLoss = policyLoss.item<float>();
                progress?.Invoke(step, lastLoss);
            }
        }
        finally
        {
            module.eval();
        }

        return lastLoss;
    }

    private static int GridIndex(LabelledPosition sample, FeatureBatch batch)
    {
        var features = sample.Features;
        int area = features.Width * features.Height;
        return sample.NextMove >= area
            ? batch.GridWidth * batch.GridHeight
            : batch.GridIndex(sample.NextMove % features.Width, sample.NextMove / features.Width);
    }
}
