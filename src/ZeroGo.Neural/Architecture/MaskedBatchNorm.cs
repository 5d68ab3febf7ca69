using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Architecture;

/// <summary>
/// Batch norm whose training statistics count on-board points only (a batch mixing 9x9 and 19x19 boards would
/// otherwise learn the padding's zeros), followed by the board mask. Inference uses the running statistics
/// through libtorch's fused kernel. State names match PyTorch's BatchNorm2d (weight, bias, running_mean, running_var).
/// </summary>
internal sealed class MaskedBatchNorm : nn.Module
{
    private const double Momentum = 0.1;
    private const double Epsilon = 1e-5;

    public MaskedBatchNorm(string name, long channels)
        : base(name)
    {
        register_parameter("weight", new Parameter(torch.ones(channels)));
        register_parameter("bias", new Parameter(torch.zeros(channels)));
        register_buffer("running_mean", torch.zeros(channels));
        register_buffer("running_var", torch.ones(channels));
    }

    public Tensor Forward(Tensor x, BoardMask mask)
    {
        if (!training || mask.Mask is null)
        {
            var normalized = nn.functional.batch_norm(x, RunningMean, RunningVariance, Weight, Bias, training, Momentum, Epsilon);
            return mask.Apply(normalized);
        }

        if (x.dtype != ScalarType.Float32)
        {
            // Mixed precision: statistics in fp32 (a bf16 sum over a batch of boards would round the count and
            // the mean), output back in the activations' type for the next layer.
            return Forward(x.to(ScalarType.Float32), mask).to(x.dtype);
        }

        var onBoard = mask.Mask.to(ScalarType.Float32);
        var count = onBoard.sum();
        var mean = x.mul(onBoard).sum([0, 2, 3]).div(count);
        var centered = x.sub(mean.view(1, -1, 1, 1)).mul_(onBoard);
        var variance = centered.square().sum([0, 2, 3]).div(count);
        using (torch.no_grad())
        {
            // Unbiased variance for the running estimate, as PyTorch's BatchNorm does.
            float n = count.item<float>();
            using var unbiased = (n / Math.Max(1, n - 1)).ToScalar();
            RunningMean.mul_(StableScalars.Of(1 - Momentum)).add_(mean.detach(), StableScalars.Of(Momentum));
            RunningVariance.mul_(StableScalars.Of(1 - Momentum)).add_(variance.detach().mul(unbiased), StableScalars.Of(Momentum));
        }

        var scale = variance.add(StableScalars.Of(Epsilon)).rsqrt().mul(Weight);
        return centered.mul(scale.view(1, -1, 1, 1)).add_(Bias.view(1, -1, 1, 1), StableScalars.One).mul_(onBoard);
    }

    // The registered tensors may be replaced when the module moves device or precision: read them by name.
    private Tensor Weight => get_parameter("weight")!;

    private Tensor Bias => get_parameter("bias")!;

    private Tensor RunningMean => get_buffer("running_mean")!;

    private Tensor RunningVariance => get_buffer("running_var")!;
}
