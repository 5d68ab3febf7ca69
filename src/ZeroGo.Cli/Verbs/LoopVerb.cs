using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Store;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo loop --run DIR --size N [--hours H | --generations G]</c>: the AlphaZero loop (self-play → train →
/// optional gate → promote), resumable after any interruption. Defaults per board size come from
/// <see cref="RunConfig.ForSize"/>; flags override them only when the run is created.
/// </summary>
internal static class LoopVerb
{
    public static Command Create()
    {
        var runDir = new Option<string>("--run") { Description = "Run folder (created when new, resumed when it exists).", Required = true };
        var size = new Option<int?>("--size") { Description = "Board size (new runs; an existing run keeps its own)." };
        var hours = new Option<double?>("--hours") { Description = "Stop after this many hours (from now)." };
        var generations = new Option<int?>("--generations") { Description = "The run's total number of generations (a larger number continues the run)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed for a new run.", DefaultValueFactory = _ => 1 };
        var games = new Option<int?>("--games-per-generation") { Description = "Self-play games per generation (new runs)." };
        var visits = new Option<int?>("--visits") { Description = "Visits of a full self-play search (new runs)." };
        var steps = new Option<int?>("--steps-per-generation") { Description = "Training steps per generation (new runs)." };
        var valueSearchShare = new Option<double?>("--value-search-share") { Description = "Share of a position's value target taken from its own search instead of the game's result, 0..1 (new runs; default 0: the result alone, as AlphaZero)." };
        var windowMin = new Option<int?>("--window-min-samples") { Description = "Positions the replay window holds before a new run's first training (default: the size's; 50,000 on 9x9)." };
        var blocks = new Option<int?>("--blocks") { Description = "Residual blocks of a new network (with --init: more than the model's deepens it by blocks that start as identity)." };
        var channels = new Option<int?>("--channels") { Description = "Channels of a new network." };
        var gate = new Option<bool>("--gate") { Description = "Promote a candidate only when it beats the current model in the arena." };
        var gumbel = new Option<bool>("--gumbel") { Description = "A new run self-plays with Gumbel root search and sequential halving: the default, kept for scripts." };
        var puct = new Option<bool>("--puct") { Description = "A new run self-plays with PUCT, Dirichlet noise and pruned visit counts (AlphaZero, KataGo) instead of Gumbel." };
        var device = new Option<string?>("--device") { Description = "cpu or cuda (training and self-play)." };
        var precision = new Option<string?>("--precision") { Description = "Training number format of a new run: fp32, bf16 (mixed, fp32 master weights) or auto (bf16 where it measured faster than fp32 on this machine; the default)." };
        var threads = new Option<int?>("--train-threads") { Description = "libtorch threads while training (default 1 on <= 2 cores)." };
        var init = new Option<string?>("--init") { Description = "Start a new run from this model (any board size: the network is size-independent)." };
        var store = new Option<string?>("--store") { Description = "Distributed run: postgresql://USER@HOST[:PORT]/DATABASE; workers play the games (docs/distributed.md)." };
        var learningRate = TrainingCli.LearningRateOption();
        var localSelfPlay = new Option<int>("--local-selfplay") { Description = "With --store: games the trainer plays at once itself (0 = only workers).", DefaultValueFactory = _ => 0 };
        var command = new Command("loop", "Self-play, train, promote: the learning loop, resumable (kill -9 safe).")
        {
            runDir, size, hours, generations, seed, games, visits, steps, windowMin, valueSearchShare, blocks, channels, gate, gumbel, puct, device, precision, threads, init, learningRate, store, localSelfPlay,
        };
        command.SetAction(parse =>
        {
            double? h = parse.GetValue(hours);
            int? g = parse.GetValue(generations);
            if (h is null && g is null)
            {
                return UsageError.Report("loop", "give --hours H or --generations G (or both)");
            }

            if (parse.GetValue(gumbel) && parse.GetValue(puct))
            {
                return UsageError.Report("loop", "--gumbel and --puct are two ways to search: give one");
            }

            if (h is <= 0 || g is < 1)
            {
                return UsageError.Report("loop", "--hours must be > 0 and --generations >= 1");
            }

            try
            {
                var run = new RunDirectory(parse.GetValue(runDir)!);
                if (parse.GetValue(init) is not null && parse.GetValue(channels) is not null)
                {
                    return UsageError.Report("loop", "--channels cannot be combined with --init (the run takes the model's width; --blocks may deepen it)");
                }

                var config = TrainingCli.OpenOrCreate(run, parse.GetValue(size), parse.GetValue(seed), c => c with
                {
                    Network = c.Network with
                    {
                        Blocks = parse.GetValue(blocks) ?? c.Network.Blocks,
                        Channels = parse.GetValue(channels) ?? c.Network.Channels,
                    },
                    SelfPlay = c.SelfPlay with
                    {
                        GamesPerGeneration = parse.GetValue(games) ?? c.SelfPlay.GamesPerGeneration,
                        Visits = parse.GetValue(visits) ?? c.SelfPlay.Visits,
                        Gumbel = c.SelfPlay.Gumbel && !parse.GetValue(puct),   // new runs default to Gumbel (RunConfig.ForSize)
                    },
                    Training = c.Training with
                    {
                        StepsPerGeneration = parse.GetValue(steps) ?? c.Training.StepsPerGeneration,
                        WindowMinSamples = parse.GetValue(windowMin) ?? c.Training.WindowMinSamples,
                        ValueSearchShare = parse.GetValue(valueSearchShare) ?? c.Training.ValueSearchShare,
                        Device = parse.GetValue(device) ?? c.Training.Device,
                        Precision = parse.GetValue(precision) ?? c.Training.Precision,
                        Threads = parse.GetValue(threads) ?? c.Training.Threads,
                    },
                    Gate = c.Gate with { Enabled = parse.GetValue(gate) || c.Gate.Enabled },
                }, parse.GetValue(init), parse.GetValue(learningRate), parse.GetValue(blocks));
                var loop = new RunLoop(run, config);
                loop.Log += TrainingCli.Print;
                using var cancel = TrainingCli.CancelOnCtrlC();
                var deadline = h is double hh ? DateTimeOffset.UtcNow.AddHours(hh) : (DateTimeOffset?)null;
                int reached;
                if (parse.GetValue(store) is { } address)
                {
                    var distributed = new StoreLoop(loop, () => StoreAddress.Open(address), Math.Max(0, parse.GetValue(localSelfPlay)));
                    distributed.Log += TrainingCli.Print;
                    reached = distributed.Execute(new LoopLimits(g, deadline), cancel.Token);
                }
                else
                {
                    reached = loop.Execute(new LoopLimits(g, deadline), cancel.Token);
                }

                Console.WriteLine($"loop: generation {reached}, latest model {run.LatestModelStem}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or ZeroGo.Neural.Files.ModelFileException or RunDivergedException
                or ZeroGo.Training.Arena.ArenaAbortedException or StoreFatalException)
            {
                Console.Error.WriteLine($"zerogo loop: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}

/// <summary>What the training verbs share: opening a run folder, printing, Ctrl-C.</summary>
internal static class TrainingCli
{
    private static readonly object PrintLock = new();

    public static void Print(string line)
    {
        lock (PrintLock)
        {
            var stamp = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            if (line.StartsWith("warning", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"[{stamp}] {line}");
            }
            else
            {
                Console.WriteLine($"[{stamp}] {line}");
            }
        }
    }

    /// <summary>Loads the run's config, or creates one from the size defaults (plus <paramref name="adjust"/>) for a new run.</summary>
    /// <paramref name="initModel"/> seeds a new run's generation 0 (recorded in config.json with its shape and the
    /// sizes it was trained on; <paramref name="initBlocks"/> deepens it by identity blocks, see RunConfig.StartingFrom);
    /// sizes it was trained on); for an existing run it is only checked against what the run records.
    /// <paramref name="learningRate"/> (<c>--learning-rate</c>) sets a new run's rate, or changes an existing run's
    /// from its next training step on (saved in config.json, said in the log).
    public static RunConfig OpenOrCreate(RunDirectory run, int? size, ulong seed, Func<RunConfig, RunConfig> adjust, string? initModel = null,
        double? learningRate = null, int? initBlocks = null)
    {
        CheckLearningRate(learningRate);
        if (run.HasConfig)
        {
            var existing = run.LoadConfig();
            if (size is int s && s != existing.Size)
            {
                throw new ArgumentException($"{run.Root} is a {existing.Size}x{existing.Size} run; --size {s} does not match");
            }

            if (initModel is not null && existing.Init?.IsSameModel(initModel) != true)
            {
                Print($"warning: --init {initModel} ignored: {run.Root} exists and started from " +
                    (existing.Init?.Describe() ?? "random weights"));
            }

            existing.Validate();
            return ChangeLearningRate(run, existing, learningRate);
        }

        if (size is not int newSize)
        {
            throw new ArgumentException($"{run.Root} has no config.json yet: give --size to start a new run");
        }

        if (newSize is < 2 or > 19)
        {
            throw new ArgumentException($"board size {newSize} is outside 2..19");
        }

        var config = adjust(RunConfig.ForSize(newSize, seed));
        if (initModel is not null)
        {
            config = config.StartingFrom(InitModelRecord.Read(initModel), initBlocks);
        }

        if (learningRate is double newRate)
        {
            config = config with { Training = config.Training with { LearningRate = newRate } };
        }
        if (config.Training.Threads == 0 && Environment.ProcessorCount <= 2)
        {
            config = config with { Training = config.Training with { Threads = 1 } };
        }

        config.Validate();
        run.CreateFolders();
        run.SaveConfig(config);
        return config;
    }

    /// <summary>
    /// An existing run's config with <c>--learning-rate</c> applied from its next training step: saved in config.json
    /// and said in the log when it changes the rate; unchanged (and not written) when the flag is absent or the same.
    /// </summary>
    public static RunConfig ChangeLearningRate(RunDirectory run, RunConfig existing, double? learningRate)
    {
        CheckLearningRate(learningRate);
        if (learningRate is not double rate || rate == existing.Training.LearningRate)
        {
            return existing;
        }

        var changed = existing with { Training = existing.Training with { LearningRate = rate } };
        changed.Validate();
        Print($"learning rate of {run.Root}: {existing.Training.LearningRate} -> {rate} (saved in config.json)");
        run.SaveConfig(changed);
        return changed;
    }

    private static void CheckLearningRate(double? learningRate)
    {
        if (learningRate is <= 0 or double.NaN or double.PositiveInfinity)
        {
            throw new ArgumentException($"--learning-rate must be a positive number, not {learningRate}");
        }
    }

    /// <summary><c>--learning-rate</c> of loop and train: a new run's rate, or a change of an existing run's.</summary>
    public static Option<double?> LearningRateOption() => new("--learning-rate")
    {
        Description = "Learning rate: a new run's (default: the size's, a quarter of it with --init), or a new one for an existing run from its next step (saved in config.json).",
    };

    // Held for the process's life: disposing a registration unhooks it.
    private static PosixSignalRegistration? _termination;

    /// <summary>
    /// A source cancelled by Ctrl-C or by SIGTERM (kill, systemd, a container stop), so a long job stops after its
    /// current step with everything saved; the same signal again kills at once.
    /// </summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var source = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Print("interrupted: finishing the current step (Ctrl-C again to kill)");
            source.Cancel();
        };
        _termination?.Dispose();
        _termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            if (source.IsCancellationRequested)
            {
                return;   // the second one: let it terminate the process
            }

            context.Cancel = true;
            Print("terminated: finishing the current step (send it again to kill)");
            source.Cancel();
        });
        return source;
    }
}
