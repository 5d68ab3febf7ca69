using ZeroGo.Neural;

namespace ZeroGo.Training.Trainer;

/// <summary>
/// The number format a run trains in (<see cref="NetworkTrainer"/>'s precision): fp32, or mixed bf16 (bf16
/// forward and backward, fp32 master weights). Settings and command lines name it fp32, bf16 or auto.
/// </summary>
public static class TrainingPrecision
{
    /// <summary>
    /// What <c>auto</c> means: mixed bf16 where the CPU computes bf16 natively and it measured faster than fp32 on
    /// this machine (<see cref="Bf16Speed"/>), fp32 elsewhere. On one AVX-512 BF16 machine bf16 trained b6c64 on 9x9
    /// 1.6-2.2x faster than fp32; on the next CPU generation with the same flags 20 % slower (b8c64 on 19x19: 8 %
    /// slower), which is why it is measured, not assumed. Where it is chosen, its losses after 150 steps from the
    /// same weights differ from fp32's by less than fp32's own when the batches come in another order (docs/training.md).
    /// </summary>
    public static Precision Default => PrecisionExtensions.InferenceDefault;

    /// <summary>Reads fp32/float32, bf16/bfloat16 or auto (case-insensitive); throws <see cref="FormatException"/> naming the choices.</summary>
    public static Precision Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "fp32" or "float32" => Precision.Float32,
        "bf16" or "bfloat16" => Precision.BFloat16,
        "auto" => Default,
        _ => throw new FormatException($"'{text}' is not a training precision (fp32, bf16 or auto)"),
    };

    /// <summary>
    /// The precision to train in for the setting <paramref name="requested"/>, after the numerical self-check
    /// <paramref name="check"/> (<see cref="MixedPrecisionCheck"/>) where mixed precision is asked for: <c>auto</c>
    /// falls back to fp32 with one line through <paramref name="say"/> saying why; an explicit <c>bf16</c> that fails
    /// is refused (<see cref="ArgumentException"/> with the reason), never trained into NaN.
    /// </summary>
    public static Precision Resolve(string requested, Func<Precision, MixedPrecisionComparison> check, Action<string> say)
    {
        bool automatic = requested.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);
        var precision = Parse(requested);
        if (precision == Precision.Float32)
        {
            return precision;
        }

        var result = check(precision);
        if (result.Problem is not { } problem)
        {
            return precision;
        }

        string reason = $"the {precision.ShortName()} self-check failed on this machine: {problem} ({result.Summary})";
        if (!automatic)
        {
            throw new ArgumentException($"training precision {precision.ShortName()} refused: {reason}; train with --precision fp32");
        }

        say($"warning: training in fp32: {reason}");
        return Precision.Float32;
    }
}
