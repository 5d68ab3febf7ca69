using ZeroGo.Formats.Gtp;

namespace ZeroGo.Gtp.Client;

/// <summary>Talks GTP to a <see cref="GtpServer"/> in this process, through the same framing a pipe would carry.</summary>
public sealed class InProcessGtpConnection(GtpServer server) : IGtpConnection
{
    public GtpServer Server { get; } = server;

    public GtpResponse Send(string command)
    {
        var framed = Server.Execute(command)
            ?? throw new ArgumentException($"'{command}' is empty after GTP preprocessing: nothing is sent", nameof(command));
        return GtpResponse.Parse(framed);
    }
}
