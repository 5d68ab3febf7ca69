using System.Diagnostics;
using ZeroGo.Training.Store;
using ZeroGo.Training.Workers;

namespace ZeroGo.Training.Runs;

/// <summary>
/// The trainer of a distributed run: the loop of <see cref="RunLoop"/> with self-play done by workers through a
/// store. It prepares the store, publishes the run's config and generation 0, then repeats: copy the store's
/// games into the run folder until the current generation has its quota of games (games played by that
/// generation's network), train the next generation on the replay window, publish it. Games that older networks
/// finish after a switch are not wasted: they stay in the window (as KataGo keeps them) but do not count toward a
/// newer generation's quota. With <c>localSelfPlay</c> &gt; 0 the trainer also runs a worker of its own.
/// </summary>
public sealed class StoreLoop(RunLoop loop, Func<IRunStore> openStore, int localSelfPlay)
{
    private static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(15);

    public event Action<string>? Log;

    private void Say(string line) => Log?.Invoke(line);

    public int Execute(LoopLimits limits, CancellationToken cancel = default)
    {
        var run = loop.Run;
        var config = loop.Config;
        config.Validate();
        run.CreateFolders();
        run.RemoveTemporaryFiles(Say);
        using var store = openStore();
        var retry = new StoreRetry(Say);
        retry.Run(store.Prepare, cancel);
        PublishConfig(store, retry, cancel);
        int generation = loop.EnsureInitialModel();
        int? published = retry.Run(store.NewestGeneration, cancel);
        if (published > generation)
        {
            // Publishing our next generation would collide with the store's: workers would never see it.
            throw new StoreFatalException(
                $"{store.Description} already has generation {published} but {run.Root} only reaches {generation}: " +
                "run the trainer on the run folder that trained it (or use a new database)");
        }

        for (int g = (published ?? -1) + 1; g <= generation; g++)
        {
            retry.Run(() => store.PublishNetwork(g, run.ModelStem(g)), cancel);
            Say($"store: published {RunDirectory.GenerationName(g)} to {store.Description}");
        }

        using var linked = limits.LinkDeadline(cancel);
        var token = linked.Token;
        var localWorker = StartLocalWorker(token);
        var sync = new StoreGameSync(run, store, Say);
        try
        {
            while (!token.IsCancellationRequested && (limits.Generations is not int total || generation < total))
            {
                if (!WaitForGames(store, sync, retry, generation, token) || !loop.TrainNextGeneration(generation, token))
                {
                    break;
                }

                generation++;
                int next = generation;
                string? gate = loop.Config.Gate.Enabled ? loop.LastGateResult : null;
                retry.Run(() => store.PublishNetwork(next, run.ModelStem(next), gate), token);
                Say($"store: published {RunDirectory.GenerationName(generation)} to {store.Description}");
                loop.DrawCharts();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            linked.Cancel();
            localWorker?.Join();
        }

        Say($"loop: stopped at generation {generation}; models in {run.Models}, games in {store.Description}");
        return generation;
    }

    /// <summary>Saves the run's config to a new store; a store that holds another run is refused.</summary>
    private void PublishConfig(IRunStore store, StoreRetry retry, CancellationToken cancel)
    {
        var config = loop.Config;
        var stored = retry.Run(store.LoadConfig, cancel);
        if (stored is null)
        {
            retry.Run(() => store.SaveConfig(config), cancel);
        }
        else if (stored.Size != config.Size || stored.Network != config.Network || stored.Seed != config.Seed)
        {
            throw new StoreFatalException(
                $"{store.Description} holds another run ({stored.Size}x{stored.Size}, b{stored.Network.Blocks}c{stored.Network.Channels}, seed {stored.Seed}); " +
                $"{loop.Run.Root} is {config.Size}x{config.Size}, b{config.Network.Blocks}c{config.Network.Channels}, seed {config.Seed}: use a new database");
        }
        else if (stored != config)
        {
            retry.Run(() => store.SaveConfig(config), cancel);
        }
    }

    /// <summary>Copies games until <paramref name="generation"/> has its quota; false when interrupted.</summary>
    private bool WaitForGames(IRunStore store, StoreGameSync sync, StoreRetry retry, int generation, CancellationToken token)
    {
        int quota = loop.Config.SelfPlay.GamesPerGeneration;
        var sinceReport = Stopwatch.StartNew();
        bool first = true;
        while (!token.IsCancellationRequested)
        {
            int count = retry.Run(() => store.CountGames(generation), token);
            int added = retry.Run(sync.Pull, token);
            if (count >= quota)
            {
                Say($"store: generation {generation} has {count} of {quota} games; training");
                return true;
            }

            if (first || sinceReport.Elapsed > ReportInterval || added > 0 && sinceReport.Elapsed > ReportInterval / 3)
            {
                Say($"store: generation {generation}: {count} of {quota} games in {store.Description}; waiting for workers");
                sinceReport.Restart();
                first = false;
            }

            token.WaitHandle.WaitOne(SyncInterval);
        }

        return false;
    }

    private Thread? StartLocalWorker(CancellationToken token)
    {
        if (localSelfPlay <= 0)
        {
            return null;
        }

        var thread = new Thread(() =>
        {
            using var store = openStore();
            var worker = new SelfPlayWorker(store, new WorkerOptions
            {
                Name = Environment.MachineName + "-trainer",
                CacheFolder = loop.Run.Models,
                ConcurrentGames = localSelfPlay,
                Device = loop.Config.Training.Device,
            });
            worker.Log += Say;
            try
            {
                worker.Run(token);
            }
            catch (Exception e) when (e is StoreFatalException or InvalidOperationException)
            {
                Say($"warning: local self-play stopped: {e.Message}");
            }
        })
        { IsBackground = true, Name = "local self-play" };
        thread.Start();
        return thread;
    }
}
