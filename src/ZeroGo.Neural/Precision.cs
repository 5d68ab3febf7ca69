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
    public static ScalarType ToScalarType(this Precision precision) =>
        precision == Precision.BFloat16 ? ScalarType.BFloat16 : ScalarType.Float32;

    public static string ShortName(this Precision precision) => precision == Precision.BFloat16 ? "bf16" : "fp32";
}
