using System.Diagnostics;
using System.Text;

namespace ZeroGo.Cli.Tests;

/// <summary>
/// The built <c>zerogo</c> program (copied beside these tests) run as a GUI or KaTrain runs it: real pipes, stdout
/// and stderr collected line by line, input written line by line.
/// </summary>
internal sealed class ZeroGoProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public ZeroGoProcess(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process = Process.Start(start)!;
        Process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        Process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
        Process.StandardInput.NewLine = "\n";
        Process.StandardInput.AutoFlush = true;
    }

    private static string Program => Path.Combine(AppContext.BaseDirectory, "zerogo.dll");

    public Process Process { get; }

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public void Send(string line) => Process.StandardInput.WriteLine(line);

    /// <summary>End of input, as when a client closes the pipe.</summary>
    public void CloseInput() => Process.StandardInput.Close();

    public bool WaitFor(Func<string, bool> condition) => SpinWait.SpinUntil(() => condition(Stdout), Patience);

    public bool Exit()
    {
        bool exited = Process.WaitForExit(Patience);
        if (exited)
        {
            Process.WaitForExit(); // drains the asynchronous readers
        }

        return exited;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
