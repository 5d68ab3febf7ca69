using System.Diagnostics;
using System.Globalization;

namespace ZeroGo.Training.Runs;

/// <summary>
/// The CPU time a run has used, across the processes that ran it (a run is stopped and resumed many times):
/// <c>logs/cpu-seconds.txt</c> holds the seconds counted up to the last <see cref="Save"/>, and each process adds
/// its own processor time since it opened the clock. Processor time, not wall time, because training shares its
/// machine and runs at low priority. A process killed between saves loses what it used since the last one.
/// </summary>
public sealed class RunCpuClock
{
    private readonly string _path;
    private readonly double _savedSeconds;
    private readonly TimeSpan _processAtOpen;

    public RunCpuClock(RunDirectory run)
    {
        _path = Path.Combine(run.Logs, "cpu-seconds.txt");
        _savedSeconds = Read(_path);
        _processAtOpen = Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>CPU-hours of this run so far (not counting a model it started from).</summary>
    public double RunHours => (_savedSeconds + (Process.GetCurrentProcess().TotalProcessorTime - _processAtOpen).TotalSeconds) / 3600;

    public void Save() =>
        AtomicFile.WriteAllText(_path, (RunHours * 3600).ToString("F1", CultureInfo.InvariantCulture) + "\n");

    private static double Read(string path)
    {
        try
        {
            return File.Exists(path) && double.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                && seconds >= 0 ? seconds : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
