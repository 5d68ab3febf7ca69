using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Tests;

public class TrainingBenchmarkTests
{
    [Fact]
    public void Random_batches_are_full_and_the_same_for_the_same_seed()
    {
        var geometry = BoardGeometry.Get(5);
        var a = TrainingBenchmark.RandomBatches(geometry, 16, 3, seed: 4);
        var b = TrainingBenchmark.RandomBatches(geometry, 16, 3, seed: 4);
        var c = TrainingBenchmark.RandomBatches(geometry, 16, 3, seed: 5);
        Assert.Equal(3, a.Count);
        Assert.All(a, batch => Assert.Equal(16, batch.Count));
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Policy, b[i].Policy);
            Assert.Equal(a[i].Ownership, b[i].Ownership);
            Assert.Equal(a[i].Features.Positions[3].Spatial, b[i].Features.Positions[3].Spatial);
        }

        Assert.NotEqual(a[0].Policy, c[0].Policy);
        // Every sample has a policy target (the move played) summing to one.
        int moves = 5 * 5 + 1;
        for (int s = 0; s < 16; s++)
        {
            Assert.Equal(1f, a[0].Policy.AsSpan(s * moves, moves).ToArray().Sum(), 4);
        }
    }

    [Fact]
    public void Both_precisions_train_the_same_weights_to_nearly_the_same_losses()
    {
        var geometry = BoardGeometry.Get(5);
        var batches = TrainingBenchmark.RandomBatches(geometry, 16, 2, seed: 2);
        var evaluation = TrainingBenchmark.RandomBatches(geometry, 16, 1, seed: 3);
        using var initial = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 8);
        var before = initial.Module.parameters().Select(p => p.detach().clone()).ToList();
        var settings = new TrainingSettings { LearningRate = 0.02, WarmupSteps = 0, Threads = 1 };
        var fp32 = TrainingBenchmark.TrainAndEvaluate(initial, settings, Precision.Float32, batches, 6, evaluation);
        var bf16 = TrainingBenchmark.TrainAndEvaluate(initial, settings, Precision.BFloat16, batches, 6, evaluation);
        Assert.Equal(Precision.BFloat16, bf16.Precision);
        Assert.True(Math.Abs(fp32.First.Total - bf16.First.Total) <= 0.01 * fp32.First.Total, $"first loss fp32 {fp32.First.Total:F4}, bf16 {bf16.First.Total:F4}");
        Assert.True(fp32.Final.Total < fp32.First.Total, $"fp32 did not learn: {fp32.First.Total:F4} -> {fp32.Final.Total:F4}");
        Assert.True(Math.Abs(fp32.Final.Total - bf16.Final.Total) <= 0.02 * fp32.Final.Total,
            $"held-out loss fp32 {fp32.Final.Total:F4}, bf16 {bf16.Final.Total:F4}");
        // The initial network was copied, not trained.
        Assert.True(initial.Module.parameters().Zip(before).All(p => p.First.allclose(p.Second, 0, 0)), "the initial weights changed");
    }
}
