using TorchSharp;
using TorchSharp.Modules;
using ZeroGo.Neural.Features;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Architecture;

/// <summary>
/// The TorchSharp module: input convolution plus a bias from the global features, a tower of pre-activation
/// residual blocks, a final batch norm, then the policy and value heads. Inputs are
/// <see cref="FeatureEncoder"/> planes [N, planes, H, W] (plane 0 = on-board mask) and global features [N, G].
/// </summary>
internal sealed class ResidualNetwork : nn.Module
{
    private readonly AlignedConv2d _inputConv;
    private readonly Linear _globalInput;
    private readonly ModuleList<ResidualBlock> _blocks;
    private readonly MaskedBatchNorm _trunkNorm;
    private readonly PolicyHead _policy;
    private readonly ValueHead _value;
    private readonly long _channels;

    public ResidualNetwork(NetworkConfig config)
        : base("zerogo")
    {
        config.Validate();
        _channels = config.Channels;
        _inputConv = new AlignedConv2d(FeatureEncoder.SpatialPlanes, config.Channels, 3);
        _globalInput = nn.Linear(FeatureEncoder.GlobalFeatures, config.Channels, hasBias: false);
        _blocks = new ModuleList<ResidualBlock>();
        for (int i = 0; i < config.Blocks; i++)
        {
            _blocks.Add(new ResidualBlock($"block{i}", config.Channels,
                config.HasGlobalPooling(i) ? config.EffectiveGlobalPoolingChannels : 0));
        }

        _trunkNorm = new MaskedBatchNorm("trunk_norm", config.Channels);
        _policy = new PolicyHead("policy", config.Channels, config.PolicyChannels);
        _value = new ValueHead("value", config.Channels, config.ValueChannels, config.ValueHidden);
        register_module("input_conv", _inputConv);
        register_module("global_input", _globalInput);
        register_module("blocks", _blocks);
        register_module("trunk_norm", _trunkNorm);
        register_module("policy", _policy);
        register_module("value", _value);
    }

    /// <summary>The residual tower, first block first.</summary>
    public IEnumerable<ResidualBlock> Blocks => _blocks;

    /// <summary>
    /// Runs the network. When <paramref name="blockOutputs"/> is given, the residual stream after each block
    /// (masked, [N, C, H, W]) is appended to it for the caller to read and dispose.
    /// </summary>
    public NetworkOutput Forward(Tensor spatial, Tensor global, List<Tensor>? blockOutputs = null)
    {
        var mask = BoardMask.FromInput(spatial);
        var x = _inputConv.forward(spatial).add_(_globalInput.forward(global).view(-1, _channels, 1, 1), StableScalars.One);
        x = mask.Apply(x);
        foreach (var block in _blocks)
        {
            x = block.Forward(x, mask);
            blockOutputs?.Add(mask.Apply(x));
        }

        var trunk = nn.functional.relu(_trunkNorm.Forward(x, mask));
        var policy = _policy.Forward(trunk, mask);
        var (outcome, score, ownership) = _value.Forward(trunk, mask);
        return new NetworkOutput(policy, outcome, score, ownership);
    }
}
