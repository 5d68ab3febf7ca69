using System.Text.Json;
using TorchSharp;
using ZeroGo.Neural;
using ZeroGo.Neural.Optimizers;
using ZeroGo.Training.Runs;
using static TorchSharp.torch;

namespace ZeroGo.Training.Trainer;

/// <summary>Losses of one step (or an average over steps), per head, as they enter the total (weights applied).</summary>
public readonly record struct LossBreakdown(double Policy, double Value, double Score, double Ownership)
{
    public double Total => Policy + Value + Score + Ownership;
}

/// <summary>
/// Trains a <see cref="PolicyValueNetwork"/> (fp32, or mixed precision: see <see cref="Precision"/>): SGD with momentum (or AdamW) with weight decay, a learning
/// rate with linear warm-up and step decay, losses per head (policy cross-entropy against the search's visit
/// distribution, win/loss/draw cross-entropy, score Huber, ownership squared error; each averaged over the
/// samples whose target counts, so a batch of mostly cheap searches still reports a per-sample policy loss),
/// and checkpoints that hold
/// the weights, the optimiser's state and the step count. Not thread-safe.
/// <para>
/// Mixed precision (<see cref="Neural.Precision.BFloat16"/>): the network given stays fp32 and is the master (the
/// optimiser, its state, weight decay and checkpoints all work on it, unchanged); a bf16 working copy
/// (<see cref="MixedPrecisionCopy"/>) takes its weights before every step, runs the forward and backward pass
/// with bf16 convolutions and fp32 batch norms, and hands back fp32 gradients and the running statistics. Losses
/// are computed in fp32 (the heads cast their outputs). <see cref="Evaluate"/> always measures the fp32 master.
/// </para>
/// </summary>
public sealed class NetworkTrainer : IDisposable
{
    /// <summary>Score targets are divided by this before the Huber loss (points → about ±1).</summary>
    public const double ScoreScale = 10.0;

    private static readonly Scalar One = StableScalars.Of(1);

    private readonly TrainingSettings _settings;
    private readonly KeptScalarOptimizer _optimizer;
    private readonly MixedPrecisionCopy? _mixed;

    /// <param name="precision">
    /// Float32, or BFloat16 for mixed precision (the network itself must be fp32: it stays the master copy).
    /// </param>
    public NetworkTrainer(PolicyValueNetwork network, TrainingSettings settings, long step = 0, Precision precision = Precision.Float32)
    {
        if (network.Precision != Precision.Float32)
        {
            throw new ArgumentException($"train an fp32 network ({network.Description} given); mixed precision keeps it as the fp32 master", nameof(network));
        }

        Network = network;
        _settings = settings;
        Step = step;
        Precision = precision;
        _mixed = precision == Precision.Float32 ? null : new MixedPrecisionCopy(network, precision);
        if (settings.Threads > 0)
        {
            torch.set_num_threads(settings.Threads);
        }

        var parameters = network.Module.parameters();
        // Not TorchSharp's optim.SGD/AdamW: their step() hands libtorch numbers the finalizer may free mid-call.
        _optimizer = settings.Optimizer == OptimizerKind.AdamW
            ? new AdamW(parameters, settings.LearningRate, settings.WeightDecay)
            : new SgdMomentum(parameters, settings.LearningRate, settings.Momentum, settings.WeightDecay);
    }

    /// <summary>The network being trained (the caller keeps ownership).</summary>
    public PolicyValueNetwork Network { get; }

    /// <summary>The number format of the forward and backward pass (the weights are always fp32).</summary>
    public Precision Precision { get; }

    /// <summary>Optimiser steps taken over the whole run.</summary>
    public long Step { get; private set; }

    /// <summary>The learning rate at <paramref name="step"/>: linear warm-up, then the base rate, decayed in steps.</summary>
    public static double LearningRateAt(long step, TrainingSettings settings)
    {
        double rate = settings.LearningRate;
        if (settings.WarmupSteps > 0 && step < settings.WarmupSteps)
        {
            rate *= (step + 1.0) / settings.WarmupSteps;
        }

        if (settings.LearningRateDecayAfterSteps > 0)
        {
            rate *= Math.Pow(settings.LearningRateDecay, step / settings.LearningRateDecayAfterSteps);
        }

        return rate;
    }

    /// <summary>One optimiser step on <paramref name="batch"/>; returns its losses.</summary>
    public LossBreakdown TrainStep(TrainingBatch batch)
    {
        double rate = LearningRateAt(Step, _settings);
        _optimizer.LearningRate = rate;

        using var scope = torch.NewDisposeScope();
        LossBreakdown parts;
        if (_mixed is null)
        {
            Network.Module.train();
            _optimizer.ZeroGrad();
            var (loss, fp32Parts) = ComputeLoss(Network, batch);
            loss.backward();
            parts = fp32Parts;
        }
        else
        {
            _mixed.TakeMasterWeights();
            _mixed.Working.Module.train();
            var (loss, mixedParts) = ComputeLoss(_mixed.Working, batch);
            loss.backward();
            _mixed.GiveBackGradientsAndStatistics();
            parts = mixedParts;
        }

        ThrowIfGradientsAreNotFinite(parts);
        _optimizer.Step();
        Step++;
        return parts;
    }

    /// <summary>Losses on <paramref name="batch"/> without training (eval mode, no gradients).</summary>
    public LossBreakdown Evaluate(TrainingBatch batch)
    {
        Network.Module.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return ComputeLoss(Network, batch).Parts;
    }

    private (Tensor Loss, LossBreakdown Parts) ComputeLoss(PolicyValueNetwork network, TrainingBatch batch)
    {
        var device = network.Device;
        int n = batch.Count;
        var (spatial, global) = batch.Features.ToTensors(device, network.Precision.ToScalarType());
        var output = network.Forward(spatial, global);
        long gridArea = (long)batch.Features.GridWidth * batch.Features.GridHeight;

        var policyTarget = torch.tensor(batch.Policy, [n, gridArea + 1]).to(device);
        var policyWeight = torch.tensor(batch.PolicyWeight, [n]).to(device);
        var outcomeTarget = torch.tensor(batch.Outcome, [n, 3]).to(device);
        var valueWeight = torch.tensor(batch.ValueWeight, [n]).to(device);
        var scoreTarget = torch.tensor(batch.Score, [n]).to(device);
        var ownershipTarget = torch.tensor(batch.Ownership, [n, gridArea]).to(device);
        var scoreWeight = torch.tensor(batch.ScoreWeight, [n]).to(device);
        var boardPoints = torch.tensor(batch.BoardPoints, [n]).to(device);

        // Padding holds -1e9 logits; log_softmax gives them ~-1e9 but their target is 0, so 0 * big = 0 (no NaN).
        var logPolicy = nn.functional.log_softmax(output.PolicyLogits, 1);
        var policyPerSample = -(policyTarget * logPolicy).sum(1);
        var policyLoss = (policyPerSample * policyWeight).sum() / policyWeight.sum().clamp_min(One);

        var logOutcome = nn.functional.log_softmax(output.OutcomeLogits, 1);
        var valuePerSample = -(outcomeTarget * logOutcome).sum(1);
        var valueLoss = (valuePerSample * valueWeight).sum() / valueWeight.sum().clamp_min(One);

        var scoreError = nn.functional.smooth_l1_loss(output.ScoreLead / StableScalars.Of(ScoreScale), scoreTarget / StableScalars.Of(ScoreScale), reduction: nn.Reduction.None);
        var scoreLoss = (scoreError * scoreWeight).sum() / scoreWeight.sum().clamp_min(One);

        var ownershipError = (output.Ownership.reshape(n, gridArea) - ownershipTarget).square().sum(1) / boardPoints;
        var ownershipLoss = (ownershipError * scoreWeight).sum() / scoreWeight.sum().clamp_min(One);

        // add with a kept alpha: Tensor + Tensor makes a Scalar 1 that the finalizer may free mid-call (StableScalars).
        var total = (policyLoss * StableScalars.Of(_settings.PolicyWeight))
            .add(valueLoss, StableScalars.Of(_settings.ValueWeight))
            .add(scoreLoss, StableScalars.Of(_settings.ScoreWeight))
            .add(ownershipLoss, StableScalars.Of(_settings.OwnershipWeight));
        var parts = new LossBreakdown(
            policyLoss.item<float>() * _settings.PolicyWeight,
            valueLoss.item<float>() * _settings.ValueWeight,
            scoreLoss.item<float>() * _settings.ScoreWeight,
            ownershipLoss.item<float>() * _settings.OwnershipWeight);
        if (!double.IsFinite(parts.Total))
        {
            throw new TrainingDivergedException(Step, $"loss is {Describe(parts)}");
        }

        return (total, parts);
    }

    /// <summary>
    /// A finite loss can still come with NaN or infinite gradients (a kernel that reads memory it never wrote did
    /// exactly that: docs/training.md). Checked before the optimiser step, so a bad step never reaches the weights;
    /// one sum over all gradients costs a single synchronisation per step.
    /// </summary>
    private void ThrowIfGradientsAreNotFinite(LossBreakdown parts)
    {
        using var scope = torch.NewDisposeScope();
        var sums = Network.Module.parameters().Select(p => p.grad).OfType<Tensor>().Select(g => g.abs().sum().to(ScalarType.Float32)).ToList();
        if (sums.Count == 0)
        {
            return;
        }

        double total = torch.stack(sums).sum().item<float>();
        if (!double.IsFinite(total))
        {
            var bad = Network.Module.named_parameters()
                .Where(p => p.parameter.grad is { } g && !torch.isfinite(g).all().item<bool>())
                .Select(p => p.name).ToList();
            string names = bad.Count == 0 ? "their sum overflows" : string.Join(", ", bad.Take(3)) + (bad.Count > 3 ? $" and {bad.Count - 3} more" : "");
            throw new TrainingDivergedException(Step, $"gradients are not finite ({names}) although the loss is {Describe(parts)}");
        }
    }

    private static string Describe(LossBreakdown parts) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{parts.Total:G4} (policy {parts.Policy:G4}, value {parts.Value:G4}, score {parts.Score:G4}, ownership {parts.Ownership:G4})");

    /// <summary>
    /// Saves a checkpoint: STEM.weights/.json (the network, readable as a model), STEM.optimizer (optimiser state)
    /// and STEM.state.json (step count), the last written last, so a checkpoint counts only when that file exists.
    /// </summary>
    public void SaveCheckpoint(string stem, int generation)
    {
        Network.Save(stem, Network.Info with { TrainingSteps = Step });
        _optimizer.Save(stem + ".optimizer");
        var state = new CheckpointState(Step, generation, DateTimeOffset.UtcNow);
        AtomicFile.WriteAllText(stem + ".state.json", JsonSerializer.Serialize(state));
    }

    /// <summary>
    /// Restores the optimiser state saved with a checkpoint (the network is loaded separately). A state of another
    /// format or for another network throws <see cref="InvalidDataException"/>; callers restart momentum then.
    /// </summary>
    public void LoadOptimizerState(string stem) => _optimizer.Load(stem + ".optimizer");

    public void Dispose()
    {
        _optimizer.Dispose();
        _mixed?.Dispose();
    }
}

/// <summary>The small record that marks a checkpoint complete.</summary>
public sealed record CheckpointState(long Step, int Generation, DateTimeOffset Saved);
