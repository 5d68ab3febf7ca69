using ZeroGo.Neural.Files;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Store;

/// <summary>
/// The store as a run folder, the single-machine layout the loop has always used: config.json, models/gen-NNNN,
/// samples/gen-NNNN/*.zgchunk. Workers on a shared file system can use it too: a game from a worker is the chunk
/// <c>samples/gen-NNNN/ID.zgchunk</c>, written atomically, so its existence is its commit.
/// </summary>
public sealed class RunFolderStore(RunDirectory run) : IRunStore
{
    public string Description => run.Root;

    public void Prepare() => run.CreateFolders();

    public bool IsPrepared() => run.HasConfig;

    public RunConfig? LoadConfig() => run.HasConfig ? run.LoadConfig() : null;

    public void SaveConfig(RunConfig config) => run.SaveConfig(config);

    public int? NewestGeneration() =>
        run.GenerationsWithFile(ModelPaths.ManifestExtension) is { Count: > 0 } generations ? generations[^1] : null;

    /// <remarks>The gate's line is already in the run folder's logs/gate.log.</remarks>
    public void PublishNetwork(int generation, string modelStem, string? gate = null)
    {
        var target = new ModelPaths(run.ModelStem(generation));
        var source = ModelPaths.From(modelStem);
        if (source.Stem == target.Stem || File.Exists(target.Manifest))
        {
            return;
        }

        Directory.CreateDirectory(run.Models);
        AtomicFile.Write(target.Weights, stream => stream.Write(File.ReadAllBytes(source.Weights)));
        AtomicFile.WriteAllText(target.Manifest, File.ReadAllText(source.Manifest));
    }

    public string FetchNetwork(int generation, string folder) => run.ModelStem(generation);

    public bool AddGame(StoredGame game)
    {
        var path = GamePath(game.Generation, game.Id);
        if (File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, stream => stream.Write(game.Chunk));
        return true;
    }

    public IReadOnlyCollection<Guid> GameIds() => WorkerGames().Select(g => g.Id).ToList();

    public IReadOnlyList<StoredGame> ReadGames(IReadOnlyCollection<Guid> ids)
    {
        var wanted = ids.ToHashSet();
        return WorkerGames()
            .Where(g => wanted.Contains(g.Id))
            .Select(g =>
            {
                var bytes = File.ReadAllBytes(g.Path);
                var moves = ChunkFile.FromBytes(bytes, g.Path).Sum(r => r.Moves.Count);
                return new StoredGame(g.Id, g.Generation, "", moves, bytes, File.GetLastWriteTimeUtc(g.Path));
            })
            .ToList();
    }

    public int CountGames(int generation) =>
        Directory.Exists(run.SamplesFolder(generation))
            ? Directory.EnumerateFiles(run.SamplesFolder(generation), "*" + ChunkFile.Extension).Count()
            : 0;

    public void WaitForNewGeneration(int? known, TimeSpan timeout, CancellationToken cancel)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !cancel.IsCancellationRequested && (NewestGeneration() ?? -1) <= (known ?? -1))
        {
            cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(500));
        }
    }

    public StoreStatus Status(TimeSpan recent)
    {
        var networks = run.GenerationsWithFile(ModelPaths.ManifestExtension)
            .Select(g => new NetworkEntry(g, File.GetLastWriteTimeUtc(run.ModelStem(g) + ModelPaths.ManifestExtension), null))
            .ToList();
        var perGeneration = networks.ToDictionary(n => n.Generation, n => CountGames(n.Generation));
        int games = perGeneration.Values.Sum();
        // Folder games are named by generation and number or by id: each file is one distinct game.
        return new StoreStatus(networks, perGeneration, games, games, 0, [], recent);
    }

    public void Dispose()
    {
    }

    private string GamePath(int generation, Guid id) => Path.Combine(run.SamplesFolder(generation), id.ToString("D") + ChunkFile.Extension);

    private IEnumerable<(Guid Id, int Generation, string Path)> WorkerGames()
    {
        foreach (var generation in run.GenerationsWithFile(ModelPaths.ManifestExtension))
        {
            var folder = run.SamplesFolder(generation);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*" + ChunkFile.Extension))
            {
                if (Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var id))
                {
                    yield return (id, generation, path);
                }
            }
        }
    }
}
