using System.IO.Pipelines;
using System.Text;
using ZeroGo.Cli.Engine;
using ZeroGo.Gtp;
using ZeroGo.Neural;
using ZeroGo.Neural.Files;
using ZeroGo.Neural.LeelaZero;

namespace ZeroGo.Cli.Tests;

/// <summary>Small files and option sets the engine tests share (temporary, removed on dispose).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "zerogo-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a finishing process: the OS cleans the temp folder
        }
    }
}

internal static class EngineFixtures
{
    /// <summary>Options for a quick network engine: few visits, one thread, no bundled models (a fresh network).</summary>
    public static GtpEngineOptions Quick(string emptyModelsFolder, string? model = null) => new()
    {
        ModelPath = model,
        ModelsFolder = emptyModelsFolder,
        Visits = 16,
        Threads = 1,
        Seed = 7,
    };

    /// <summary>A random Leela Zero network of 1 block x 8 filters in its text format.</summary>
    public static string WriteLeelaZeroFile(string path, int seed = 3)
    {
        LeelaZeroWeightsWriter.Save(LeelaZeroRandomWeights.Create(1, 8, seed), path);
        return path;
    }

    /// <summary>A tiny ZeroGo model (b1c8) saved for <paramref name="boardSizes"/>.</summary>
    public static string WriteZeroGoModel(string stem, params string[] boardSizes)
    {
        using var network = PolicyValueNetwork.Create(NetworkConfig.Create(1, 8), seed: 1);
        network.Save(stem, new ModelInfo { BoardSizes = boardSizes, Notes = "test" });
        return stem + ModelPaths.ManifestExtension;
    }
}

/// <summary>
/// A <see cref="GtpServer"/> running on its own thread behind a pipe, so streaming commands (lz-analyze) can be
/// watched while they stream and stopped by the next command, exactly as a GUI drives them.
/// </summary>
internal sealed class StreamingHost : IDisposable
{
    private readonly Pipe _input = new();
    private readonly StreamWriter _commands;
    private readonly StringBuilder _output = new();
    private readonly Thread _thread;

    public StreamingHost(GtpServer server)
    {
        _commands = new StreamWriter(_input.Writer.AsStream(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var reader = new StreamReader(_input.Reader.AsStream(), Encoding.UTF8);
        var writer = new LockedWriter(_output);
        _thread = new Thread(() => server.Run(reader, writer)) { IsBackground = true, Name = "gtp-test-server" };
        _thread.Start();
    }

    public void Send(string line) => _commands.WriteLine(line);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits until the output satisfies <paramref name="condition"/>; false on timeout.</summary>
    public bool WaitFor(Func<string, bool> condition, TimeSpan timeout) =>
        SpinWait.SpinUntil(() => condition(Output), timeout);

    public bool Finish(TimeSpan timeout)
    {
        _commands.Dispose();
        return _thread.Join(timeout);
    }

    public void Dispose()
    {
        try
        {
            _commands.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }

        _thread.Join(TimeSpan.FromSeconds(30));
    }

    /// <summary>A writer into a shared buffer (the server writes from its command thread and the analysis timer).</summary>
    private sealed class LockedWriter(StringBuilder buffer) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (buffer)
            {
                buffer.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (buffer)
            {
                buffer.Append(value);
            }
        }
    }
}
