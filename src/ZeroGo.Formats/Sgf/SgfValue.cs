using System.Text;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// One bracketed property value. <see cref="Raw"/> is the text between the brackets as written (escapes kept,
/// line breaks normalised to '\n'); <see cref="Text"/> is what it means (escapes resolved, soft line breaks
/// removed). Writers write <see cref="Raw"/>, so a value read from a file is written back unchanged.
/// </summary>
public readonly record struct SgfValue
{
    private SgfValue(string raw) => Raw = raw;

    public string Raw { get; }

    /// <summary>The value with escapes resolved and soft line breaks ('\' + newline) removed.</summary>
    public string Text => Unescape(Raw);

    /// <summary>A value from escaped text as found between brackets; newlines are normalised to '\n'.</summary>
    public static SgfValue FromRaw(string raw)
    {
        raw = SgfText.NormalizeNewlines(raw);
        return IsWellFormed(raw) ? new SgfValue(raw) : FromText(Unescape(raw));
    }

    /// <summary>A value holding <paramref name="text"/>: '\' and ']' are escaped (and ':' when asked, for composed values).</summary>
    public static SgfValue FromText(string text, bool escapeColon = false) =>
        new(Escape(SgfText.NormalizeNewlines(text), escapeColon));

    /// <summary>A composed value "a:b" (SZ[9:17], AB[aa:cc], LB[dd:label]) with ':' escaped in both parts.</summary>
    public static SgfValue FromCompose(string first, string second) =>
        new(Escape(SgfText.NormalizeNewlines(first), true) + ":" + Escape(SgfText.NormalizeNewlines(second), true));

    /// <summary>Splits a composed value at its first unescaped ':' (texts unescaped); false when there is none.</summary>
    public bool TrySplitCompose(out string first, out string second)
    {
        for (int i = 0; i < Raw.Length; i++)
        {
            if (Raw[i] == '\\')
            {
                i++;
            }
            else if (Raw[i] == ':')
            {
                first = Unescape(Raw[..i]);
                second = Unescape(Raw[(i + 1)..]);
                return true;
            }
        }

        first = Text;
        second = "";
        return false;
    }

    public static string Escape(string text, bool escapeColon = false)
    {
        if (text.AsSpan().IndexOfAny('\\', ']', escapeColon ? ':' : ']') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or ']' || (escapeColon && c == ':'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Unescape(string raw)
    {
        if (raw.IndexOf('\\') < 0)
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            i++;
            if (i < raw.Length && raw[i] != '\n')
            {
                builder.Append(raw[i]); // an escaped character stands for itself; '\' + newline is a soft break
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when the text can stand between brackets as it is: no unescaped ']' and no unpaired '\' at the end
    /// (a value cut off by the end of the file, or a ']' produced by decoding damaged multi-byte text).
    /// </summary>
    private static bool IsWellFormed(string raw)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                if (++i == raw.Length)
                {
                    return false;
                }
            }
            else if (raw[i] == ']')
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Raw;
}

/// <summary>Small text helpers shared by the reader and writer.</summary>
internal static class SgfText
{
    /// <summary>CRLF, LFCR and lone CR become '\n' (the SGF specification allows all four styles).</summary>
    public static string NormalizeNewlines(string text)
    {
        if (text.IndexOf('\r') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append('\n');
            }
            else if (c == '\n')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\r')
                {
                    i++;
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>SimpleText as the specification reads it: line breaks become spaces, outer spaces trimmed.</summary>
    public static string Simple(string text) => text.Replace('\n', ' ').Replace('\t', ' ').Trim();
}
