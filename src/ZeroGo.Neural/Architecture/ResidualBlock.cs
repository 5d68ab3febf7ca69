using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Architecture;

/// <summary>
/// A pre-activation residual block: x + conv(relu(bn(conv(relu(bn(x)))))). With global pooling (KataGo style)
/// a second branch convolves the same activations into a few channels, pools them over the board (mean, scaled
/// mean, max) and adds a learned per-channel bias to the first convolution's output: the block can then react
/// to whole-board facts (who is ahead, is there a ko anywhere) that 3x3 convolutions would need many layers to see.
/// </summary>
internal sealed class ResidualBlock : nn.Module
{
    private readonly MaskedBatchNorm _norm1;
    private readonly AlignedConv2d _conv1;
    private readonly MaskedBatchNorm _norm2;
    private readonly AlignedConv2d _conv2;
    private readonly AlignedConv2d? _poolConv;
    private readonly MaskedBatchNorm? _poolNorm;
    private readonly Linear? _poolBias;
    private readonly long _channels;

    public ResidualBlock(string name, int channels, int poolingChannels)
        : base(name)
    {
        _channels = channels;
        _norm1 = new MaskedBatchNorm("norm1", channels);
        _conv1 = new AlignedConv2d(channels, channels, 3);
        _norm2 = new MaskedBatchNorm("norm2", channels);
        _conv2 = new AlignedConv2d(channels, channels, 3);
        register_module("norm1", _norm1);
        register_module("conv1", _conv1);
        if (poolingChannels > 0)
        {
            _poolConv = new AlignedConv2d(channels, poolingChannels, 3);
            _poolNorm = new MaskedBatchNorm("pool_norm", poolingChannels);
            _poolBias = nn.Linear(3 * poolingChannels, channels, hasBias: false);
            register_module("pool_conv", _poolConv);
            register_module("pool_norm", _poolNorm);
            register_module("pool_bias", _poolBias);
        }

        register_module("norm2", _norm2);
        register_module("conv2", _conv2);
    }

    public bool HasGlobalPooling => _poolConv is not null;

    /// <summary>Zeroes the branch's last convolution: the block then passes its input through unchanged.</summary>
    public void SilenceResidualBranch()
    {
        using var noGrad = torch.no_grad();
        foreach (var parameter in _conv2.parameters())
        {
            parameter.zero_();
        }
    }

    public Tensor Forward(Tensor x, BoardMask mask)
    {
        var a = nn.functional.relu(_norm1.Forward(x, mask));
        var r = _conv1.forward(a);
        if (_poolConv is not null)
        {
            var g = nn.functional.relu(_poolNorm!.Forward(_poolConv.forward(a), mask));
            var bias = _poolBias!.forward(mask.Pool(g));
            r = r.add_(bias.view(-1, _channels, 1, 1), StableScalars.One);
        }

        var b = nn.functional.relu(_norm2.Forward(r, mask));
        // The stream may carry values into the padding next to a board's edge; every reader (the next block's
        // batch norm, the heads, the activation read-out) masks, so no extra multiplication is needed here.
        return x.add(_conv2.forward(b), StableScalars.One);
    }
}
