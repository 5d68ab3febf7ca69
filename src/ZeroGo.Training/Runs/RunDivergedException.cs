using ZeroGo.Neural;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Runs;

/// <summary>
/// A run stopped because a training step diverged. Its message is the one line a person needs: the step, the
/// loss, where the last good weights are (nothing finished is lost: the failed step never reached them) and what
/// to try before running the same command again to resume.
/// </summary>
public sealed class RunDivergedException(TrainingDivergedException cause, Precision precision, string? lastCheckpoint, string generationModel)
    : Exception(Describe(cause, precision, lastCheckpoint, generationModel), cause)
{
    public long Step => cause.Step;

    private static string Describe(TrainingDivergedException cause, Precision precision, string? lastCheckpoint, string generationModel)
    {
        string kept = lastCheckpoint is null
            ? $"the last good weights are the generation's model {generationModel}"
            : $"the last good checkpoint is {lastCheckpoint} (the generation's model: {generationModel})";
        string precisionHint = precision == Precision.Float32 ? "" : "--precision fp32, or ";
        return $"{cause.Message}; nothing is lost: {kept}. Try {precisionHint}a lower training.learningRate in the run's config.json, " +
            "then run the same command again to resume";
    }
}
