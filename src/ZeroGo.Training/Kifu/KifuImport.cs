using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Kifu;

/// <summary>
/// Writes kifu games into a run's sample folder as chunk files of <see cref="GamesPerChunk"/> games
/// (<c>kifu-0001.zgchunk</c>, …), streaming: one chunk's records in memory at a time. The same archive and limit
/// give the same files, so repeating the import rewrites them unchanged.
/// </summary>
public static class KifuImport
{
    public const int GamesPerChunk = 1000;

    /// <summary>Refuses a held-out collection (its name says so: tom-9d-heldout.tar.xz): it is for measuring only.</summary>
    public static void RefuseHeldOut(string path)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        if (name.Contains("heldout", StringComparison.OrdinalIgnoreCase) || name.Contains("held-out", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{path} is a held-out collection: measure on it with 'zerogo eval', never train on it");
        }
    }

    /// <summary>Imports the first <paramref name="limit"/> games (all when null) into <paramref name="folder"/>; returns the chunk paths.</summary>
    public static List<string> WriteChunks(string path, int? limit, string folder, KifuImportCounts counts)
    {
        RefuseHeldOut(path);
        var reader = new KifuReader(KifuSource.Open(path));
        var chunks = new List<string>();
        var pending = new List<GameRecord>(GamesPerChunk);
        foreach (var record in KifuRecords.Convert(reader.Games(limit), counts))
        {
            pending.Add(record);
            if (pending.Count == GamesPerChunk)
            {
                chunks.Add(Write(folder, chunks.Count + 1, pending));
            }
        }

        if (pending.Count > 0)
        {
            chunks.Add(Write(folder, chunks.Count + 1, pending));
        }

        return chunks;
    }

    private static string Write(string folder, int number, List<GameRecord> games)
    {
        var chunk = Path.Combine(folder, $"kifu-{number:D4}{ChunkFile.Extension}");
        ChunkFile.Write(chunk, games);
        games.Clear();
        return chunk;
    }
}
