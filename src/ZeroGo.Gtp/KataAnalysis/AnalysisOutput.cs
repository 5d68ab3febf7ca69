namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// Stdout for the analysis engine: whole lines from many analysis threads, never interleaved, flushed at once.
/// A client that closed its end gets nothing more, and the engine is not brought down by the broken pipe.
/// </summary>
public sealed class AnalysisOutput(TextWriter writer)
{
    private readonly Lock _lock = new();
    private bool _broken;

    public void WriteLine(string json)
    {
        lock (_lock)
        {
            if (_broken)
            {
                return;
            }

            try
            {
                writer.Write(json);
                writer.Write('\n');
                writer.Flush();
            }
            catch (IOException)
            {
                _broken = true;
            }
        }
    }
}
