using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Files;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Supervised;

/// <summary>When supervised training stops: at a total step count of the run and/or at a deadline.</summary>
public sealed record SupervisedLimits(long? TotalSteps, DateTimeOffset? Deadline);

/// <summary>What one invocation of supervised training adds to the run's settings: held-out measuring, reporting.</summary>
public sealed record SupervisedOptions
{
    /// <summary>Games to measure move prediction on; null: no measuring.</summary>
    public HeldOutSet? HeldOut { get; init; }

    /// <summary>Measure at the first checkpoint this long after the last measurement (zero: at every checkpoint).</summary>
    public TimeSpan EvaluateEvery { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>libtorch threads for held-out measuring (training uses the run's <c>training.threads</c>).</summary>
    public int EvaluationThreads { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// AlphaGo's first stage on a run folder: a network trained on human games streamed from a kifu collection
/// (<see cref="KifuBatchStream"/>: files and games shuffled per epoch, a few positions per game, shuffle blocks of
/// thousands of games, a random symmetry per position) with the trainer self-play uses (<see cref="NetworkTrainer"/>:
/// its losses, precision, checkpoints). Every <c>training.checkpointEverySteps</c> steps it saves a checkpoint with
/// the stream's position (so a killed run resumes with the very batches it would have trained on) and
/// <c>models/latest</c> with its data source, licence and CPU-hours; at most every <see cref="SupervisedOptions.EvaluateEvery"/>
/// it measures held-out move prediction into the learning curve. Reports through <see cref="Log"/>.
/// </summary>
public sealed class SupervisedRun(RunDirectory run, RunConfig config, SupervisedOptions options)
{
    /// <summary>The stream position saved beside each checkpoint (written before its commit marker).</summary>
    public const string StreamFileEnding = ".stream.json";

    private const int LogEverySteps = 10;

    public event Action<string>? Log;

    private void Say(string line) => Log?.Invoke(line);

    /// <summary>Trains until a limit or <paramref name="cancel"/>; returns the step reached (checkpointed).</summary>
    public long Train(SupervisedLimits limits, CancellationToken cancel = default)
    {
        config.Validate();
        var supervised = config.Supervised ?? throw new ArgumentException($"{run.Root} is not a supervised run (config.json has no 'supervised' section)");
        KifuImport.RefuseHeldOut(supervised.Source);
        run.CreateFolders();
        run.RemoveTemporaryFiles(Say);
        var cpu = new RunCpuClock(run);
        var checkpoints = new CheckpointFolder(run.Checkpoints, Say);
        var reader = new KifuReader(KifuSource.Open(supervised.Source));
        var data = TrainingDataSource.For(supervised.Source, reader.Source.Description);
        var games = new KifuGameStream(reader, config.Seed);
        double lineageHours = InitialCpuHours();

        var (network, cursor, step) = OpenNetwork(checkpoints);
        var trainingLog = new CsvLog(Path.Combine(run.Logs, "training.csv"),
            ["time", "generation", "step", "samples_seen", "window", "learning_rate", "policy_loss", "value_loss", "score_loss", "ownership_loss", "total_loss", "samples_per_second"]);
        trainingLog.RemoveRowsAbove("step", step);
        var curve = new LearningCurve(run.Logs, run.Charts);
        curve.ForgetAfter(step);

        var settings = config.Training;
        Precision precision;
        try
        {
            precision = TrainingPrecision.Resolve(settings.Precision,
                mixed => MixedPrecisionCheck.Run(network.Config, BoardGeometry.Get(config.Size), mixed, settings.Threads), Say);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        using (network)
        using (var trainer = new NetworkTrainer(network, settings, step, precision))
        {
            if (checkpoints.Latest(StreamFileEnding) is { } saved && saved.State.Step == step)
            {
                RestoreOptimizer(trainer, saved.Stem);
            }

            using var batches = new KifuBatchStream(games, supervised.ShuffleGames, supervised.PositionsPerGame, config.Seed, start: cursor);
            Say(FormattableString.Invariant(
                $"train: supervised on {reader.Source.Description}: {network.Config.Name}, batch {settings.BatchSize}, {supervised.PositionsPerGame} positions per game, ")
                + FormattableString.Invariant($"shuffled in blocks of {supervised.ShuffleGames} games, value weight {settings.ValueWeight}, {precision.ShortName()}, {settings.Threads} threads; ")
                + (step == 0 ? "new run" : FormattableString.Invariant($"resuming at step {step} ({cursor.Block}, {cursor.Samples} positions trained on)")));

            var modelInfo = (long atStep, StreamCursor at) => new ModelInfo
            {
                BoardSizes = [BoardGeometry.Get(config.Size).ToString()],
                TrainingSteps = config.LineageSteps(atStep),
                Notes = string.Create(CultureInfo.InvariantCulture,
                    $"supervised on human games: {at.Samples} positions trained on ({supervised.PositionsPerGame} per game, {EpochsDone(at, games):F2} epochs), value weight {settings.ValueWeight}"),
                CpuHours = lineageHours + cpu.RunHours,
                TrainingData = data.Description,
                TrainingDataLicence = data.Licence,
            };
            var clock = Stopwatch.StartNew();
            var lastMeasured = TimeSpan.Zero;
            void Measure(long atStep, StreamCursor at)
            {
                if (options.HeldOut is not { } heldOut)
                {
                    return;
                }

                var started = Stopwatch.StartNew();
                var tally = heldOut.Measure(run.LatestModelStem, options.EvaluationThreads);
                torch.set_num_threads(Math.Max(1, settings.Threads));   // the evaluator set its own
                curve.Add(atStep, at.Samples, lineageHours + cpu.RunHours, tally, heldOut.Games);
                DrawCharts(curve);
                lastMeasured = clock.Elapsed;
                Say(string.Create(CultureInfo.InvariantCulture, $"heldout: step {atStep}: {tally.Line()} ({heldOut.Games} games, {started.Elapsed.TotalSeconds:F0} s)"));
            }

            void Save(long atStep, StreamCursor at)
            {
                var stem = checkpoints.Stem(atStep);
                AtomicFile.WriteAllText(stem + StreamFileEnding, JsonSerializer.Serialize(at));
                trainer.SaveCheckpoint(stem, generation: 0);   // its state file, written last, commits the checkpoint
                cpu.Save();
                checkpoints.Prune(keep: 2);
                network.Save(run.LatestModelStem, modelInfo(atStep, at));
            }

            if (options.HeldOut is not null && curve.LastStep() is null)
            {
                network.Save(run.LatestModelStem, modelInfo(step, cursor));
                Measure(step, cursor);   // the untrained network: where the curve starts
            }

            var progress = new SupervisedProgress(limits, options.ProgressEvery, step, cursor.Samples);
            var sum = new LossBreakdown();
            int sumCount = 0;
            long savedStep = step;
            var next = Prefetch(batches, step, settings, config.Seed);
            try
            {
                while (!cancel.IsCancellationRequested && !(limits.TotalSteps is long total && trainer.Step >= total)
                    && !(limits.Deadline is { } deadline && DateTimeOffset.UtcNow >= deadline))
                {
                    var (batch, after) = next.GetAwaiter().GetResult();
                    next = Prefetch(batches, trainer.Step + 1, settings, config.Seed);
                    LossBreakdown losses;
                    try
                    {
                        losses = trainer.TrainStep(batch);
                    }
                    catch (TrainingDivergedException e)
                    {
                        throw new RunDivergedException(e, precision, checkpoints.Latest(StreamFileEnding)?.Stem, run.LatestModelStem);
                    }

                    cursor = after;
                    sum = new LossBreakdown(sum.Policy + losses.Policy, sum.Value + losses.Value, 0, 0);
                    sumCount++;
                    if (trainer.Step % LogEverySteps == 0)
                    {
                        var mean = new LossBreakdown(sum.Policy / sumCount, sum.Value / sumCount, 0, 0);
                        trainingLog.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), 0, trainer.Step, cursor.Samples,
                            supervised.ShuffleGames * supervised.PositionsPerGame, NetworkTrainer.LearningRateAt(trainer.Step, settings),
                            mean.Policy, mean.Value, 0.0, 0.0, mean.Total, progress.SamplesPerSecond(cursor.Samples));
                        sum = new LossBreakdown();
                        sumCount = 0;
                    }

                    if (progress.Due(trainer.Step, cursor.Samples, losses) is { } line)
                    {
                        var block = cursor.Block;
                        Say($"train: {line}  (block from epoch {block.Epoch + 1}, file {block.File + 1} of {games.FileCount} ({Path.GetFileName(games.FileName(block.Epoch, block.File))}), game {block.Game})");
                    }

                    if (trainer.Step % settings.CheckpointEverySteps == 0)
                    {
                        Save(trainer.Step, cursor);
                        savedStep = trainer.Step;
                        if (clock.Elapsed - lastMeasured >= options.EvaluateEvery)
                        {
                            Measure(trainer.Step, cursor);
                        }
                    }
                }
            }
            finally
            {
                // The prefetch reads the stream and builds a batch: let it finish before the stream goes away.
                try
                {
                    next.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // Its error (if any) belongs to a batch that will not be trained on.
                }
            }

            if (trainer.Step != savedStep)
            {
                Save(trainer.Step, cursor);
            }

            if (options.HeldOut is not null && curve.LastStep() != trainer.Step)
            {
                Measure(trainer.Step, cursor);
            }

            DrawCharts(curve);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"train: stopped at step {trainer.Step} ({cursor.Samples} positions, {EpochsDone(cursor, games):F3} epochs; {batches.CountsSummary()}); model {run.LatestModelStem}"));
            return trainer.Step;
        }
    }

    /// <summary>The newest checkpoint's network and stream position, or a new network (random, or the run's --init model).</summary>
    private (PolicyValueNetwork Network, StreamCursor Cursor, long Step) OpenNetwork(CheckpointFolder checkpoints)
    {
        var settings = config.Training;
        if (checkpoints.Latest(StreamFileEnding) is { } checkpoint)
        {
            StreamCursor cursor;
            try
            {
                cursor = JsonSerializer.Deserialize<StreamCursor>(File.ReadAllText(checkpoint.Stem + StreamFileEnding))
                    ?? throw new InvalidDataException("empty");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{checkpoint.Stem}{StreamFileEnding} is damaged ({e.Message}); delete that checkpoint to resume from the one before", e);
            }

            return (PolicyValueNetwork.Load(checkpoint.Stem, settings.Device), cursor, checkpoint.State.Step);
        }

        return (config.CreateInitialNetwork(), StreamCursor.Start, 0);
    }

    private void RestoreOptimizer(NetworkTrainer trainer, string stem)
    {
        try
        {
            trainer.LoadOptimizerState(stem);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Say($"warning: optimiser state of {Path.GetFileName(stem)} could not be read ({e.Message}); momentum restarts");
        }
    }

    private double InitialCpuHours()
    {
        if (config.Init is not { } init)
        {
            return 0;
        }

        try
        {
            using var model = PolicyValueNetwork.Load(init.Path);
            return model.Info.CpuHours ?? 0;
        }
        catch (ModelFileException)
        {
            return 0;
        }
    }

    private static double EpochsDone(StreamCursor cursor, KifuGameStream games) =>
        cursor.Block.Epoch + (double)cursor.Block.File / games.FileCount;

    /// <summary>The next batch, built on another thread while the current step trains; symmetries seeded by the step.</summary>
    private static Task<(TrainingBatch Batch, StreamCursor After)> Prefetch(KifuBatchStream batches, long step, TrainingSettings settings, ulong seed) =>
        Task.Run(() =>
        {
            var positions = batches.Next(settings.BatchSize);
            var after = batches.Cursor;
            var random = new FastRandom(StreamSeed.Mix(seed, -1, step));
            var batch = TrainingBatch.Build(positions, geometry =>
            {
                if (!settings.Symmetries)
                {
                    return Symmetry.Identity;
                }

                var choices = Symmetry.For(geometry).ToArray();
                return choices[random.Next(choices.Length)];
            });
            return (batch, after);
        });

    private void DrawCharts(LearningCurve curve)
    {
        try
        {
            curve.Draw();
            Charts.TrainingLosses(Path.Combine(run.Logs, "training.csv"), Path.Combine(run.Charts, "loss.png"));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Say($"warning: could not draw charts: {e.Message}");
        }
    }
}
