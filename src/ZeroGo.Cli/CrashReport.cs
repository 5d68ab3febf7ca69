using System.Globalization;

namespace ZeroGo.Cli;

/// <summary>
/// What a person sees when a verb fails in a way nobody foresaw: one line naming the error and a log file that
/// holds the whole trace (a stack trace on the terminal helps nobody who did not write the code, and a GTP client
/// shows it as garbage). Expected failures (bad files, bad options) are reported by the verbs themselves.
/// </summary>
internal static class CrashReport
{
    /// <summary>The exit code of an unexpected failure (EX_SOFTWARE in sysexits.h).</summary>
    public const int ExitCode = 70;

    private static int _reported;

    /// <summary>Writes the log, prints the line on stderr, returns <see cref="ExitCode"/>. Reports only the first crash of a process.</summary>
    public static int Report(string[] args, Exception error)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 1)
        {
            return ExitCode;
        }

        string verb = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "";
        string? logPath = TryWriteLog(args, error);
        var message = (error.Message.Split('\n').FirstOrDefault() ?? "").Trim();
        Console.Error.WriteLine($"zerogo {verb}: unexpected error: {error.GetType().Name}: {message}" +
            (logPath is null ? " (the trace could not be written to a log file)" : $" (trace in {logPath})"));
        return ExitCode;
    }

    /// <summary>$XDG_STATE_HOME/zerogo/logs (~/.local/state/zerogo/logs), else the temporary folder.</summary>
    private static string? TryWriteLog(string[] args, Exception error)
    {
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string name = $"crash-{stamp}-{Environment.ProcessId}.log";
        string content = $"zerogo {string.Join(' ', args)}\n{DateTime.UtcNow:O}\n{Environment.OSVersion}, .NET {Environment.Version}\n\n{error}\n";
        foreach (var folder in LogFolders())
        {
            try
            {
                Directory.CreateDirectory(folder);
                string path = Path.Combine(folder, name);
                File.WriteAllText(path, content);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Try the next folder.
            }
        }

        return null;
    }

    private static IEnumerable<string> LogFolders()
    {
        string? state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(state))
        {
            yield return Path.Combine(state, "zerogo", "logs");
        }
        else if (!string.IsNullOrEmpty(home))
        {
            yield return Path.Combine(home, ".local", "state", "zerogo", "logs");
        }

        yield return Path.Combine(Path.GetTempPath(), "zerogo-logs");
    }
}
