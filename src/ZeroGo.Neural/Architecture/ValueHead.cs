using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Architecture;

/// <summary>
/// Win/loss/draw logits and score lead from globally pooled features, and per-point ownership from the same
/// 1x1-convolved features before pooling. All from the side to move's point of view.
/// </summary>
internal sealed class ValueHead : nn.Module
{
    /// <summary>The score output is learned in units of this many points (keeps the raw output near 1).</summary>
    public const float ScoreScale = 20f;

    private readonly AlignedConv2d _conv;
    private readonly MaskedBatchNorm _norm;
    private readonly Linear _hidden;
    private readonly Linear _outcome;
    private readonly Linear _score;
    private readonly AlignedConv2d _ownership;

    public ValueHead(string name, int trunkChannels, int channels, int hidden)
        : base(name)
    {
        _conv = new AlignedConv2d(trunkChannels, channels, 1);
        _norm = new MaskedBatchNorm("norm", channels);
        _hidden = nn.Linear(3 * channels, hidden);
        _outcome = nn.Linear(hidden, 3);
        _score = nn.Linear(hidden, 1);
        _ownership = new AlignedConv2d(channels, 1, 1);
        register_module("conv", _conv);
        register_module("norm", _norm);
        register_module("hidden", _hidden);
        register_module("outcome", _outcome);
        register_module("score", _score);
        register_module("ownership", _ownership);
    }

    /// <summary>Returns fp32 (outcome logits [N, 3] as win/loss/draw, score lead [N] in points, ownership [N, H, W]).</summary>
    public (Tensor Outcome, Tensor Score, Tensor Ownership) Forward(Tensor trunk, BoardMask mask)
    {
        var v = nn.functional.relu(_norm.Forward(_conv.forward(trunk), mask));
        var h = nn.functional.relu(_hidden.forward(mask.Pool(v)));
        var outcome = _outcome.forward(h).to(ScalarType.Float32);
        var score = _score.forward(h).squeeze(1).to(ScalarType.Float32).mul_(StableScalars.Of(ScoreScale));
        var ownership = mask.Apply(torch.tanh(_ownership.forward(v))).squeeze(1).to(ScalarType.Float32);
        return (outcome, score, ownership);
    }
}
