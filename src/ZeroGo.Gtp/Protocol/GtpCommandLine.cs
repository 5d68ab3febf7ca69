using System.Text;

namespace ZeroGo.Gtp.Protocol;

/// <summary>
/// One command as the controller sent it: an optional numeric id, the command name and its arguments, after the
/// preprocessing that GTP version 2 (section 3.1) asks of every engine.
/// </summary>
public sealed record GtpCommandLine(string? Id, string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// GTP preprocessing of one input line: control characters other than HT and LF dropped (CR included; also
    /// invisible format characters such as a byte-order mark and lone surrogates, which no command contains),
    /// everything from '#' on removed, tabs turned into spaces, surrounding white space trimmed.
    /// An empty result means the line is ignored and never answered.
    /// </summary>
    public static string Preprocess(string raw)
    {
        var text = new StringBuilder(raw.Length);
        foreach (char c in raw)
        {
            if (c == '#')
            {
                break;
            }

            if (c == '\t')
            {
                text.Append(' ');
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c)
                     && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                text.Append(c);
            }
        }

        return text.ToString().Trim(' ');
    }

    /// <summary>
    /// Preprocesses and splits a raw input line; null when nothing is left (empty line, comment only).
    /// A leading all-digit token is the id; a line holding only an id gets an empty <see cref="Name"/>.
    /// </summary>
    public static GtpCommandLine? Parse(string raw)
    {
        var text = Preprocess(raw);
        if (text.Length == 0)
        {
            return null;
        }

        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? id = null;
        int first = 0;
        if (IsId(tokens[0]))
        {
            id = tokens[0];
            first = 1;
        }

        string name = first < tokens.Length ? tokens[first] : "";
        var arguments = first + 1 < tokens.Length ? tokens[(first + 1)..] : [];
        return new GtpCommandLine(id, name, arguments);
    }

    private static bool IsId(string token)
    {
        foreach (char c in token)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return token.Length > 0;
    }

    public override string ToString() =>
        (Id is null ? "" : Id + " ") + Name + (Arguments.Count == 0 ? "" : " " + string.Join(' ', Arguments));
}
