using ZeroGo.Neural;

namespace ZeroGo.Training.Trainer;

/// <summary>
/// The number format a run trains in (<see cref="NetworkTrainer"/>'s precision): fp32, or mixed bf16 (bf16
/// forward and backward, fp32 master weights). Settings and command lines name it fp32, bf16 or auto.
/// </summary>
public static class TrainingPrecision
{
    /// <summary>
    /// What <c>auto</c> means: fp32 until mixed bf16 is shown to reach the same losses at clearly higher speed
    /// (<c>zerogo bench train</c>; figures in docs/training.md).
    /// </summary>
    public static Precision Default => Precision.Float32;

    /// <summary>Reads fp32/float32, bf16/bfloat16 or auto (case-insensitive); throws <see cref="FormatException"/> naming the choices.</summary>
    public static Precision Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "fp32" or "float32" => Precision.Float32,
        "bf16" or "bfloat16" => Precision.BFloat16,
        "auto" => Default,
        _ => throw new FormatException($"'{text}' is not a training precision (fp32, bf16 or auto)"),
    };
}
