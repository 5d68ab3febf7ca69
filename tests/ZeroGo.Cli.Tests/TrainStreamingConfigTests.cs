using ZeroGo.Cli.Verbs;
using ZeroGo.Training.Runs;

namespace ZeroGo.Cli.Tests;

/// <summary>
/// A streamed supervised run keeps the value weight it was created with when a later command (a restart, a resume
/// after Ctrl-C) gives none: it once fell back to the human-game default of 0.25 on every resume.
/// </summary>
public sealed class TrainStreamingConfigTests
{
    private static TrainStreaming.Request Request(string source, double? valueWeight) =>
        new(source, null, 1, 1, 8, null, null, null, null, valueWeight, "fp32", 1, null, 20, 30, null);

    [Fact]
    public void A_resume_without_value_weight_keeps_the_runs_own()
    {
        using var folder = new TempFolder();
        string source = Directory.CreateDirectory(folder.File("kifu")).FullName;
        var run = new RunDirectory(folder.File("run"));

        var created = TrainStreaming.ConfigFor(run, Request(source, 1.0), source);
        var resumed = TrainStreaming.ConfigFor(run, Request(source, null), source);
        var overridden = TrainStreaming.ConfigFor(run, Request(source, 0.5), source);

        Assert.Equal(1.0, created.Training.ValueWeight);
        Assert.Equal(1.0, run.LoadConfig().Training.ValueWeight);
        Assert.Equal(1.0, resumed.Training.ValueWeight);
        Assert.Equal(0.5, overridden.Training.ValueWeight);
    }

    [Fact]
    public void A_new_run_without_value_weight_takes_the_human_game_default()
    {
        using var folder = new TempFolder();
        string source = Directory.CreateDirectory(folder.File("kifu")).FullName;
        var run = new RunDirectory(folder.File("run"));

        Assert.Equal(TrainStreaming.HumanValueWeight, TrainStreaming.ConfigFor(run, Request(source, null), source).Training.ValueWeight);
        Assert.Equal(TrainStreaming.HumanValueWeight, TrainStreaming.ConfigFor(run, Request(source, null), source).Training.ValueWeight);
    }
}
