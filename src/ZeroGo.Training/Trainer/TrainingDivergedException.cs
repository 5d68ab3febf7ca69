namespace ZeroGo.Training.Trainer;

/// <summary>
/// A training step produced a non-finite loss or gradient. Thrown before the optimiser applies the step, so the
/// network still holds the weights of the last good step and nothing already trained is damaged.
/// </summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    public TrainingDivergedException(long step, string what)
        : base($"training diverged at step {step}: {what}")
    {
        Step = step;
        What = what;
    }

    /// <summary>The step that failed (the weights are those after step - 1).</summary>
    public long Step { get; }

    /// <summary>Which value was not finite, e.g. "loss is NaN (policy NaN, value 0.693, …)".</summary>
    public string What { get; }
}
