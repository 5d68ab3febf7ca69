using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Files;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;
using ZeroGo.Training.Trainer;
using static TorchSharp.torch;

namespace ZeroGo.Training.Tests;

/// <summary>Mixed-precision (bf16 forward/backward, fp32 master) training against fp32 training.</summary>
public class MixedPrecisionTests
{
    private static readonly TrainingSettings Sgd = new() { LearningRate = 0.02, WarmupSteps = 0, Threads = 1 };

    private static TrainingBatch FixedBatch(int games = 4, int size = 5, ulong seed = 11) =>
        TrainingBatch.Build(TrainerTests.RandomGames(games, size, seed).SelectMany(g => Enumerable.Range(0, 8).Select(i => (g, i * 2))).ToList(),
            _ => Symmetry.Identity);

    /// <summary>
    /// The first step's losses are the forward pass of the same weights on the same batch, only the number format
    /// differs. bf16 keeps 8 significant bits (relative rounding 2^-9 = 0.2% per value) and libtorch accumulates
    /// in fp32, so the losses agree to about 0.01% here (measured: total 4.98379 vs 4.98402); 2% per head and 1% on
    /// the total leave room for other CPUs' kernels yet fail for a head computed wrongly (a missed cast, a wrong
    /// statistic: 10% and more). The update itself carries bf16's gradient rounding, amplified where batch norm
    /// subtracts a channel's mean gradient: its cosine with the fp32 update measured 0.985, while the fp32 update
    /// on another batch of the same kind has cosine 0.31, so bf16 adds far less noise than sampling does; 0.9 is
    /// the bar.
    /// </summary>
    [Fact]
    public void A_bf16_step_gives_nearly_the_fp32_loss_and_update()
    {
        var batch = FixedBatch();
        using var fp32Network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 3);
        using var bf16Network = fp32Network.Clone();
        using var initial = fp32Network.Clone();
        using var fp32 = new NetworkTrainer(fp32Network, Sgd);
        using var bf16 = new NetworkTrainer(bf16Network, Sgd, precision: Precision.BFloat16);

        var a = fp32.TrainStep(batch);
        var b = bf16.TrainStep(batch);
        Assert.True(Math.Abs(a.Total - b.Total) <= 0.01 * a.Total, $"total fp32 {a.Total:F5} bf16 {b.Total:F5}");
        AssertClose(a.Policy, b.Policy, 0.02, "policy");
        AssertClose(a.Value, b.Value, 0.02, "value");
        AssertClose(a.Ownership, b.Ownership, 0.02, "ownership");
        Assert.True(Math.Abs(a.Score - b.Score) <= 0.02 * a.Score + 1e-4, $"score fp32 {a.Score:F5} bf16 {b.Score:F5}");

        // The update went the same way: the weights moved by nearly the same step (cosine of the two updates).
        double cosine = MixedPrecisionCheck.UpdateCosine(initial, fp32Network, bf16Network);
        Assert.True(cosine > 0.9, $"bf16 and fp32 updates differ: cosine {cosine:F4}");
    }

    [Fact]
    public void Master_weights_optimizer_state_and_statistics_stay_fp32()
    {
        var batch = FixedBatch();
        using var network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 4);
        using var trainer = new NetworkTrainer(network, Sgd, precision: Precision.BFloat16);
        for (int i = 0; i < 3; i++)
        {
            trainer.TrainStep(batch);
        }

        Assert.Equal(Precision.Float32, network.Precision);
        Assert.Equal(Precision.BFloat16, trainer.Precision);
        foreach (var (name, parameter) in network.Module.named_parameters())
        {
            Assert.True(parameter.dtype == ScalarType.Float32, $"{name} is {parameter.dtype}");
            using var gradient = parameter.grad;
            Assert.NotNull(gradient);
            Assert.True(gradient!.dtype == ScalarType.Float32, $"{name}'s gradient is {gradient.dtype}");
        }

        foreach (var (name, buffer) in network.Module.named_buffers())
        {
            Assert.True(buffer.dtype == ScalarType.Float32, $"{name} is {buffer.dtype}");
        }

        // Weights not representable in bf16 prove the update is applied to fp32 values, not to rounded ones.
        int offGrid = 0;
        foreach (var (_, parameter) in network.Module.named_parameters())
        {
            using var scope = torch.NewDisposeScope();
            offGrid += (int)parameter.ne(parameter.to(ScalarType.BFloat16).to(ScalarType.Float32)).sum().item<long>();
        }

        Assert.True(offGrid > 0, "every master weight is a bf16 value");
    }

    [Fact]
    public void Batch_norm_statistics_match_fp32_also_with_mixed_board_sizes()
    {
        // 5x5 and 7x7 games in one batch: the masked batch norm path (statistics over on-board points only).
        var samples = TrainerTests.RandomGames(3, 5, 21).Select(g => (g, 4))
            .Concat(TrainerTests.RandomGames(3, 7, 31).Select(g => (g, 6))).ToList();
        var mixedSizes = TrainingBatch.Build(samples, _ => Symmetry.Identity);
        foreach (var batch in new[] { FixedBatch(), mixedSizes })
        {
            using var fp32Network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 6);
            using var bf16Network = fp32Network.Clone();
            using (var fp32 = new NetworkTrainer(fp32Network, Sgd))
            using (var bf16 = new NetworkTrainer(bf16Network, Sgd, precision: Precision.BFloat16))
            {
                fp32.TrainStep(batch);
                bf16.TrainStep(batch);
            }

            var bf16Buffers = bf16Network.Module.named_buffers().ToDictionary(b => b.name, b => b.buffer);
            int compared = 0, updated = 0;
            foreach (var (name, expected) in fp32Network.Module.named_buffers())
            {
                using var scope = torch.NewDisposeScope();
                var actual = bf16Buffers[name];
                if (name.EndsWith("running_mean", StringComparison.Ordinal) && !actual.allclose(torch.zeros_like(actual)))
                {
                    updated++;
                }

                // Statistics of bf16 activations: within a few bf16 roundings of fp32's (measured: 0.4% of the
                // largest value; a statistic taken over the padding or in bf16 would be off by far more).
                double error = (actual - expected).abs().max().item<float>();
                double scale = expected.abs().max().item<float>() + 1e-3;
                Assert.True(error <= 0.02 * scale, $"{name}: bf16 {error:G3} away from fp32 (scale {scale:G3}), batch of {batch.Count}");
                compared++;
            }

            Assert.True(compared >= 8, $"only {compared} statistics compared");
            Assert.True(updated >= 4, $"bf16 training moved only {updated} running means off their initial zeros");
        }
    }

    [Fact]
    public void Checkpoints_after_bf16_training_are_ordinary_fp32_models()
    {
        var folder = Path.Combine(Path.GetTempPath(), "zg-mixed-" + Guid.NewGuid().ToString("N"));
        try
        {
            var batch = FixedBatch(2);
            using var network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 9);
            using var trainer = new NetworkTrainer(network, Sgd, precision: Precision.BFloat16);
            for (int i = 0; i < 4; i++)
            {
                trainer.TrainStep(batch);
            }

            var stem = Path.Combine(folder, "mixed");
            trainer.SaveCheckpoint(stem, generation: 1);
            var fp32Stem = Path.Combine(folder, "fp32");
            network.Save(fp32Stem);

            var manifest = System.Text.Json.JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(stem + ".json"))!;
            Assert.Equal("float32", manifest.Weights.Precision);
            Assert.Equal(4, manifest.TrainingSteps);
            Assert.Equal(new FileInfo(fp32Stem + ".weights").Length, new FileInfo(stem + ".weights").Length);

            using var reloaded = PolicyValueNetwork.Load(stem);
            Assert.Equal(Precision.Float32, reloaded.Precision);
            var saved = network.Module.state_dict();
            foreach (var (name, tensor) in reloaded.Module.state_dict())
            {
                Assert.True(tensor.dtype == ScalarType.Float32, $"{name} loaded as {tensor.dtype}");
                Assert.True(tensor.allclose(saved[name], rtol: 0, atol: 0), $"{name} differs from the trained master weights");
            }

            // A checkpoint resumes in either precision: optimizer state and step count as after fp32 training.
            using var resumed = new NetworkTrainer(reloaded, Sgd, step: 4);
            resumed.LoadOptimizerState(stem);
            Assert.Equal(trainer.Evaluate(batch).Total, resumed.Evaluate(batch).Total, 1e-5);
            var next = resumed.TrainStep(batch);
            Assert.True(double.IsFinite(next.Total));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, true);
            }
        }
    }

    [Fact]
    public void Only_an_fp32_network_can_be_the_master()
    {
        using var network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 1);
        network.SetPrecision(Precision.BFloat16);
        var error = Assert.Throws<ArgumentException>(() => new NetworkTrainer(network, Sgd, precision: Precision.BFloat16));
        Assert.Contains("fp32", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fp32", Precision.Float32)]
    [InlineData("Float32", Precision.Float32)]
    [InlineData("bf16", Precision.BFloat16)]
    [InlineData(" BF16 ", Precision.BFloat16)]
    [InlineData("bfloat16", Precision.BFloat16)]
    public void Training_precision_names_parse(string text, Precision expected) => Assert.Equal(expected, TrainingPrecision.Parse(text));

    [Fact]
    public void Auto_is_the_default_and_unknown_names_are_refused()
    {
        Assert.Equal(TrainingPrecision.Default, TrainingPrecision.Parse("auto"));
        var error = Assert.Throws<FormatException>(() => TrainingPrecision.Parse("fp16"));
        Assert.Contains("fp32, bf16 or auto", error.Message, StringComparison.Ordinal);
    }

    private static void AssertClose(double expected, double actual, double relative, string head) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"{head}: fp32 {expected:F5} bf16 {actual:F5}");
}
