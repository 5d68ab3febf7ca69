using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Tests;

/// <summary>A diverging step never reaches the weights, and mixed precision is used only where it computes like fp32.</summary>
public class DivergenceTests
{
    private static readonly TrainingSettings Sgd = new() { LearningRate = 0.02, WarmupSteps = 0, Threads = 1 };

    private static TrainingBatch Batch() =>
        TrainingBatch.Build(TrainerTests.RandomGames(4, 5, 11).SelectMany(g => Enumerable.Range(0, 8).Select(i => (g, i * 2))).ToList(),
            _ => Symmetry.Identity);

    [Theory]
    [InlineData(Precision.Float32)]
    [InlineData(Precision.BFloat16)]
    public void A_step_with_a_non_finite_loss_throws_and_leaves_the_weights_and_step_count_alone(Precision precision)
    {
        var batch = Batch();
        using var network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 2);
        using var trainer = new NetworkTrainer(network, Sgd, precision: precision);
        trainer.TrainStep(batch);
        using var before = network.Clone();

        batch.Score[3] = float.NaN;   // a corrupt target, as a read of unwritten memory would give
        var error = Assert.Throws<TrainingDivergedException>(() => trainer.TrainStep(batch));
        Assert.Equal(1, error.Step);
        Assert.Equal(1, trainer.Step);
        Assert.Contains("NaN", error.Message);
        var saved = before.Module.state_dict();
        foreach (var (name, tensor) in network.Module.state_dict())
        {
            if (name.EndsWith("num_batches_tracked", StringComparison.Ordinal) || name.Contains("running_"))
            {
                continue;   // batch statistics are updated in the forward pass, before the loss is known
            }

            Assert.True(tensor.allclose(saved[name], rtol: 0, atol: 0), $"{name} changed by the diverged step");
        }
    }

    [Fact]
    public void The_mixed_precision_self_check_passes_for_shapes_with_unaligned_channels()
    {
        // b2c16: 4 global-pooling channels and 8 head channels, the shapes whose bf16 gradients were wrong
        // (update cosine 0.67) before every convolution was aligned to oneDNN's channel blocks.
        var result = MixedPrecisionCheck.Run(TrainerTests.Tiny, BoardGeometry.Get(5), Precision.BFloat16, threads: 1);
        Assert.True(result.Problem is null, $"{result.Problem}: {result.Summary}");
        Assert.True(result.UpdateCosine >= MixedPrecisionComparison.MinUpdateCosine);
    }

    private static MixedPrecisionComparison Failing(Precision precision) =>
        new(precision, new LossBreakdown(4.0, 1, 0, 0), new LossBreakdown(4.0, 1, 0, 0), 0.67);

    private static MixedPrecisionComparison Passing(Precision precision) =>
        new(precision, new LossBreakdown(4.0, 1, 0, 0), new LossBreakdown(4.001, 1, 0, 0), 0.99);

    [Fact]
    public void Auto_falls_back_to_fp32_with_one_line_when_the_self_check_fails()
    {
        var lines = new List<string>();
        var chosen = TrainingPrecision.Resolve("auto", Failing, lines.Add);
        if (TrainingPrecision.Default == Precision.Float32)
        {
            Assert.Equal(Precision.Float32, chosen);   // no native bf16: auto never asks for it
            Assert.Empty(lines);
            return;
        }

        Assert.Equal(Precision.Float32, chosen);
        var line = Assert.Single(lines);
        Assert.Contains("self-check failed", line);
        Assert.Contains("cosine 0.670", line);
        Assert.Equal(Precision.BFloat16, TrainingPrecision.Resolve("auto", Passing, lines.Add));
        Assert.Single(lines);
    }

    [Fact]
    public void An_explicit_bf16_that_fails_the_self_check_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPrecision.Resolve("bf16", Failing, _ => { }));
        Assert.Contains("refused", error.Message);
        Assert.Contains("update points elsewhere", error.Message);
        Assert.Equal(Precision.BFloat16, TrainingPrecision.Resolve("bf16", Passing, _ => { }));
        Assert.Equal(Precision.Float32, TrainingPrecision.Resolve("fp32", _ => throw new InvalidOperationException("fp32 needs no check"), _ => { }));
    }

    [Fact]
    public void A_diverged_run_names_the_step_the_loss_the_last_good_checkpoint_and_what_to_try()
    {
        var cause = new TrainingDivergedException(412, "loss is NaN (policy NaN, value 0.69, score 0.01, ownership 0.3)");
        var error = new RunDivergedException(cause, Precision.BFloat16, "/runs/r/checkpoints/step-00000400", "/runs/r/models/gen-0002");
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("step 412", error.Message);
        Assert.Contains("loss is NaN", error.Message);
        Assert.Contains("step-00000400", error.Message);
        Assert.Contains("--precision fp32", error.Message);
        Assert.Contains("resume", error.Message);
        var fp32 = new RunDivergedException(cause, Precision.Float32, null, "/runs/r/models/gen-0002");
        Assert.DoesNotContain("--precision", fp32.Message);
        Assert.Contains("gen-0002", fp32.Message);
    }
}
