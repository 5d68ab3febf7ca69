using TorchSharp;
using ZeroGo.Neural;
using static TorchSharp.torch;

namespace ZeroGo.Training.Trainer;

/// <summary>
/// The bf16 working copy of a network for mixed-precision training (TorchSharp has no autocast). The fp32
/// network stays the master: it holds the weights the optimiser updates, the optimiser's state and what
/// checkpoints save. Each step the copy takes the master's weights (cast to bf16) and batch-norm statistics,
/// runs the forward and backward pass, then hands its gradients back to the master as fp32 and its updated
/// running statistics back as they are (the copy keeps batch norms in fp32, see
/// <see cref="PolicyValueNetwork.CloneForMixedPrecision"/>). bf16 has fp32's exponent range, so unlike fp16
/// no loss scaling is needed: gradients do not underflow.
/// </summary>
internal sealed class MixedPrecisionCopy : IDisposable
{
    private readonly (Tensor Master, Tensor Working)[] _parameters;
    private readonly (Tensor Master, Tensor Working)[] _buffers;

    public MixedPrecisionCopy(PolicyValueNetwork master, Precision precision)
    {
        Master = master;
        Working = master.CloneForMixedPrecision(precision);
        _parameters = Pair(Named(master.Module.named_parameters()), Named(Working.Module.named_parameters()));
        _buffers = Pair(Named(master.Module.named_buffers()), Named(Working.Module.named_buffers()));
    }

    public PolicyValueNetwork Master { get; }

    /// <summary>The network to run forward and backward (bf16 convolutions, fp32 batch norms).</summary>
    public PolicyValueNetwork Working { get; }

    /// <summary>Copies the master's weights and statistics into the working copy (casting) and clears its gradients.</summary>
    public void TakeMasterWeights()
    {
        using var noGrad = torch.no_grad();
        foreach (var (master, working) in _parameters)
        {
            working.copy_(master);
        }

        foreach (var (master, working) in _buffers)
        {
            working.copy_(master);
        }

        Working.Module.zero_grad();
    }

    /// <summary>
    /// After the backward pass: the working copy's gradients become the master's (fp32; overwritten, not added,
    /// so the master needs no zero_grad) and its running statistics replace the master's.
    /// </summary>
    public void GiveBackGradientsAndStatistics()
    {
        using var noGrad = torch.no_grad();
        foreach (var (master, working) in _parameters)
        {
            using var gradient = working.grad;
            if (gradient is null)
            {
                // A parameter the loss does not reach: no gradient, as in fp32 training.
                master.grad = null;
                continue;
            }

            using var existing = master.grad;
            if (existing is null)
            {
                master.grad = gradient.to(ScalarType.Float32, copy: true).detach();
            }
            else
            {
                existing.copy_(gradient);
            }
        }

        foreach (var (master, working) in _buffers)
        {
            master.copy_(working);
        }
    }

    public void Dispose() => Working.Dispose();

    private static IEnumerable<(string Name, Tensor Tensor)> Named<T>(IEnumerable<(string, T)> tensors)
        where T : Tensor => tensors.Select(t => (t.Item1, (Tensor)t.Item2));

    private static (Tensor, Tensor)[] Pair(IEnumerable<(string Name, Tensor Tensor)> master, IEnumerable<(string Name, Tensor Tensor)> working)
    {
        var byName = working.ToDictionary(p => p.Name, p => p.Tensor);
        var pairs = master.Select(p => byName.TryGetValue(p.Name, out var w)
            ? (p.Tensor, w)
            : throw new InvalidOperationException($"the working copy lacks {p.Name}")).ToArray();
        if (pairs.Length != byName.Count)
        {
            throw new InvalidOperationException($"the working copy has {byName.Count} tensors, the master {pairs.Length}");
        }

        return pairs;
    }
}
