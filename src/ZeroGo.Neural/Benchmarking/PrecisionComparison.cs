using ZeroGo.Neural.Features;

namespace ZeroGo.Neural.Benchmarking;

/// <summary>
/// How far bf16 inference lands from fp32 on the same positions: policy total-variation distance (half the L1
/// distance between the move distributions over on-board points and pass; 0 = identical, 1 = disjoint), how
/// often the top move agrees, and the value (win - loss) difference. MeanTopProbability (the fp32 network's
/// average highest move probability) says how confident the compared network is: near 1/points it is uniform
/// and every precision would look alike.
/// </summary>
public static class PrecisionComparison
{
    public sealed record Result(
        int Positions, double MeanPolicyDistance, double MaxPolicyDistance, double TopMoveAgreement,
        double MeanValueDifference, double MaxValueDifference, double MeanScoreDifference, double MeanTopProbability);

    public static Result Compare(PolicyValueNetwork network, IReadOnlyList<EncodedPosition> positions, int batchSize = 64)
    {
        using var fp32 = network.Clone();
        using var bf16 = network.Clone();
        fp32.SetPrecision(Precision.Float32);
        bf16.SetPrecision(Precision.BFloat16);
        double sumDistance = 0, maxDistance = 0, sumValue = 0, maxValue = 0, sumScore = 0, sumTop = 0;
        int agree = 0;
        for (int start = 0; start < positions.Count; start += batchSize)
        {
            var batch = new FeatureBatch();
            for (int i = start; i < Math.Min(positions.Count, start + batchSize); i++)
            {
                batch.Add(positions[i]);
            }

            var a = fp32.Infer(batch);
            var b = bf16.Infer(batch);
            int moves = a.GridArea + 1;
            for (int i = 0; i < batch.Count; i++)
            {
                var p = Softmax(a.PolicyLogits.AsSpan(i * moves, moves));
                var q = Softmax(b.PolicyLogits.AsSpan(i * moves, moves));
                double distance = 0;
                for (int m = 0; m < moves; m++)
                {
                    distance += Math.Abs(p[m] - q[m]);
                }

                distance /= 2;
                sumDistance += distance;
                maxDistance = Math.Max(maxDistance, distance);
                agree += ArgMax(p) == ArgMax(q) ? 1 : 0;
                sumTop += p[ArgMax(p)];
                double value = Math.Abs(Value(a.OutcomeLogits.AsSpan(i * 3, 3)) - Value(b.OutcomeLogits.AsSpan(i * 3, 3)));
                sumValue += value;
                maxValue = Math.Max(maxValue, value);
                sumScore += Math.Abs(a.ScoreLead[i] - b.ScoreLead[i]);
            }
        }

        int n = positions.Count;
        return new Result(n, sumDistance / n, maxDistance, (double)agree / n, sumValue / n, maxValue, sumScore / n, sumTop / n);
    }

    private static double[] Softmax(ReadOnlySpan<float> logits)
    {
        float max = float.NegativeInfinity;
        foreach (float l in logits)
        {
            max = Math.Max(max, l);
        }

        var p = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            p[i] = Math.Exp(logits[i] - max);
            sum += p[i];
        }

        for (int i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    private static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double Value(ReadOnlySpan<float> outcome)
    {
        double top = Math.Max(outcome[0], Math.Max(outcome[1], outcome[2]));
        double win = Math.Exp(outcome[NetworkOutput.Win] - top);
        double loss = Math.Exp(outcome[NetworkOutput.Loss] - top);
        double draw = Math.Exp(outcome[NetworkOutput.Draw] - top);
        return (win - loss) / (win + loss + draw);
    }
}
