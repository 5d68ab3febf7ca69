using System.Globalization;

namespace ZeroGo.Training.Metrics;

/// <summary>
/// An append-only CSV log with a fixed header (written when the file is new). Each row is appended and
/// flushed at once so a killed run keeps every finished row; a torn last line (a crash mid-write) is dropped
/// by <see cref="Read"/>. Thread-safe.
/// </summary>
public sealed class CsvLog
{
    private readonly object _gate = new();

    public CsvLog(string path, IReadOnlyList<string> columns)
    {
        Path = path;
        Columns = columns;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            File.WriteAllText(path, string.Join(',', columns) + "\n");
        }
        else
        {
            RepairTornLastLine(path);
        }
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public void Append(params object[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"{Path}: {values.Length} values for {Columns.Count} columns");
        }

        var line = string.Join(',', values.Select(Format)) + "\n";
        lock (_gate)
        {
            File.AppendAllText(Path, line);
        }
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => (value?.ToString() ?? "").Replace(',', ';'),
    };

    /// <summary>Rows as column → text dictionaries (rows with the wrong number of fields are skipped).</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        var rows = new List<Dictionary<string, string>>();
        if (!File.Exists(path))
        {
            return rows;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            return rows;
        }

        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                continue;
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    /// <summary>
    /// Drops the rows whose <paramref name="column"/> value is above <paramref name="limit"/> (rows a killed run
    /// wrote for work that is redone after resuming), rewriting the file atomically.
    /// </summary>
    public int RemoveRowsAbove(string column, double limit)
    {
        lock (_gate)
        {
            var lines = File.ReadAllLines(Path);
            int index = Columns.ToList().IndexOf(column);
            if (lines.Length <= 1 || index < 0)
            {
                return 0;
            }

            var kept = new List<string> { lines[0] };
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(',');
                bool above = fields.Length == Columns.Count
                    && double.TryParse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > limit;
                if (!above)
                {
                    kept.Add(line);
                }
            }

            int removed = lines.Length - kept.Count;
            if (removed > 0)
            {
                Runs.AtomicFile.WriteAllText(Path, string.Join('\n', kept) + "\n");
            }

            return removed;
        }
    }

    public static double Number(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : double.NaN;

    private static void RepairTornLastLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        if (stream.Length == 0)
        {
            return;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() == '\n')
        {
            return;
        }

        // Cut back to the last complete line.
        long position = stream.Length - 1;
        while (position > 0)
        {
            stream.Seek(position - 1, SeekOrigin.Begin);
            if (stream.ReadByte() == '\n')
            {
                break;
            }

            position--;
        }

        stream.SetLength(position);
    }
}
