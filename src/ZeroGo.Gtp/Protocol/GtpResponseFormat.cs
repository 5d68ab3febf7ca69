using System.Text;

namespace ZeroGo.Gtp.Protocol;

/// <summary>
/// Builds response text exactly as GTP frames it: <c>=[id] text</c> or <c>?[id] message</c>, ending with one
/// empty line. A response must not contain an empty line of its own (the controller would take it as the end),
/// so empty lines inside a handler's text are dropped and control characters are removed.
/// </summary>
public static class GtpResponseFormat
{
    public static string Success(string? id, string text) => Frame('=', id, text);

    public static string Failure(string? id, string message) =>
        Frame('?', id, string.IsNullOrWhiteSpace(message) ? "failed" : message);

    /// <summary>The first line of a streamed success response (<c>=[id]</c>); lines and the end follow later.</summary>
    public static string StreamHeader(string? id) => "=" + id + "\n";

    /// <summary>A body line for a streamed response, or "" when nothing printable is left.</summary>
    public static string StreamLine(string line)
    {
        var clean = Body(line);
        return clean.Length == 0 ? "" : clean + "\n";
    }

    private static string Frame(char status, string? id, string text)
    {
        var body = Body(text, keepEmptyFirstLine: true);
        return body.Length == 0 ? $"{status}{id}\n\n" : $"{status}{id} {body}\n\n";
    }

    /// <summary>
    /// Normalises a response body: CR and control characters other than LF dropped, trailing space trimmed
    /// per line, empty lines removed. An empty first line is kept when more lines follow, so a multi-line
    /// answer such as showboard can start on the line after the status (<c>= \n   A B C</c>).
    /// </summary>
    internal static string Body(string text, bool keepEmptyFirstLine = false)
    {
        var result = new StringBuilder(text.Length);
        var line = new StringBuilder();
        bool firstLine = true;
        bool pendingEmptyFirst = false;

        void EndLine()
        {
            var content = line.ToString().TrimEnd(' ');
            line.Clear();
            if (content.Length == 0)
            {
                if (firstLine && keepEmptyFirstLine)
                {
                    pendingEmptyFirst = true;
                }

                firstLine = false;
                return;
            }

            if (result.Length > 0 || pendingEmptyFirst)
            {
                result.Append('\n');
                pendingEmptyFirst = false;
            }

            result.Append(content);
            firstLine = false;
        }

        foreach (char c in text)
        {
            if (c == '\n')
            {
                EndLine();
            }
            else if (c == '\t')
            {
                line.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                line.Append(c);
            }
        }

        EndLine();
        return result.ToString();
    }
}
