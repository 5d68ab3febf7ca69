using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Tests;

/// <summary>The run's training precision setting: auto for new runs, fp32 for configs written before it existed.</summary>
public class RunPrecisionTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(19)]
    public void NewRunsTrainInTheMeasuredDefault(int size)
    {
        var config = RunConfig.ForSize(size);
        Assert.Equal("auto", config.Training.Precision);
        config.Validate();
    }

    [Fact]
    public void AConfigWithoutTheSettingResumesInFp32()
    {
        var json = RunConfig.ForSize(9).ToJson().Replace("\"precision\": \"auto\",", "");
        Assert.DoesNotContain("precision", json);
        Assert.Equal("fp32", RunConfig.FromJson(json).Training.Precision);
    }

    [Fact]
    public void AnUnknownPrecisionIsRefusedNamingTheChoices()
    {
        var config = RunConfig.ForSize(7) with { Training = RunConfig.ForSize(7).Training with { Precision = "fp8" } };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("training.precision", error.Message);
        Assert.Contains("fp32, bf16 or auto", error.Message);
    }
}
