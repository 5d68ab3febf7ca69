using ZeroGo.Cli.Verbs;
using ZeroGo.Neural;

namespace ZeroGo.Cli.Tests;

/// <summary><c>--precision</c> of gtp and analysis: auto (the default) is the machine's measured choice on the CPU.</summary>
public sealed class PrecisionOptionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    public void Auto_is_the_measured_default_on_the_cpu_and_bf16_on_cuda(string? text)
    {
        Assert.Equal(PrecisionExtensions.InferenceDefault, GtpVerbOptions.ParsePrecision(text, ComputeDevice.Cpu));
        Assert.Equal(Precision.BFloat16, GtpVerbOptions.ParsePrecision(text, ComputeDevice.Cuda));
    }

    [Fact]
    public void A_named_precision_is_taken_as_it_is_and_anything_else_is_refused()
    {
        Assert.Equal(Precision.BFloat16, GtpVerbOptions.ParsePrecision("bf16", ComputeDevice.Cpu));
        Assert.Equal(Precision.Float32, GtpVerbOptions.ParsePrecision("fp32", ComputeDevice.Cuda));
        var refused = Assert.Throws<ArgumentException>(() => GtpVerbOptions.ParsePrecision("half", ComputeDevice.Cpu));
        Assert.Contains("use auto, bf16 or fp32", refused.Message, StringComparison.Ordinal);
    }
}
