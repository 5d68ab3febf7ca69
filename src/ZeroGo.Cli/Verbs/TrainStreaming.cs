using System.Globalization;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Supervised;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo train --run DIR --from-kifu PATH</c> without <c>--games</c>: supervised training streamed from the whole
/// collection (<see cref="SupervisedRun"/>), until <c>--steps</c> (the run's total), <c>--hours</c> (from now) or
/// Ctrl-C. The first command creates the run (its shape, seed, data and sampling are then fixed); the same command
/// resumes it.
/// </summary>
internal static class TrainStreaming
{
    /// <summary>The choices of one invocation, as parsed.</summary>
    public sealed record Request(
        string Source, int? Size, ulong Seed, int? Blocks, int? Channels, long? Steps, double? Hours, int? Batch, int? PositionsPerGame,
        double? ValueWeight, string? Precision, int? Threads, string? HeldOut, int HeldOutGames, double EvalMinutes, string? Init,
        double? LearningRate = null);

    /// <summary>A one-line problem with the request's numbers, or null.</summary>
    public static string? Check(Request r) =>
        r.Steps is < 1 ? $"--steps must be at least 1 (got {r.Steps})"
        : r.Hours is <= 0 ? $"--hours must be > 0 (got {r.Hours})"
        : r.Batch is < 1 or > 8192 ? $"--batch must be 1..8192 (got {r.Batch})"
        : r.PositionsPerGame is < 1 or > 1000 ? $"--positions-per-game must be 1..1000 (got {r.PositionsPerGame})"
        : r.HeldOutGames < 1 ? $"--heldout-games must be at least 1 (got {r.HeldOutGames})"
        : r.EvalMinutes < 0 ? $"--eval-minutes must be >= 0 (got {r.EvalMinutes})"
        : r.Threads is < 1 or > 1024 ? $"--threads must be 1..1024 (got {r.Threads})"
        : null;

    public static int Run(RunDirectory run, Request request)
    {
        KifuImport.RefuseHeldOut(request.Source);
        string source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Source));
        if (!File.Exists(source) && !Directory.Exists(source))
        {
            // Before a new run's config.json is written: a run never records a collection that is not there.
            throw new KifuFormatException($"{request.Source}: no such file or folder");
        }

        var config = ConfigFor(run, request, source);
        var heldOut = request.HeldOut is { } path ? HeldOutSet.Load(path, request.HeldOutGames, source) : null;
        if (heldOut is not null)
        {
            TrainingCli.Print($"train: held out: {heldOut.Games} games ({heldOut.Positions} positions) of {heldOut.Path}, measured every {request.EvalMinutes.ToString(CultureInfo.InvariantCulture)} min: {heldOut.Summary}");
        }

        var limits = new SupervisedLimits(request.Steps, request.Hours is double h ? DateTimeOffset.UtcNow.AddHours(h) : null);
        var trainer = new SupervisedRun(run, config, new SupervisedOptions { HeldOut = heldOut, EvaluateEvery = TimeSpan.FromMinutes(request.EvalMinutes) });
        trainer.Log += TrainingCli.Print;
        using var cancel = TrainingCli.CancelOnCtrlC();
        long step = trainer.Train(limits, cancel.Token);
        bool reached = (request.Steps is long target && step >= target) || (limits.Deadline is { } d && DateTimeOffset.UtcNow >= d);
        Console.WriteLine(reached
            ? $"train: step {step}, model {run.LatestModelStem}"
            : $"train: stopped at step {step} (resume with the same command), model {run.LatestModelStem}");
        return reached || (request.Steps is null && request.Hours is null) ? 0 : 1;
    }

    /// <summary>
    /// The run's config (created when new) with this invocation's flags (threads, batch, value weight, precision)
    /// applied to it, as --steps does in train. Without <c>--value-weight</c> a run keeps the weight it was created
    /// with (saved in its config.json; <see cref="HumanValueWeight"/> unless the first command gave one).
    /// </summary>
    internal static RunConfig ConfigFor(RunDirectory run, Request request, string source)
    {
        var config = OpenConfig(run, request, source);
        config = config with
        {
            Training = config.Training with
            {
                Threads = request.Threads ?? config.Training.Threads,
                BatchSize = request.Batch ?? config.Training.BatchSize,
                ValueWeight = request.ValueWeight ?? config.Training.ValueWeight,
                Precision = request.Precision ?? config.Training.Precision,
            },
        };
        config.Validate();
        return config;
    }

    /// <summary>The value loss's weight of a new supervised run: low, against the value head's overfitting on human games.</summary>
    public const double HumanValueWeight = 0.25;

    private static RunConfig OpenConfig(RunDirectory run, Request request, string source)
    {
        if (run.HasConfig)
        {
            var existing = run.LoadConfig();
            if (existing.Supervised is not { } supervised)
            {
                throw new ArgumentException($"{run.Root} is a self-play run: stream human games into a new --run (or import a few into this one with --games N)");
            }

            if (!string.Equals(supervised.Source, source, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{run.Root} trains on {supervised.Source}, not {source}: its stream position means nothing for another collection");
            }

            if ((request.Blocks is int b && b != existing.Network.Blocks) || (request.Channels is int c && c != existing.Network.Channels)
                || (request.PositionsPerGame is int p && p != supervised.PositionsPerGame) || (request.Size is int s && s != existing.Size))
            {
                throw new ArgumentException(
                    $"{run.Root} is a {existing.Size}x{existing.Size} b{existing.Network.Blocks}c{existing.Network.Channels} run with {supervised.PositionsPerGame} positions per game; " +
                    "--size, --blocks, --channels and --positions-per-game are fixed when a run is created");
            }

            return TrainingCli.ChangeLearningRate(run, existing, request.LearningRate);
        }

        if (request.Init is not null && request.Channels is not null)
        {
            throw new ArgumentException("--channels cannot be combined with --init (the run takes the model's width; --blocks may deepen it)");
        }

        if (request.Size is int size && size != KifuMoveLine.BoardSize)
        {
            throw new ArgumentException($"--from-kifu: the games are {KifuMoveLine.BoardSize}x{KifuMoveLine.BoardSize}, not {size}x{size}");
        }

        return TrainingCli.OpenOrCreate(run, KifuMoveLine.BoardSize, request.Seed, c => c with
        {
            Network = c.Network with { Blocks = request.Blocks ?? c.Network.Blocks, Channels = request.Channels ?? c.Network.Channels },
            Supervised = new SupervisedSettings { Source = source, PositionsPerGame = request.PositionsPerGame ?? new SupervisedSettings().PositionsPerGame },
            Training = c.Training with
            {
                // 0: libtorch's default (every core), which OpenOrCreate turns into 1 on a machine of 2 cores or fewer:
                // measured on the shared 2-core machine, b6c64 on 19x19 in bf16 stepped 188 samples/s with 1 thread
                // and 24 with 2 (an oversubscribed parallel region spins).
                Threads = request.Threads ?? 0,
                Precision = request.Precision ?? c.Training.Precision,
                ValueWeight = request.ValueWeight ?? HumanValueWeight,
            },
        }, request.Init, request.LearningRate, request.Init is null ? null : request.Blocks);
    }
}
