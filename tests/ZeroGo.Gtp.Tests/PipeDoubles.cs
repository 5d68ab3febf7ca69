using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ZeroGo.Gtp.Tests;

/// <summary>A TextReader fed line by line from the test, blocking like a pipe.</summary>
internal sealed class LineFeed : TextReader
{
    private readonly BlockingCollection<string?> _lines = new();

    public void Send(string line) => _lines.Add(line);

    public override void Close() => _lines.Add(null);

    public override string? ReadLine()
    {
        var line = _lines.Take();
        if (line is null)
        {
            _lines.Add(null);
        }

        return line;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A writer whose text the test can read and wait on while the server writes from other threads.</summary>
internal sealed class SharedWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
            Monitor.PulseAll(_text);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
            Monitor.PulseAll(_text);
        }
    }

    public void WaitFor(Func<string, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        lock (_text)
        {
            while (!condition(_text.ToString()))
            {
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    Assert.Fail($"timed out waiting for output; got so far:\n{_text}");
                }

                Monitor.Wait(_text, left);
            }
        }
    }
}

/// <summary>Serves a <see cref="GtpServer"/> on its own thread, as a controller's pipe would drive it.</summary>
internal static class PipeServer
{
    public static Thread Start(GtpServer server, TextReader input, TextWriter output)
    {
        var thread = new Thread(() => server.Run(input, output)) { IsBackground = true, Name = "test gtp server" };
        thread.Start();
        return thread;
    }
}
