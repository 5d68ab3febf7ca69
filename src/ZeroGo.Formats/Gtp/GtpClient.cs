using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ZeroGo.Formats.Gtp;

/// <summary>
/// Drives a GTP engine in another process (GNU Go, Leela Zero, another ZeroGo) over its stdin/stdout.
/// Each command carries an id and the answer must echo it; a response that does not come within the timeout,
/// or an engine that exits, raises <see cref="GtpEngineException"/> with the tail of its stderr. After a timeout
/// the channel is out of step, so the client refuses further commands. One thread at a time may send.
/// </summary>
public sealed class GtpClient : IGtpConnection, IDisposable
{
    private const int StderrTailChars = 4000;

    private readonly Process _process;
    private readonly BlockingCollection<string?> _lines = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _stderrLock = new();
    private int _nextId = 1;
    private string? _brokenReason;
    private bool _quitSent;
    private bool _disposed;

    private GtpClient(Process process, string displayName, TimeSpan timeout)
    {
        _process = process;
        DisplayName = displayName;
        Timeout = timeout;
        var stdout = new Thread(ReadStdout) { IsBackground = true, Name = $"gtp-client-out {displayName}" };
        var stderr = new Thread(ReadStderr) { IsBackground = true, Name = $"gtp-client-err {displayName}" };
        stdout.Start();
        stderr.Start();
    }

    /// <summary>The program and arguments, for messages.</summary>
    public string DisplayName { get; }

    /// <summary>How long <see cref="Send(string)"/> waits for a response.</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>True once the engine process has ended (or this client was disposed, which ends it).</summary>
    public bool HasExited
    {
        get
        {
            try
            {
                return _disposed || _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>The engine's exit code once it has exited; null while it runs.</summary>
    public int? ExitCode
    {
        get
        {
            try
            {
                return _process.HasExited ? _process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>The last few thousand characters the engine wrote to stderr.</summary>
    public string StderrTail
    {
        get
        {
            lock (_stderrLock)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="program"/> with <paramref name="arguments"/>. Throws <see cref="GtpEngineException"/>
    /// with a clear message when the program does not exist or cannot be run.
    /// </summary>
    public static GtpClient Start(string program, IEnumerable<string> arguments, TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        var argumentList = arguments.ToList();
        string display = string.Join(' ', new[] { program }.Concat(argumentList));
        if (program.Contains('/') && !File.Exists(program))
        {
            throw new GtpEngineException($"GTP engine program not found: {program} (wanted: {display})");
        }

        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in argumentList)
        {
            info.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new GtpEngineException($"could not start GTP engine: {display}");
        }
        catch (Win32Exception e)
        {
            throw new GtpEngineException($"could not start GTP engine '{display}': {e.Message}", e);
        }

        process.StandardInput.NewLine = "\n";
        process.StandardInput.AutoFlush = false;
        return new GtpClient(process, display, timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Starts a command line split on white space (no quoting): "/usr/games/gnugo --mode gtp".</summary>
    public static GtpClient Start(string commandLine, TimeSpan? timeout = null)
    {
        var parts = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("empty engine command line", nameof(commandLine));
        }

        return Start(parts[0], parts[1..], timeout);
    }

    public GtpResponse Send(string command) => Send(command, Timeout);

    /// <summary>Sends one command (a single line, without id) and waits up to <paramref name="timeout"/> for the answer.</summary>
    public GtpResponse Send(string command, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_brokenReason is not null)
        {
            throw new GtpEngineException($"GTP engine '{DisplayName}' is unusable: {_brokenReason}");
        }

        if (command.Contains('\n') || command.Contains('\r'))
        {
            throw new ArgumentException("a GTP command is a single line", nameof(command));
        }

        int id = _nextId++;
        _quitSent |= command.Trim().Equals("quit", StringComparison.OrdinalIgnoreCase);
        try
        {
            _process.StandardInput.Write(id.ToString(CultureInfo.InvariantCulture) + " " + command + "\n");
            _process.StandardInput.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw Died(command, e);
        }

        return ReadResponse(command, id, timeout);
    }

    private GtpResponse ReadResponse(string command, int id, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var body = new StringBuilder();
        bool started = false;
        bool success = false;
        string expectedId = id.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var left = timeout - deadline.Elapsed;
            if (left < TimeSpan.Zero || !_lines.TryTake(out var line, left))
            {
                _brokenReason = $"no answer to '{command}' within {timeout.TotalSeconds:0.#} s";
                throw new GtpEngineException($"GTP engine '{DisplayName}' gave {_brokenReason}");
            }

            if (line is null)
            {
                _lines.Add(null); // keep the end-of-output marker for later calls
                throw Died(command, null);
            }

            line = line.Replace("\r", "");
            if (!started)
            {
                if (line.Length == 0 || (line[0] != '=' && line[0] != '?'))
                {
                    continue; // stray output before the response (some engines print banners)
                }

                int digits = 1;
                while (digits < line.Length && char.IsAsciiDigit(line[digits]))
                {
                    digits++;
                }

                if (line[1..digits] != expectedId)
                {
                    _brokenReason = $"answer '{line}' does not carry id {expectedId} of '{command}'";
                    throw new GtpEngineException($"GTP engine '{DisplayName}': {_brokenReason}");
                }

                started = true;
                success = line[0] == '=';
                body.Append(line[digits..].Trim());
                continue;
            }

            if (line.Trim().Length == 0)
            {
                return new GtpResponse(success, body.ToString().Trim());
            }

            body.Append('\n').Append(line);
        }
    }

    private GtpEngineException Died(string command, Exception? inner)
    {
        string code = "";
        try
        {
            if (_process.WaitForExit(1000))
            {
                code = $" with exit code {_process.ExitCode}";
            }
        }
        catch (InvalidOperationException)
        {
        }

        _brokenReason = "the engine has exited";
        var stderr = StderrTail.Trim();
        return new GtpEngineException(
            $"GTP engine '{DisplayName}' exited{code} while answering '{command}'"
            + (stderr.Length > 0 ? $"; its stderr ends with: {stderr}" : ""), inner);
    }

    private void ReadStdout()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                _lines.Add(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            try
            {
                _lines.Add(null);
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    private void ReadStderr()
    {
        try
        {
            var buffer = new char[1024];
            int read;
            while ((read = _process.StandardError.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_stderrLock)
                {
                    _stderr.Append(buffer, 0, read);
                    if (_stderr.Length > StderrTailChars)
                    {
                        _stderr.Remove(0, _stderr.Length - StderrTailChars);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    /// <summary>Sends quit (briefly waiting for the answer), then kills the engine if it is still running.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (_brokenReason is null && !_quitSent && !_process.HasExited)
            {
                Send("quit", TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception e) when (e is GtpEngineException or InvalidOperationException)
        {
        }

        _disposed = true;
        try
        {
            // An engine that answered quit gets a moment to exit; a broken or silent one is killed at once.
            if (!_process.WaitForExit(_brokenReason is null ? 2000 : 0))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
        }

        _process.Dispose();
    }
}
