namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>Stdout for the analysis engine: whole lines from many analysis threads, never interleaved, flushed at once.</summary>
public sealed class AnalysisOutput(TextWriter writer)
{
    private readonly Lock _lock = new();

    public void WriteLine(string json)
    {
        lock (_lock)
        {
            writer.Write(json);
            writer.Write('\n');
            writer.Flush();
        }
    }
}
