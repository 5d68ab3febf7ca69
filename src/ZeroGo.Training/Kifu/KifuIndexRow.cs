using System.Globalization;

namespace ZeroGo.Training.Kifu;

/// <summary>The two index layouts of the datasets (tab-separated, one row per game).</summary>
public enum KifuIndexFormat
{
    /// <summary>TYGEM: ID, date, white, white (latin), white nation, black, black (latin), black nation, result, moves, time setting. No komi: the server's 6.5.</summary>
    Tygem,

    /// <summary>Tom: ID, date, white, black, komi, result, moves, time setting.</summary>
    Tom,
}

/// <summary>What an index says about one game: players, date, komi, result, length, time setting.</summary>
public sealed record KifuIndexRow(string Id, string Date, string White, string Black, double Komi, string Result, string TimeSetting)
{
    /// <summary>TYGEM stores no komi; the server played 6.5.</summary>
    public const double TygemKomi = 6.5;

    /// <summary>Parses one row; <paramref name="where"/> ("Kifu2006.index line 3") goes into the error message.</summary>
    public static KifuIndexRow Parse(string line, KifuIndexFormat format, string where)
    {
        var fields = line.TrimEnd('\r', '\n').Split('\t');
        int expected = format == KifuIndexFormat.Tygem ? 11 : 8;
        if (fields.Length != expected)
        {
            throw new KifuFormatException($"{where}: {format} index rows have {expected} tab-separated fields, this one has {fields.Length}");
        }

        if (format == KifuIndexFormat.Tygem)
        {
            // The latin spellings (fields 3 and 6) are the readable names; the native ones are often Hangul.
            return new KifuIndexRow(fields[0].Trim(), fields[1], Name(fields[3], fields[2]), Name(fields[6], fields[5]),
                TygemKomi, fields[8].Trim(), fields[10]);
        }

        if (!double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double komi) || komi is < -150 or > 150)
        {
            throw new KifuFormatException($"{where}: komi '{fields[4]}' is not a number");
        }

        return new KifuIndexRow(fields[0].Trim(), fields[1], fields[2], fields[3], komi, fields[5].Trim(), fields[7]);
    }

    private static string Name(string latin, string native) => string.IsNullOrWhiteSpace(latin) ? native : latin;
}
