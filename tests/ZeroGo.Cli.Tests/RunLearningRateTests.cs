using ZeroGo.Cli.Verbs;
using ZeroGo.Training.Runs;

namespace ZeroGo.Cli.Tests;

/// <summary><c>--learning-rate</c> of loop and train: a new run's rate, or a saved change of an existing run's.</summary>
public sealed class RunLearningRateTests
{
    [Fact]
    public void A_new_run_takes_the_given_rate_and_an_existing_run_changes_to_a_new_one()
    {
        using var folder = new TempFolder();
        var run = new RunDirectory(folder.File("run"));
        var created = TrainingCli.OpenOrCreate(run, 5, 1, c => c, learningRate: 0.007);
        Assert.Equal(0.007, created.Training.LearningRate);
        Assert.Equal(0.007, run.LoadConfig().Training.LearningRate);

        var unchanged = TrainingCli.OpenOrCreate(run, null, 1, c => c);
        Assert.Equal(0.007, unchanged.Training.LearningRate);

        var changed = TrainingCli.OpenOrCreate(run, null, 1, c => c, learningRate: 0.001);
        Assert.Equal(0.001, changed.Training.LearningRate);
        Assert.Equal(0.001, run.LoadConfig().Training.LearningRate);   // saved: a restart keeps it
        Assert.Equal(created with { Training = created.Training with { LearningRate = 0.001 } }, changed);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_a_positive_number_is_refused_before_anything_is_written(double rate)
    {
        using var folder = new TempFolder();
        var run = new RunDirectory(folder.File("run"));
        var error = Assert.Throws<ArgumentException>(() => TrainingCli.OpenOrCreate(run, 5, 1, c => c, learningRate: rate));
        Assert.Contains("--learning-rate", error.Message);
        Assert.False(run.HasConfig);
    }
}
