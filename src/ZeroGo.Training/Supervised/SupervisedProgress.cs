using System.Diagnostics;
using System.Globalization;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// The progress line of supervised training, at most every <c>every</c>: step (of the target), samples/s since
/// the last line, the step's losses, and the ETA from the step target and/or the deadline.
/// </summary>
public sealed class SupervisedProgress(SupervisedLimits limits, TimeSpan every, long startStep, long startSamples)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastTime = TimeSpan.Zero;
    private readonly long _startSamples = startSamples;
    private long _lastSamples = startSamples;
    private long _lastStep = startStep;
    private double _rate;
    private double _policySum;
    private double _valueSum;
    private int _count;

    /// <summary>Samples per second since this process started training.</summary>
    public double SamplesPerSecond(long samples) => (samples - _startSamples) / Math.Max(1e-9, _clock.Elapsed.TotalSeconds);

    /// <summary>Adds one step's losses; returns the line to print now (losses averaged since the last), or null when the last one is too recent.</summary>
    public string? Due(long step, long samples, LossBreakdown losses)
    {
        _policySum += losses.Policy;
        _valueSum += losses.Value;
        _count++;
        var now = _clock.Elapsed;
        if (now - _lastTime < every)
        {
            return null;
        }

        double seconds = Math.Max(1e-9, (now - _lastTime).TotalSeconds);
        _rate = (samples - _lastSamples) / seconds;
        double stepsPerSecond = (step - _lastStep) / seconds;
        _lastTime = now;
        _lastSamples = samples;
        _lastStep = step;
        double policy = _policySum / _count, value = _valueSum / _count;
        _policySum = _valueSum = 0;
        _count = 0;
        string target = limits.TotalSteps is long total ? $"/{total}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"step {step}{target}  {_rate:0} samples/s  loss policy {policy:0.000}, value {value:0.000} (weighted){Eta(step, stepsPerSecond)}");
    }

    private string Eta(long step, double stepsPerSecond)
    {
        TimeSpan? left = null;
        if (limits.TotalSteps is long total && stepsPerSecond > 0)
        {
            left = TimeSpan.FromSeconds(Math.Max(0, total - step) / stepsPerSecond);
        }

        if (limits.Deadline is { } deadline)
        {
            var untilDeadline = deadline - DateTimeOffset.UtcNow;
            left = left is { } l && l < untilDeadline ? l : untilDeadline;
        }

        return left is { } t ? $"  ETA {(int)Math.Max(0, t.TotalHours)}h{Math.Max(0, t.Minutes):00}m" : "";
    }
}
