namespace ZeroGo.Gtp.Protocol;

/// <summary>
/// The engine's side of the channel: whole responses or streamed lines, each written and flushed under one lock
/// so a streaming handler's background thread and the server thread never interleave half lines.
/// A write failure (the controller closed the pipe) marks the output closed instead of throwing.
/// </summary>
public sealed class GtpOutput(TextWriter writer)
{
    private readonly Lock _lock = new();

    /// <summary>True once a write has failed; the server stops when its controller is gone.</summary>
    public bool IsBroken { get; private set; }

    public void Write(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (IsBroken)
            {
                return;
            }

            try
            {
                writer.Write(text);
                writer.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                IsBroken = true;
            }
        }
    }
}
