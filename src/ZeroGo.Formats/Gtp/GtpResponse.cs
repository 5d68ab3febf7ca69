namespace ZeroGo.Formats.Gtp;

/// <summary>An engine's answer to one command: success or failure, and the text after <c>=</c>/<c>?</c> and the id.</summary>
public readonly record struct GtpResponse(bool Success, string Text)
{
    /// <summary>
    /// Parses a framed response (<c>=12 text\n\n</c>, <c>? message\n\n</c>); the id is dropped, the text trimmed.
    /// Throws <see cref="GtpEngineException"/> when the text is not a GTP response.
    /// </summary>
    public static GtpResponse Parse(string framed)
    {
        var text = framed.Replace("\r", "").TrimEnd('\n');
        if (text.Length == 0 || (text[0] != '=' && text[0] != '?'))
        {
            throw new GtpEngineException($"not a GTP response: '{framed}'");
        }

        int start = 1;
        while (start < text.Length && char.IsAsciiDigit(text[start]))
        {
            start++;
        }

        return new GtpResponse(text[0] == '=', text[start..].Trim());
    }
}

/// <summary>Anything that answers GTP commands: an engine process (<see cref="GtpClient"/>) or an in-process server.</summary>
public interface IGtpConnection
{
    /// <summary>Sends one command line and waits for its response (failures come back as Success = false).</summary>
    GtpResponse Send(string command);
}

public static class GtpConnectionExtensions
{
    /// <summary>Sends a command and returns the answer text; throws <see cref="GtpCommandException"/> on <c>?</c>.</summary>
    public static string Ask(this IGtpConnection connection, string command)
    {
        var response = connection.Send(command);
        return response.Success ? response.Text : throw new GtpCommandException(command, response.Text);
    }
}

/// <summary>The engine could not be started, died, timed out or spoke something other than GTP.</summary>
public sealed class GtpEngineException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The engine answered a command with <c>? message</c>.</summary>
public sealed class GtpCommandException(string command, string engineMessage)
    : Exception($"GTP command '{command}' failed: {engineMessage}")
{
    public string Command { get; } = command;

    public string EngineMessage { get; } = engineMessage;
}
