using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace ZeroGo.Neural.Optimizers;

/// <summary>
/// Adam with decoupled weight decay, as PyTorch's <c>optim.AdamW</c> computes it (β = 0.9, 0.999; ε = 1e-8; no
/// AMSGrad): <c>w ·= 1 − rate·decay</c>, then the bias-corrected first moment over the root of the second.
/// </summary>
public sealed class AdamW : KeptScalarOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private static readonly Scalar KeepFirst = StableScalars.Of(Beta1);
    private static readonly Scalar AddFirst = StableScalars.Of(1 - Beta1);
    private static readonly Scalar KeepSecond = StableScalars.Of(Beta2);
    private static readonly Scalar AddSecond = StableScalars.Of(1 - Beta2);
    private static readonly Scalar EpsilonScalar = StableScalars.Of(Epsilon);

    private readonly double _weightDecay;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;

    public AdamW(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
        : base(parameters, learningRate)
    {
        if (weightDecay < 0)
        {
            throw new ArgumentException($"weight decay must be ≥ 0 (given {weightDecay})", nameof(weightDecay));
        }

        _weightDecay = weightDecay;
        _firstMoments = Parameters.Select((p, i) => NewState(p, $"first moment {i}")).ToArray();
        _secondMoments = Parameters.Select((p, i) => NewState(p, $"second moment {i}")).ToArray();
    }

    public override string Kind => "adamw";

    protected override void Update()
    {
        double firstCorrection = 1 - Math.Pow(Beta1, StepsTaken);
        double secondCorrection = 1 - Math.Pow(Beta2, StepsTaken);
        using var shrink = (1 - LearningRate * _weightDecay).ToScalar();
        using var minusStepSize = (-LearningRate / firstCorrection).ToScalar();
        using var secondScale = (1 / Math.Sqrt(secondCorrection)).ToScalar();
        for (int i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (parameter.grad is not { } gradient)
            {
                continue;
            }

            parameter.mul_(shrink);
            _firstMoments[i].mul_(KeepFirst).add_(gradient, AddFirst);
            _secondMoments[i].mul_(KeepSecond).addcmul_(gradient, gradient, AddSecond);
            var denominator = _secondMoments[i].sqrt().mul_(secondScale).add_(EpsilonScalar);
            parameter.addcdiv_(_firstMoments[i], denominator, minusStepSize);
        }
    }
}
