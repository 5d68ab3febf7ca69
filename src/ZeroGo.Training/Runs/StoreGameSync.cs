using ZeroGo.Training.Samples;
using ZeroGo.Training.Store;

namespace ZeroGo.Training.Runs;

/// <summary>
/// Copies the store's games into the trainer's run folder (<c>samples/gen-NNNN/ID.zgchunk</c>, the generation
/// being the network that played it), so the replay window reads them like local games. Only ids not copied
/// yet are fetched; a chunk that does not decode is reported and left out.
/// </summary>
public sealed class StoreGameSync(RunDirectory run, IRunStore store, Action<string> say)
{
    private const int FetchBatch = 256;
    private HashSet<Guid>? _copied;

    /// <summary>Fetches the games the folder lacks; returns how many were added.</summary>
    public int Pull()
    {
        _copied ??= LocalIds();
        var missing = store.GameIds().Where(id => !_copied.Contains(id)).ToList();
        int added = 0;
        foreach (var batch in missing.Chunk(FetchBatch))
        {
            foreach (var game in store.ReadGames(batch))
            {
                try
                {
                    var records = ChunkFile.FromBytes(game.Chunk, $"game {game.Id}");
                    if (records.Count != 1 || records[0].Generation != game.Generation)
                    {
                        throw new InvalidDataException($"game {game.Id}: chunk does not hold one game of generation {game.Generation}");
                    }

                    var path = Path.Combine(run.SamplesFolder(game.Generation), game.Id.ToString("D") + ChunkFile.Extension);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    if (!File.Exists(path))
                    {
                        AtomicFile.Write(path, stream => stream.Write(game.Chunk));
                        added++;
                    }
                }
                catch (InvalidDataException e)
                {
                    say($"warning: leaving out a damaged game: {e.Message}");
                }

                _copied.Add(game.Id);
            }
        }

        return added;
    }

    private HashSet<Guid> LocalIds()
    {
        var ids = new HashSet<Guid>();
        if (Directory.Exists(run.Samples))
        {
            foreach (var path in Directory.EnumerateFiles(run.Samples, "*" + ChunkFile.Extension, SearchOption.AllDirectories))
            {
                if (Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }
}
