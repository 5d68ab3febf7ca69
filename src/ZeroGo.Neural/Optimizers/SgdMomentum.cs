using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace ZeroGo.Neural.Optimizers;

/// <summary>
/// SGD with heavy-ball momentum and L2 weight decay, as PyTorch's <c>optim.SGD</c> computes it (no dampening, not
/// Nesterov): <c>buffer = momentum·buffer + grad + decay·w; w −= rate·buffer</c>. A zero buffer gives the same
/// first step as PyTorch's buffer initialised to the first gradient.
/// </summary>
public sealed class SgdMomentum : KeptScalarOptimizer
{
    private readonly Scalar _momentum;
    private readonly Scalar _weightDecay;
    private readonly bool _decays;
    private readonly Tensor[] _buffers;

    public SgdMomentum(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay)
        : base(parameters, learningRate)
    {
        if (momentum is < 0 or >= 1 || weightDecay < 0)
        {
            throw new ArgumentException($"momentum must be in [0, 1) and weight decay ≥ 0 (given {momentum}, {weightDecay})");
        }

        _momentum = StableScalars.Of(momentum);
        _weightDecay = StableScalars.Of(weightDecay);
        _decays = weightDecay > 0;
        _buffers = Parameters.Select((p, i) => NewState(p, $"momentum {i}")).ToArray();
    }

    public override string Kind => "sgd";

    protected override void Update()
    {
        using var minusRate = (-LearningRate).ToScalar();
        for (int i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (parameter.grad is not { } gradient)
            {
                continue;
            }

            var buffer = _buffers[i];
            buffer.mul_(_momentum).add_(gradient, StableScalars.One);
            if (_decays)
            {
                buffer.add_(parameter, _weightDecay);
            }

            parameter.add_(buffer, minusRate);
        }
    }
}
