using ZeroGo.Go;
using ZeroGo.Formats.Gtp;
using ZeroGo.Gtp.Client;
using ZeroGo.Gtp.Engine;

namespace ZeroGo.Gtp.Tests;

/// <summary>A ZeroGo GTP server in process with the random engine, for tests.</summary>
internal sealed class GtpTestHost
{
    public GtpTestHost(ulong seed = 1, int boardSize = 19)
    {
        Session = new EngineSession(new RandomMoveGenerator(seed), boardSize: boardSize);
        Server = new GtpServer(Session, GtpCommandTable.CreateStandard());
        Connection = new InProcessGtpConnection(Server);
    }

    public EngineSession Session { get; }

    public GtpServer Server { get; }

    public InProcessGtpConnection Connection { get; }

    public GameState State => Session.State;

    /// <summary>Runs a whole script through <see cref="GtpServer.Run"/> and returns everything it wrote.</summary>
    public string RunScript(string script)
    {
        var output = new StringWriter { NewLine = "\n" };
        Server.Run(new StringReader(script), output);
        return output.ToString();
    }

    public GtpResponse Send(string command) => Connection.Send(command);

    /// <summary>The answer of a command that must succeed.</summary>
    public string Ask(string command) => Connection.Ask(command);

    /// <summary>The error message of a command that must fail.</summary>
    public string Fail(string command)
    {
        var response = Connection.Send(command);
        Assert.False(response.Success, $"'{command}' should fail but answered '{response.Text}'");
        return response.Text;
    }
}
