using static TorchSharp.torch;

namespace ZeroGo.Neural;

/// <summary>
/// What the network computes for a batch, all fp32 and from the side to move's point of view. Indices follow
/// the padded grid of the input (row-major, H x W); the caller disposes the tensors.
/// </summary>
/// <param name="PolicyLogits">[N, H*W + 1]: one logit per grid point, pass last; padding holds -1e9.</param>
/// <param name="OutcomeLogits">[N, 3]: win, loss, draw logits for the side to move.</param>
/// <param name="ScoreLead">[N]: expected final score lead of the side to move, in points.</param>
/// <param name="Ownership">[N, H, W]: tanh ownership, +1 = side to move owns the point; 0 in padding.</param>
public sealed record NetworkOutput(Tensor PolicyLogits, Tensor OutcomeLogits, Tensor ScoreLead, Tensor Ownership) : IDisposable
{
    public const int Win = 0;
    public const int Loss = 1;
    public const int Draw = 2;

    public void Dispose()
    {
        PolicyLogits.Dispose();
        OutcomeLogits.Dispose();
        ScoreLead.Dispose();
        Ownership.Dispose();
    }
}
