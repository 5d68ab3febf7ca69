using System.Text;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// Recognises files that are not SGF (Tygem .gib, WBaduk/Cyberoro .ngf, PandaNet .ugf/.ugi, web pages,
/// binary data) so the reader can say what the file is instead of "syntax error".
/// </summary>
internal static class SgfFormatSniffer
{
    /// <summary>A sentence naming a well-known other game-record format, or null. Checked before parsing.</summary>
    public static string? OtherRecordFormat(ReadOnlySpan<byte> data)
    {
        var head = Head(data, 8192);
        string trimmed = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        bool hasTree = data.IndexOf("(;"u8) >= 0;
        if (trimmed.StartsWith("\\HS", StringComparison.Ordinal)
            || (!hasTree && (head.Contains("\\[GIBOKIND=", StringComparison.Ordinal) || head.Contains("\\[GAMEBLACKNAME=", StringComparison.Ordinal))))
        {
            return "this looks like a Tygem .gib file, not SGF (convert it to SGF first)";
        }

        if (!hasTree && head.Contains("[Header]", StringComparison.OrdinalIgnoreCase) && head.Contains("[Data]", StringComparison.OrdinalIgnoreCase))
        {
            return "this looks like a PandaNet .ugf/.ugi file, not SGF (convert it to SGF first)";
        }

        if (LooksLikeNgf(head))
        {
            return "this looks like a WBaduk/Cyberoro .ngf file, not SGF (convert it to SGF first)";
        }

        return null;
    }

    /// <summary>Why data with no game tree is not SGF, as specific as the content allows.</summary>
    public static string DescribeNonSgf(ReadOnlySpan<byte> data, string? fileName)
    {
        var head = Head(data, 4096).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.Length == 0)
        {
            return "the file is empty: an SGF file starts with '(;'";
        }

        if (head.StartsWith('<'))
        {
            return "this looks like an HTML or XML page, not SGF (was a web page downloaded instead of the record?)";
        }

        if (head.StartsWith('{') || head.StartsWith('['))
        {
            return "this looks like JSON, not SGF";
        }

        int controls = 0;
        foreach (byte b in data[..Math.Min(data.Length, 4096)])
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                controls++;
            }
        }

        if (controls > 0)
        {
            return "this looks like binary data, not SGF";
        }

        string extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        string? named = extension switch
        {
            ".gib" => "a Tygem .gib file",
            ".ngf" => "a WBaduk/Cyberoro .ngf file",
            ".ugf" or ".ugi" => "a PandaNet .ugf/.ugi file",
            ".mgt" => "an old Many Faces .mgt file",
            _ => null,
        };
        return named is null
            ? "no SGF game tree found: an SGF file contains a game tree that starts with '(;'"
            : $"this looks like {named}, not SGF (no game tree starting with '(;' found)";
    }

    private static string Head(ReadOnlySpan<byte> data, int length) =>
        Encoding.Latin1.GetString(data[..Math.Min(data.Length, length)]);

    /// <summary>NGF: a title line, the board size alone on line 2, and move lines "PM…"; no SGF brackets.</summary>
    private static bool LooksLikeNgf(string head)
    {
        if (head.Contains("(;", StringComparison.Ordinal))
        {
            return false;
        }

        var lines = head.Split('\n');
        if (lines.Length < 3 || !int.TryParse(lines[1].Trim(), out int size) || size < 2 || size > 52)
        {
            return false;
        }

        return lines.Any(l => l.StartsWith("PM", StringComparison.Ordinal)) || lines.Length > 10 && !head.Contains('[');
    }
}
