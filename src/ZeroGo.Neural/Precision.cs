using static TorchSharp.torch;

namespace ZeroGo.Neural;

/// <summary>Number format for inference. Training stays in fp32; bf16 halves memory traffic and uses AVX-512 BF16.</summary>
public enum Precision
{
    Float32,
    BFloat16,
}

public static class PrecisionExtensions
{
    private static readonly Lazy<bool> CpuHasBf16 = new(DetectBf16);

    /// <summary>
    /// bf16 where this CPU computes it natively (AVX-512 BF16 or AMX) and a measurement says it is faster than fp32
    /// here (<see cref="Bf16Speed"/>: 2.5-3.5x on one machine, slower on another with the same flags); its move
    /// probabilities are within 0.5 % of fp32's (docs/network.md). fp32 elsewhere.
    /// </summary>
    public static Precision InferenceDefault => Bf16Speed.Verdict.Default;

    /// <summary>Whether the CPU computes bf16 natively (AVX-512 BF16 or AMX); without it bf16 is emulated and slow.</summary>
    public static bool CpuHasNativeBf16 => CpuHasBf16.Value;

    public static ScalarType ToScalarType(this Precision precision) =>
        precision == Precision.BFloat16 ? ScalarType.BFloat16 : ScalarType.Float32;

    public static string ShortName(this Precision precision) => precision == Precision.BFloat16 ? "bf16" : "fp32";

    private static bool DetectBf16()
    {
        try
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/proc/cpuinfo"))
            {
                return false;
            }

            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("flags", StringComparison.Ordinal))
                {
                    var flags = line.Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries);
                    return flags.Contains("avx512_bf16") || flags.Contains("amx_bf16");
                }
            }
        }
        catch (IOException)
        {
        }

        return false;
    }
}
