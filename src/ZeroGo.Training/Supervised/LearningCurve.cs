using System.Globalization;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Prediction;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// Held-out move prediction over a supervised run: one row per measurement in <c>logs/heldout.csv</c> (step,
/// positions trained on, cumulative CPU-hours, top-1, top-5, value loss) and two charts drawn from it, top-1 and
/// top-5 against steps and against CPU-hours (<c>charts/heldout.png</c>, <c>charts/heldout-cpu-hours.png</c>).
/// </summary>
public sealed class LearningCurve
{
    private readonly CsvLog _log;
    private readonly string _charts;

    public LearningCurve(string logsFolder, string chartsFolder)
    {
        _log = new CsvLog(Path.Combine(logsFolder, "heldout.csv"),
            ["time", "step", "samples", "cpu_hours", "top1", "top5", "value_loss", "positions", "games"]);
        _charts = chartsFolder;
    }

    public string CsvPath => _log.Path;

    public string ChartPath => Path.Combine(_charts, "heldout.png");

    /// <summary>Rows measured after <paramref name="step"/> (by a run killed before its checkpoint) are dropped: those steps are redone.</summary>
    public void ForgetAfter(long step) => _log.RemoveRowsAbove("step", step);

    /// <summary>The step of the newest row, or null when nothing has been measured yet.</summary>
    public long? LastStep()
    {
        var rows = CsvLog.Read(_log.Path);
        return rows.Count == 0 ? null : (long)CsvLog.Number(rows[^1], "step");
    }

    public void Add(long step, long samples, double cpuHours, MovePredictionTally tally, int games)
    {
        _log.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), step, samples, cpuHours,
            tally.Top1Percent, tally.Top5Percent, tally.ValuePositions == 0 ? double.NaN : tally.ValueLoss, tally.Positions, games);
    }

    /// <summary>Redraws both charts; false when there is nothing to draw yet.</summary>
    public bool Draw()
    {
        var rows = CsvLog.Read(_log.Path);
        double[] Column(string name) => rows.Select(r => CsvLog.Number(r, name)).ToArray();
        var top1 = Column("top1");
        var top5 = Column("top5");
        bool drawn = false;
        foreach (var (x, label, file) in new[] { ("step", "training step", "heldout.png"), ("cpu_hours", "CPU-hours", "heldout-cpu-hours.png") })
        {
            var xs = Column(x);
            drawn |= Charts.Lines(Path.Combine(_charts, file), "Held-out move prediction", label, "% of moves predicted",
                [("top-1", xs, top1), ("top-5", xs, top5)]);
        }

        return drawn;
    }
}
