using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Architecture;

/// <summary>
/// Move logits for every point and for pass, fully convolutional so one network serves every board size:
/// a 1x1 convolution gives per-point features, a globally pooled branch adds a per-channel bias (and alone
/// decides the pass logit), then a 1x1 convolution gives one logit per point. Padding gets -1e9 (zero after softmax).
/// </summary>
internal sealed class PolicyHead : nn.Module
{
    public const float MaskedLogit = -1e9f;

    private readonly AlignedConv2d _pointConv;
    private readonly AlignedConv2d _poolConv;
    private readonly MaskedBatchNorm _poolNorm;
    private readonly Linear _poolBias;
    private readonly MaskedBatchNorm _pointNorm;
    private readonly AlignedConv2d _logitConv;
    private readonly Linear _passLinear;
    private readonly long _channels;

    public PolicyHead(string name, int trunkChannels, int channels)
        : base(name)
    {
        _channels = channels;
        _pointConv = new AlignedConv2d(trunkChannels, channels, 1);
        _poolConv = new AlignedConv2d(trunkChannels, channels, 1);
        _poolNorm = new MaskedBatchNorm("pool_norm", channels);
        _poolBias = nn.Linear(3 * channels, channels, hasBias: false);
        _pointNorm = new MaskedBatchNorm("point_norm", channels);
        _logitConv = new AlignedConv2d(channels, 1, 1);
        _passLinear = nn.Linear(3 * channels, 1);
        register_module("point_conv", _pointConv);
        register_module("pool_conv", _poolConv);
        register_module("pool_norm", _poolNorm);
        register_module("pool_bias", _poolBias);
        register_module("point_norm", _pointNorm);
        register_module("logit_conv", _logitConv);
        register_module("pass_linear", _passLinear);
    }

    /// <summary>[N, C, H, W] trunk to [N, H*W + 1] fp32 logits (pass last).</summary>
    public Tensor Forward(Tensor trunk, BoardMask mask)
    {
        long n = trunk.shape[0];
        var p = _pointConv.forward(trunk);
        var g = nn.functional.relu(_poolNorm.Forward(_poolConv.forward(trunk), mask));
        var pooled = mask.Pool(g);
        p = p.add_(_poolBias.forward(pooled).view(-1, _channels, 1, 1), StableScalars.One);
        p = nn.functional.relu(_pointNorm.Forward(p, mask));
        var logits = _logitConv.forward(p).view(n, -1).to(ScalarType.Float32);
        if (mask.Mask is not null)
        {
            logits = logits.masked_fill(mask.Mask.view(n, -1).eq(StableScalars.Of(0)), StableScalars.Of(MaskedLogit));
        }

        var pass = _passLinear.forward(pooled).to(ScalarType.Float32);
        return torch.cat([logits, pass], 1);
    }
}
