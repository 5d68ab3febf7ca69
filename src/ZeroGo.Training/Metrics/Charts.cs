using ScottPlot;

namespace ZeroGo.Training.Metrics;

/// <summary>PNG charts of a run (ScottPlot, headless): losses per head, Elo over time.</summary>
public static class Charts
{
    /// <summary>One line per series over a shared x axis; NaN points are left out. Returns false when there is nothing to draw.</summary>
    public static bool Lines(string path, string title, string xLabel, string yLabel,
        IReadOnlyList<(string Name, double[] X, double[] Y)> series, bool logY = false, int width = 900, int height = 540)
    {
        var plot = new Plot();
        int drawn = 0;
        foreach (var (name, xs, ys) in series)
        {
            var points = xs.Zip(ys).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second) && (!logY || p.Second > 0)).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var x = points.Select(p => p.First).ToArray();
            var y = points.Select(p => logY ? Math.Log10(p.Second) : p.Second).ToArray();
            var line = plot.Add.Scatter(x, y);
            line.LegendText = name;
            line.MarkerSize = points.Length > 60 ? 0 : 4;
            drawn++;
        }

        if (drawn == 0)
        {
            return false;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logY ? $"log10 {yLabel}" : yLabel);
        plot.ShowLegend();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp.png";
        plot.SavePng(temporary, width, height);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <summary>Loss per head against training step, from the training CSV log.</summary>
    public static bool TrainingLosses(string csvPath, string pngPath)
    {
        var rows = CsvLog.Read(csvPath);
        var steps = rows.Select(r => CsvLog.Number(r, "step")).ToArray();
        var heads = new[] { "policy_loss", "value_loss", "score_loss", "ownership_loss", "total_loss" };
        return Lines(pngPath, "Training loss per head", "step", "loss",
            heads.Select(h => (h.Replace("_loss", ""), steps, rows.Select(r => CsvLog.Number(r, h)).ToArray())).ToList(),
            logY: true);
    }
}
