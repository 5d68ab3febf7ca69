namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// KataGo's config text: <c>key = value</c> lines, <c>#</c> starting a comment, blank lines ignored; and
/// <c>-override-config</c>'s <c>key=value,key=value</c>. Later values of a key replace earlier ones.
/// </summary>
public static class KataConfig
{
    /// <summary>The settings in a config file's text, in order; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static List<KeyValuePair<string, string>> ParseFile(string text)
    {
        var settings = new List<KeyValuePair<string, string>>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int comment = line.IndexOf('#');
            line = (comment >= 0 ? line[..comment] : line).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            settings.Add(Pair(line, $"line {i + 1}"));
        }

        return settings;
    }

    /// <summary><c>key=value,key=value</c> as KataGo's <c>-override-config</c> takes it.</summary>
    public static List<KeyValuePair<string, string>> ParseOverrides(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => Pair(part, $"'{part}'"))];

    private static KeyValuePair<string, string> Pair(string text, string where)
    {
        int equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new FormatException($"{where}: expected key = value");
        }

        // KataGo configs quote some values (logFile = "~/.katrain/katago_log.txt"): the quotes are not the value.
        string value = text[(equals + 1)..].Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return new KeyValuePair<string, string>(text[..equals].Trim(), value);
    }
}
