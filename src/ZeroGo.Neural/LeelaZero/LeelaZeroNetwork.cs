using TorchSharp;
using TorchSharp.Modules;
using ZeroGo.Neural.Architecture;
using static TorchSharp.torch;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>
/// A Leela Zero network as a TorchSharp module (19x19 only). Input [N, 18, 19, 19] in LZ's plane order and
/// index order (row 0 at the bottom); output the 362 policy logits (LZ order, pass last) and the value head's
/// tanh output in [-1, 1] (for the side to move, or for Black in format-2 files: see
/// <see cref="LeelaZeroWeights.ValueIsForBlack"/>).
/// <para>
/// Each batch norm is folded into the convolution before it: LZ computes (conv(x) + bias - mean) * s with
/// s = 1 / sqrt(variance + 1e-5) and no learned scale or shift, which equals a convolution with weights w * s and
/// bias (bias - mean) * s. Folding is exact up to float rounding and saves a pass over every activation.
/// </para>
/// </summary>
public sealed class LeelaZeroNetwork : nn.Module<Tensor, (Tensor PolicyLogits, Tensor Value)>
{
    private readonly AlignedConv2d _input;
    private readonly ModuleList<AlignedConv2d> _tower;
    private readonly AlignedConv2d _policyConvolution;
    private readonly Linear _policyFullyConnected;
    private readonly AlignedConv2d _valueConvolution;
    private readonly Linear _valueHidden;
    private readonly Linear _valueOutput;

    public LeelaZeroNetwork(LeelaZeroWeights weights) : base(InitializedName())
    {
        Weights = weights;
        _tower = new ModuleList<AlignedConv2d>();
        _input = FoldedConvolution(weights.Input);
        foreach (var block in weights.Blocks)
        {
            _tower.Add(FoldedConvolution(block.First));
            _tower.Add(FoldedConvolution(block.Second));
        }

        _policyConvolution = FoldedConvolution(weights.PolicyConvolution);
        _policyFullyConnected = FullyConnected(
            LeelaZeroWeights.PolicyFilters * LeelaZeroWeights.Points, LeelaZeroWeights.Points + 1,
            weights.PolicyFullyConnectedWeights, weights.PolicyFullyConnectedBiases);
        _valueConvolution = FoldedConvolution(weights.ValueConvolution);
        _valueHidden = FullyConnected(
            LeelaZeroWeights.Points, LeelaZeroWeights.ValueHidden, weights.ValueHiddenWeights, weights.ValueHiddenBiases);
        _valueOutput = FullyConnected(
            LeelaZeroWeights.ValueHidden, 1, weights.ValueOutputWeights, [weights.ValueOutputBias]);
        RegisterComponents();
        eval();
    }

    public LeelaZeroWeights Weights { get; }

    public override (Tensor PolicyLogits, Tensor Value) forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(_input.forward(input));
        for (int i = 0; i < _tower.Count; i += 2)
        {
            var inner = nn.functional.relu(_tower[i].forward(x));
            x = nn.functional.relu(_tower[i + 1].forward(inner).add(x, StableScalars.One));
        }

        var policy = nn.functional.relu(_policyConvolution.forward(x)).flatten(1);
        var logits = _policyFullyConnected.forward(policy);

        var value = nn.functional.relu(_valueConvolution.forward(x)).flatten(1);
        value = nn.functional.relu(_valueHidden.forward(value));
        value = _valueOutput.forward(value).flatten().tanh();
        return (logits.MoveToOuterDisposeScope(), value.MoveToOuterDisposeScope());
    }

    /// <summary>Process-wide libtorch settings (passive OpenMP waiting) must be in place before the first module.</summary>
    private static string InitializedName()
    {
        TorchRuntime.EnsureInitialized();
        return nameof(LeelaZeroNetwork);
    }

    private static AlignedConv2d FoldedConvolution(LeelaZeroConvolution source)
    {
        // Aligned: LZ's 18 input planes and its 1- and 2-filter heads are channel counts oneDNN mishandles (AlignedConv2d).
        var convolution = new AlignedConv2d(source.Inputs, source.Outputs, source.KernelSize, bias: true);
        int perOutput = source.Inputs * source.KernelSize * source.KernelSize;
        var weights = new float[source.Weights.Length];
        var biases = new float[source.Outputs];
        for (int output = 0; output < source.Outputs; output++)
        {
            // Same float arithmetic as leelaz for the scale: 1 / sqrt(variance + epsilon).
            float scale = 1.0f / MathF.Sqrt(source.Variances[output] + LeelaZeroWeights.BatchNormEpsilon);
            for (int i = 0; i < perOutput; i++)
            {
                weights[output * perOutput + i] = source.Weights[output * perOutput + i] * scale;
            }

            biases[output] = (source.Biases[output] - source.Means[output]) * scale;
        }

        using (no_grad())
        {
            using var weightTensor = tensor(weights, [source.Outputs, source.Inputs, source.KernelSize, source.KernelSize]);
            using var biasTensor = tensor(biases, [source.Outputs]);
            convolution.Weight.copy_(weightTensor);
            convolution.Bias!.copy_(biasTensor);
        }

        return convolution;
    }

    private static Linear FullyConnected(int inputs, int outputs, float[] weights, float[] biases)
    {
        var linear = nn.Linear(inputs, outputs, hasBias: true);
        using (no_grad())
        {
            using var weightTensor = tensor(weights, [outputs, inputs]);
            using var biasTensor = tensor(biases, [outputs]);
            linear.weight!.copy_(weightTensor);
            linear.bias!.copy_(biasTensor);
        }

        return linear;
    }
}
