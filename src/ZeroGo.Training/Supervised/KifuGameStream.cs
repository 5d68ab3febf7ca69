using ZeroGo.Training.Kifu;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// The games of a kifu collection as an endless stream, epoch after epoch: each epoch visits the files in an order
/// shuffled by the seed, and each file's games in an order shuffled by the seed, epoch and file. Only one file's
/// lines are in memory at a time (a TYGEM month: about 6,600 games, 10 MB of text), so the whole collection is never
/// materialised. The same seed and position always give the same games.
/// </summary>
public sealed class KifuGameStream
{
    private readonly KifuReader _reader;
    private readonly ulong _seed;
    private (int Epoch, int[] Order)? _fileOrder;
    private (int Epoch, int File, List<KifuTextLine> Lines)? _file;

    public KifuGameStream(KifuReader reader, ulong seed)
    {
        _reader = reader;
        _seed = seed;
        if (reader.Source.KifuFiles.Count == 0)
        {
            throw new KifuFormatException($"{reader.Source.Description}: no kifu files");
        }
    }

    public int FileCount => _reader.Source.KifuFiles.Count;

    /// <summary>The games from <paramref name="start"/> on, each with the position just after it; never ends.</summary>
    public IEnumerable<(KifuGame Game, StreamPosition Next)> From(StreamPosition start)
    {
        if (start.Epoch < 0 || start.File < 0 || start.File >= FileCount || start.Game < 0)
        {
            throw new ArgumentException($"stream position {start} does not fit {_reader.Source.Description} ({FileCount} files)");
        }

        var at = start;
        int filesWithoutGames = 0;
        while (true)
        {
            var lines = Lines(at.Epoch, at.File);
            filesWithoutGames = lines.Count == 0 ? filesWithoutGames + 1 : 0;
            if (filesWithoutGames > FileCount)
            {
                throw new KifuFormatException($"{_reader.Source.Description}: no games in any kifu file");
            }

            for (int game = at.Game; game < lines.Count; game++)
            {
                yield return (_reader.Game(lines[game]), at with { Game = game + 1 });
            }

            at = at.File + 1 < FileCount ? new StreamPosition(at.Epoch, at.File + 1, 0) : new StreamPosition(at.Epoch + 1, 0, 0);
        }
    }

    /// <summary>
    /// The name of the file at place <paramref name="file"/> of epoch <paramref name="epoch"/>'s order (safe to call
    /// while another thread reads the stream: it touches no cache).
    /// </summary>
    public string FileName(int epoch, int file) => _reader.Source.KifuFiles[ShuffledFiles(epoch)[file]];

    private int[] FileOrder(int epoch)
    {
        if (_fileOrder is not { } cached || cached.Epoch != epoch)
        {
            cached = (epoch, ShuffledFiles(epoch));
            _fileOrder = cached;
        }

        return cached.Order;
    }

    private int[] ShuffledFiles(int epoch)
    {
        var order = Enumerable.Range(0, FileCount).ToArray();
        StreamSeed.Shuffle(order, StreamSeed.Mix(_seed, epoch));
        return order;
    }

    private List<KifuTextLine> Lines(int epoch, int file)
    {
        if (_file is not { } cached || cached.Epoch != epoch || cached.File != file)
        {
            int index = FileOrder(epoch)[file];
            var lines = _reader.Source.MoveLines(index).ToList();
            StreamSeed.Shuffle(lines, StreamSeed.Mix(_seed, epoch, index + 1));
            cached = (epoch, file, lines);
            _file = cached;
        }

        return cached.Lines;
    }
}
