namespace ZeroGo.Training.Kifu;

/// <summary>
/// Reads the games of a <see cref="KifuSource"/> in its fixed order, each joined to its index row by ID. The index
/// is read whole first (a dictionary of about 160,000 rows for tygem-9d); the game lines are then streamed.
/// </summary>
public sealed class KifuReader
{
    private readonly KifuSource _source;
    private Dictionary<string, KifuIndexRow>? _index;

    public KifuReader(KifuSource source)
    {
        _source = source;
    }

    public KifuSource Source => _source;

    /// <summary>Index rows by game ID (read on first use; a repeated ID keeps its first row).</summary>
    public IReadOnlyDictionary<string, KifuIndexRow> Index => _index ??= ReadIndex();

    /// <summary>The first <paramref name="limit"/> games (all when null), in archive order.</summary>
    public IEnumerable<KifuGame> Games(int? limit = null)
    {
        var index = Index;
        int count = 0;
        if (limit <= 0)
        {
            yield break;
        }

        foreach (var line in _source.MoveLines())
        {
            yield return Join(line, index);
            if (++count == limit)
            {
                yield break;
            }
        }
    }

    /// <summary>One game line parsed and joined to its index row (throws <see cref="KifuFormatException"/> on a malformed line).</summary>
    public KifuGame Game(KifuTextLine line) => Join(line, Index);

    private KifuGame Join(KifuTextLine line, IReadOnlyDictionary<string, KifuIndexRow> index)
    {
        var moves = KifuMoveLine.Parse(line.Text, line.Where);
        var row = index.GetValueOrDefault(moves.Id);
        return new KifuGame(moves, line.Where, row, row?.Komi ?? _source.DefaultKomi);
    }

    private Dictionary<string, KifuIndexRow> ReadIndex()
    {
        var rows = new Dictionary<string, KifuIndexRow>(StringComparer.Ordinal);
        foreach (var line in _source.IndexLines())
        {
            var row = KifuIndexRow.Parse(line.Text, _source.IndexFormat, line.Where);
            rows.TryAdd(row.Id, row);
        }

        return rows;
    }
}
