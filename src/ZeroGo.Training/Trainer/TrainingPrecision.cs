using ZeroGo.Neural;

namespace ZeroGo.Training.Trainer;

/// <summary>
/// The number format a run trains in (<see cref="NetworkTrainer"/>'s precision): fp32, or mixed bf16 (bf16
/// forward and backward, fp32 master weights). Settings and command lines name it fp32, bf16 or auto.
/// </summary>
public static class TrainingPrecision
{
    /// <summary>
    /// What <c>auto</c> means: fp32. Measured on this project's 2-core AVX-512 BF16 machine (docs/training.md), mixed
    /// bf16 trains b6c64 on 9x9 to the same losses but not clearly faster once the copy to and from the working
    /// network and the fp32 batch norms are paid for, so it stays an option.
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
