using System.Globalization;
using ZeroGo.Neural;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;
using ZeroGo.Training.SelfPlay;
using ZeroGo.Training.Store;

namespace ZeroGo.Training.Workers;

/// <summary>What a worker is told on its command line; everything else comes from the run in the store.</summary>
public sealed record WorkerOptions
{
    /// <summary>Recorded with every game (who played it; <c>store status</c> groups by it).</summary>
    public required string Name { get; init; }

    /// <summary>Where downloaded networks are kept.</summary>
    public required string CacheFolder { get; init; }

    /// <summary>Games played at once (null: the run's setting).</summary>
    public int? ConcurrentGames { get; init; }

    /// <summary>Stop after uploading this many games (null: until cancelled).</summary>
    public int? MaxGames { get; init; }

    public string Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>How often the store is asked for a new generation when no notification arrives.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// A self-play worker: waits for the run and its first network, plays games with the newest network and the
/// run's settings, and adds each finished game to the store under a fresh id (one insert, committed before
/// <see cref="Uploaded"/> fires). When a newer generation appears (notification or poll) it starts no new games,
/// finishes those in progress and switches. It keeps nothing that matters: a game in progress when the process
/// dies is simply not in the store.
/// </summary>
public sealed class SelfPlayWorker(IRunStore store, WorkerOptions options)
{
    /// <summary>Progress lines and warnings for people.</summary>
    public event Action<string>? Log;

    /// <summary>A game's id, after its upload committed.</summary>
    public event Action<Guid>? Uploaded;

    public int GamesUploaded { get; private set; }

    /// <summary>Games started so far: with <see cref="WorkerOptions.MaxGames"/>, no more than that many start.</summary>
    private int _gamesStarted;

    private void Say(string line) => Log?.Invoke(line);

    /// <summary>Plays and uploads until cancelled (or <see cref="WorkerOptions.MaxGames"/>); returns the games uploaded.</summary>
    public int Run(CancellationToken cancel)
    {
        var retry = new StoreRetry(Say);
        try
        {
            var (config, generation) = WaitForRun(retry, cancel);
            // A seed of the worker's own: two workers never play the same games.
            ulong seed = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
            while (!cancel.IsCancellationRequested && !Done)
            {
                generation = PlayGeneration(config with { Seed = seed + (ulong)generation }, generation, retry, cancel);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return GamesUploaded;
    }

    private bool Done => options.MaxGames is int max && _gamesStarted >= max;

    private (RunConfig Config, int Generation) WaitForRun(StoreRetry retry, CancellationToken cancel)
    {
        bool told = false;
        while (true)
        {
            bool prepared = retry.Run(store.IsPrepared, cancel);
            var found = prepared
                ? retry.Run(() => store.LoadConfig() is { } c && store.NewestGeneration() is int g ? (c, g) : ((RunConfig, int)?)null, cancel)
                : null;
            if (found is { } run)
            {
                Say($"worker {options.Name}: {run.Item1.Size}x{run.Item1.Size} run in {store.Description}, generation {run.Item2}");
                return run;
            }

            if (!told)
            {
                Say($"worker {options.Name}: waiting for a trainer to publish a network in {store.Description}");
                told = true;
            }

            if (prepared)
            {
                retry.Run(() => store.WaitForNewGeneration(null, options.PollInterval, cancel), cancel);
            }
            else
            {
                cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(2));   // no tables to read yet: the trainer creates them
            }

            cancel.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Plays with <paramref name="generation"/> until a newer one appears; returns the generation to play next.</summary>
    private int PlayGeneration(RunConfig config, int generation, StoreRetry retry, CancellationToken cancel)
    {
        var stem = retry.Run(() => store.FetchNetwork(generation, options.CacheFolder), cancel);
        var settings = config.SelfPlay with { ConcurrentGames = options.ConcurrentGames ?? config.SelfPlay.ConcurrentGames };
        using var network = PolicyValueNetwork.Load(stem, options.Device);
        using var evaluator = new BatchingEvaluator(network, new EvaluatorOptions
        {
            MaxBatchSize = Math.Clamp(settings.ConcurrentGames * settings.SearchBatch, 8, 128),
        });
        var runner = new RunLoop(new RunDirectory(options.CacheFolder), config).CreateRunner(evaluator, settings, generation);
        string source = $"worker {options.Name} {RunDirectory.GenerationName(generation)}";
        runner.GameFinished += (game, _) => Upload(game, generation, source, retry, cancel);

        int newer = generation;
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var watcher = new Thread(() => newer = WatchForNewer(generation, stopWatching.Token)) { IsBackground = true, Name = "generation watcher" };
        watcher.Start();
        Say($"worker {options.Name}: playing with {RunDirectory.GenerationName(generation)}, {settings.ConcurrentGames} games at once");
        var numbers = Enumerable.Range(0, 100_000).Select(_ => Random.Shared.Next(1, int.MaxValue)).ToList();
        runner.Run(numbers, cancel, stopStarting: () =>
        {
            // Called under the runner's lock before each new game.
            if (Volatile.Read(ref newer) != generation || options.MaxGames is int max && _gamesStarted >= max)
            {
                return true;
            }

            _gamesStarted++;
            return false;
        });
        stopWatching.Cancel();
        watcher.Join();
        if (newer != generation)
        {
            Say($"worker {options.Name}: switching to {RunDirectory.GenerationName(newer)}");
        }

        return newer;
    }

    /// <summary>Returns the newest generation once it is newer than <paramref name="generation"/> (or when stopped).</summary>
    private int WatchForNewer(int generation, CancellationToken stop)
    {
        var quiet = new StoreRetry(Say);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                quiet.Run(() => store.WaitForNewGeneration(generation, options.PollInterval, stop), stop);
                if (quiet.Run(() => store.NewestGeneration(), stop) is int newest && newest > generation)
                {
                    return newest;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (StoreFatalException e)
        {
            Say($"warning: {e.Message}; not watching for new generations any more");
        }

        return generation;
    }

    private void Upload(SelfPlayGame game, int generation, string source, StoreRetry retry, CancellationToken cancel)
    {
        var record = game.Record;
        record.Source = source;
        var stored = new StoredGame(Guid.NewGuid(), generation, options.Name, record.Moves.Count, ChunkFile.ToBytes([record]));
        try
        {
            // An upload retried after a lost reply finds its id already there: stored once either way.
            retry.Run(() => store.AddGame(stored), cancel);
        }
        catch (OperationCanceledException)
        {
            return;   // stopping: the game is not in the store, which is the same as never played
        }

        GamesUploaded++;
        Uploaded?.Invoke(stored.Id);
        if (GamesUploaded % 10 == 0)
        {
            Say(string.Create(CultureInfo.InvariantCulture, $"worker {options.Name}: {GamesUploaded} games uploaded"));
        }
    }
}
