using ZeroGo.Formats.Sgf;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Prediction;

/// <summary>
/// Human games to measure a network on: the first N games of a kifu collection or of an SGF folder (files sorted
/// by path), converted to records as they are used, with how many positions to expect (for the ETA) and a summary
/// of what was kept and skipped.
/// </summary>
public sealed class HumanGameSet
{
    private readonly Func<string> _summary;

    private HumanGameSet(string description, IEnumerable<GameRecord> records, long expectedPositions, Func<string> summary)
    {
        Description = description;
        Records = records;
        ExpectedPositions = expectedPositions;
        _summary = summary;
    }

    public string Description { get; }

    /// <summary>The games that replay, in order (lazy: enumerate once).</summary>
    public IEnumerable<GameRecord> Records { get; }

    /// <summary>Moves of every game read, skipped ones included (an upper bound of the positions measured).</summary>
    public long ExpectedPositions { get; }

    /// <summary>Games read, kept and skipped with reasons: complete once <see cref="Records"/> has been enumerated.</summary>
    public string Summary() => _summary();

    /// <summary>The first <paramref name="limit"/> games of a kifu archive or folder (all when null).</summary>
    public static HumanGameSet FromKifu(string path, int? limit)
    {
        var reader = new KifuReader(KifuSource.Open(path));
        // The move lists are small (a few bytes a move); the records are built one game at a time while measuring.
        var games = reader.Games(limit).ToList();
        var counts = new KifuImportCounts();
        return new HumanGameSet(reader.Source.Description, KifuRecords.Convert(games, counts),
            games.Sum(g => (long)g.Moves.Count), counts.Summary);
    }

    /// <summary>The first <paramref name="limit"/> SGF files under <paramref name="path"/> (or that one file).</summary>
    public static HumanGameSet FromSgf(string path, int? limit)
    {
        var files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.sgf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : throw new FileNotFoundException($"{path}: no such file or folder");
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"{path}: no .sgf files");
        }

        var records = new List<GameRecord>();
        var skipped = new List<string>();
        foreach (var file in files.Take(limit ?? int.MaxValue))
        {
            try
            {
                var record = SgfGames.FromSgf(SgfGame.Load(file), Path.GetFileName(file), out string? whyNot);
                if (record is null)
                {
                    skipped.Add($"{file}: {whyNot}");
                    continue;
                }

                record.GameNumber = records.Count + 1;
                records.Add(record);
            }
            catch (Exception e) when (e is SgfException or IOException or InvalidDataException)
            {
                skipped.Add($"{file}: {e.Message}");
            }
        }

        int read = records.Count + skipped.Count;
        string summary = $"{read} games read, {records.Count} kept ({records.Sum(r => r.Moves.Count)} positions; "
            + $"{records.Count(r => r.NoValueTarget)} without a value target), {skipped.Count} skipped"
            + (skipped.Count > 0 ? $", e.g. {skipped[0]}" : "");
        return new HumanGameSet(path, records, records.Sum(r => (long)r.Moves.Count), () => summary);
    }
}
