using System.Diagnostics;
using System.Text;

namespace ZeroGo.Formats.Tests;

/// <summary>Runs the independent readers: Node.js with @sabaki/sgf (tests/js), and GNU Go over GTP.</summary>
internal static class ExternalReaders
{
    public const string GnuGoPath = "/usr/games/gnugo";

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a program to the end and returns its standard output; throws with stderr when it fails.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {limit.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {error.Result}");
        }

        return output.Result;
    }
}

/// <summary>A GNU Go process spoken to over GTP (one command at a time).</summary>
internal sealed class GnuGoProcess : IDisposable
{
    private readonly Process _process;

    public GnuGoProcess()
    {
        var start = new ProcessStartInfo(ExternalReaders.GnuGoPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--mode");
        start.ArgumentList.Add("gtp");
        start.ArgumentList.Add("--level");
        start.ArgumentList.Add("1");
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start GNU Go");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
    }

    /// <summary>Sends a command; returns (success, text without the '=' or '?').</summary>
    public (bool Success, string Text) Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        var lines = new List<string>();
        while (true)
        {
            var line = _process.StandardOutput.ReadLine() ?? throw new IOException("GNU Go closed its output");
            if (line.Length == 0 && lines.Count > 0)
            {
                break;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        string text = string.Join("\n", lines);
        return (text.StartsWith('='), text.Length > 1 ? text[1..].Trim() : "");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.WriteLine("quit");
            _process.StandardInput.Flush();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
