using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ZeroGo.Neural.Tests.LeelaZero;

/// <summary>One parsed heatmap: per-mille policy per point (dense order, row 0 at the top), pass, win rate.</summary>
internal sealed record ParsedHeatmap(int[] PerMille, int Pass, double Winrate)
{
    /// <summary>Reads leelaz's layout: 19 rows of integers (top row first), "pass: N", "winrate: X".</summary>
    public static ParsedHeatmap Parse(IReadOnlyList<string> lines)
    {
        var rows = lines.Where(line => line.Length > 0 && (char.IsDigit(line.TrimStart()[0]))).ToList();
        if (rows.Count != 19)
        {
            throw new FormatException($"expected 19 heatmap rows, found {rows.Count}:\n{string.Join('\n', lines)}");
        }

        var perMille = rows.SelectMany(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(value => int.Parse(value, CultureInfo.InvariantCulture))).ToArray();
        if (perMille.Length != 361)
        {
            throw new FormatException($"expected 361 heatmap values, found {perMille.Length}");
        }

        int pass = int.Parse(lines.Single(line => line.StartsWith("pass: ", StringComparison.Ordinal))[6..], CultureInfo.InvariantCulture);
        double winrate = double.Parse(lines.Single(line => line.StartsWith("winrate: ", StringComparison.Ordinal))[9..], CultureInfo.InvariantCulture);
        return new ParsedHeatmap(perMille, pass, winrate);
    }
}

/// <summary>
/// Drives /usr/games/leelaz over GTP. leelaz prints <c>heatmap</c> on stderr and answers "=" on stdout, so stderr is
/// collected on a background thread and a heatmap is complete when its "winrate:" line has arrived.
/// </summary>
internal sealed class LeelazProcess : IDisposable
{
    public const string DefaultPath = "/usr/games/leelaz";

    private readonly Process _process;
    private readonly BlockingCollection<string> _stderr = new();
    private readonly List<string> _stderrLog = new();

    public LeelazProcess(string weightsPath, string executable = DefaultPath)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--gtp", "--cpu-only", "--noponder", "-t", "1", "-w", weightsPath })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderrLog)
                {
                    _stderrLog.Add(e.Data);
                }

                _stderr.Add(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public string Command(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        var response = new List<string>();
        while (true)
        {
            var line = _process.StandardOutput.ReadLine()
                       ?? throw new InvalidOperationException($"leelaz exited during \"{command}\":\n{StderrText()}");
            if (line.Length == 0 && response.Count > 0)
            {
                break;
            }

            if (line.Length > 0 || response.Count > 0)
            {
                response.Add(line);
            }
        }

        if (!response[0].StartsWith('='))
        {
            throw new InvalidOperationException($"leelaz refused \"{command}\": {string.Join('\n', response)}");
        }

        return string.Join('\n', response);
    }

    public ParsedHeatmap Heatmap(string argument)
    {
        while (_stderr.TryTake(out _))
        {
        }

        Command(("heatmap " + argument).Trim());
        var lines = new List<string>();
        while (true)
        {
            if (!_stderr.TryTake(out var line, TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"leelaz printed no complete heatmap:\n{string.Join('\n', lines)}");
            }

            lines.Add(line);
            if (line.StartsWith("winrate: ", StringComparison.Ordinal))
            {
                return ParsedHeatmap.Parse(lines.TakeLast(21).ToList());
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("quit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(5000))
                {
                    _process.Kill();
                }
            }
        }
        catch (IOException)
        {
            // The process already went away; nothing to clean up.
        }

        _process.Dispose();
        _stderr.Dispose();
    }

    private string StderrText()
    {
        lock (_stderrLog)
        {
            return string.Join('\n', _stderrLog.TakeLast(20));
        }
    }
}
