using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.Files;
using ZeroGo.Search;
using ZeroGo.Training.Arena;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.SelfPlay;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Runs;

/// <summary>When a loop stops: after a total number of generations and/or at a deadline.</summary>
public sealed record LoopLimits(int? Generations, DateTimeOffset? Deadline)
{
    /// <summary>A source that fires at the deadline or when <paramref name="cancel"/> does.</summary>
    public CancellationTokenSource LinkDeadline(CancellationToken cancel)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (Deadline is { } deadline)
        {
            linked.CancelAfter(TimeSpan.FromSeconds(Math.Max(0, (deadline - DateTimeOffset.UtcNow).TotalSeconds)));
        }

        return linked;
    }
}

/// <summary>
/// The AlphaZero loop over a <see cref="RunDirectory"/>: self-play with the newest model → train the next
/// generation → (optional gate) → promote, repeated. Every stage starts by looking at what is on disk, so a
/// killed run continues where it stopped: finished games (their chunks), checkpoints (their state files) and
/// models (their manifests) are kept; unfinished files are removed with a warning. Reports through
/// <see cref="Log"/> (the CLI prints it).
/// </summary>
public sealed class RunLoop(RunDirectory run, RunConfig config)
{
    private CsvLog? _selfPlayLog;
    private CsvLog? _trainingLog;
    private CsvLog? _gateLog;
    private Precision? _precision;
    private RunCpuClock? _cpuClock;

    /// <summary>Progress lines and warnings for people.</summary>
    public event Action<string>? Log;

    public RunDirectory Run => run;

    public RunConfig Config => config;

    /// <summary>The result line of the newest gate match this loop played (null before one, or without --gate).</summary>
    public string? LastGateResult { get; private set; }

    private void Say(string line) => Log?.Invoke(line);

    /// <summary>Runs until the limits are reached or <paramref name="cancel"/> fires; returns the newest generation.</summary>
    public int Execute(LoopLimits limits, CancellationToken cancel = default)
    {
        config.Validate();
        run.CreateFolders();
        run.RemoveTemporaryFiles(Say);
        _cpuClock = new RunCpuClock(run);   // from now on this process's CPU time counts for the run
        OpenLogs();
        int generation = EnsureInitialModel();
        using var linked = limits.LinkDeadline(cancel);
        var token = linked.Token;
        while (!token.IsCancellationRequested && (limits.Generations is not int total || generation < total))
        {
            PlaySelfPlay(generation, token);
            CpuClock.Save();
            if (token.IsCancellationRequested)
            {
                break;
            }

            bool trained = TrainNextGeneration(generation, token);
            if (!trained)
            {
                break;
            }

            generation++;
            DrawCharts();
        }

        DrawCharts();
        Say($"loop: stopped at generation {generation} ({(limits.Generations is int g && generation >= g ? "generation target reached" : "time limit or interrupted")}); models in {run.Models}");
        return generation;
    }

    private void OpenLogs()
    {
        run.CreateFolders();
        _selfPlayLog ??= new CsvLog(Path.Combine(run.Logs, "selfplay.csv"),
            ["time", "generation", "game", "moves", "winner", "score", "resigned", "playthrough", "false_resign", "seconds"]);
        _trainingLog ??= new CsvLog(Path.Combine(run.Logs, "training.csv"),
            ["time", "generation", "step", "samples_seen", "window", "learning_rate", "policy_loss", "value_loss", "score_loss", "ownership_loss", "total_loss", "samples_per_second"]);
        if (config.Gate.Enabled)
        {
            _gateLog ??= new CsvLog(Path.Combine(run.Logs, "gate.csv"),
                ["time", "generation", "opponent", "wins", "losses", "draws", "score", "threshold", "promoted", "games_folder"]);
        }
    }

    /// <summary>Creates gen-0000 (and latest) when absent; returns the newest generation whose model loads.</summary>
    public int EnsureInitialModel()
    {
        var generations = run.GenerationsWithFile(Neural.Files.ModelPaths.ManifestExtension);
        for (int i = generations.Count - 1; i >= 0; i--)
        {
            try
            {
                using var network = PolicyValueNetwork.Load(run.ModelStem(generations[i]));
                if (i < generations.Count - 1 || generations[i] > 0)
                {
                    Say($"loop: resumed {run.Root} at generation {generations[i]} (model {RunDirectory.GenerationName(generations[i])}); " +
                        $"{CountFinishedGames(generations[i])} of {config.SelfPlay.GamesPerGeneration} self-play games of this generation done, " +
                        $"latest checkpoint at step {LatestCheckpoint()?.State.Step ?? 0}");
                }
                else
                {
                    Say($"loop: resumed {run.Root} at generation 0 ({CountFinishedGames(0)} of {config.SelfPlay.GamesPerGeneration} self-play games done, " +
                        $"latest checkpoint at step {LatestCheckpoint()?.State.Step ?? 0})");
                }

                if (config.Init is { } init)
                {
                    Say($"loop: this run started from {init.Describe()}");
                }

                EnsureLatest(generations[i]);
                return generations[i];
            }
            catch (ModelFileException e)
            {
                Say($"warning: skipping damaged model {RunDirectory.GenerationName(generations[i])}: {e.Message}");
                foreach (var file in Directory.EnumerateFiles(run.Models, RunDirectory.GenerationName(generations[i]) + ".*"))
                {
                    File.Delete(file);
                }
            }
        }

        var initial = config.Init;
        if (initial is not null && !File.Exists(ModelPaths.From(initial.Path).Manifest))
        {
            throw new ModelFileException($"the init model {initial.Path} that config.json records is gone; generation 0 cannot be made from it");
        }

        if (initial is not null && InitModelRecord.WeightsHash(initial.Path) is var hash && hash != initial.WeightsSha256)
        {
            Say($"warning: the init model {initial.Path} changed since the run was created (weights sha256 {hash}, config.json says {initial.WeightsSha256}); using it as it is now");
        }

        using (var fresh = config.CreateInitialNetwork())
        {
            var info = new Neural.Files.ModelInfo
            {
                BoardSizes = [BoardGeometry.Get(config.Size).ToString()],
                Notes = initial is null ? "generation 0: random initial weights" : $"generation 0: initialised from {initial.Describe()}",
                CpuHours = initial is null ? 0 : fresh.Info.CpuHours,   // the lineage's hours carry over
            };
            fresh.Save(run.ModelStem(0), info);
            fresh.Save(run.LatestModelStem, info);
        }

        Say($"loop: new run in {run.Root}: {config.Size}x{config.Size}, komi {config.Komi.ToString(CultureInfo.InvariantCulture)}, " +
            $"b{config.Network.Blocks}c{config.Network.Channels}, {config.SelfPlay.GamesPerGeneration} games/generation at {config.SelfPlay.Visits} visits ({(config.SelfPlay.Gumbel ? "Gumbel" : "PUCT")}); seed {config.Seed}");
        if (initial is not null)
        {
            Say($"loop: generation 0 initialised from {initial.Describe()}");
        }

        return 0;
    }

    private void EnsureLatest(int generation)
    {
        try
        {
            using var latest = PolicyValueNetwork.Load(run.LatestModelStem);
            if (ModelHash(run.LatestModelStem) == ModelHash(run.ModelStem(generation)))
            {
                return;
            }
        }
        catch (Exception e) when (e is ModelFileException or IOException)
        {
        }

        using var network = PolicyValueNetwork.Load(run.ModelStem(generation));
        network.Save(run.LatestModelStem);
    }

    private static string ModelHash(string stem)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(stem + ".json"));
        return document.RootElement.TryGetProperty("weights", out var weights) && weights.TryGetProperty("sha256", out var sha)
            ? sha.GetString() ?? ""
            : "";
    }

    private int CountFinishedGames(int generation) =>
        Directory.Exists(run.SamplesFolder(generation))
            ? Directory.EnumerateFiles(run.SamplesFolder(generation), "*" + Samples.ChunkFile.Extension).Count()
            : 0;

    /// <summary>Plays the self-play games of <paramref name="generation"/> that are not finished yet.</summary>
    public void PlaySelfPlay(int generation, CancellationToken token)
    {
        int games = config.SelfPlay.GamesPerGeneration;
        PlaySelfPlay(generation, games, token);
        if (config.Init is null || generation != 0)
        {
            return;
        }

        // A network trained elsewhere overfits a window of its first few games: 150 steps of 128 over 3,000
        // positions made a 9x9 continuation lose 0-6 to its own start (docs/training.md; the lower learning rate of
        // --init runs was the larger part of the cure). So before its first training, a run that starts from a
        // network plays until its window holds windowMinSamples positions, as KataGo waits for its minimum rows. A
        // network trained from zero has nothing to lose and starts at once.
        long positions;
        while (!token.IsCancellationRequested && (positions = PositionsPlayed(0)) < config.Training.WindowMinSamples)
        {
            Say($"selfplay: generation 0 of a run started from a network: {positions} of {config.Training.WindowMinSamples} positions " +
                "(training.windowMinSamples) before its first training");
            games += config.SelfPlay.GamesPerGeneration;
            PlaySelfPlay(generation, games, token);
        }
    }

    private long PositionsPlayed(int generation) =>
        Samples.ChunkFile.ReadAll(run.SamplesFolder(generation), Say).SelectMany(c => c.Games).Sum(g => (long)g.Moves.Count);

    private void PlaySelfPlay(int generation, int games, CancellationToken token)
    {
        OpenLogs();
        var settings = config.SelfPlay;
        var output = new SelfPlayOutput(run.GamesFolder(generation), run.SamplesFolder(generation));
        var finished = output.ScanFinished(Say);
        var remaining = SelfPlayOutput.Remaining(finished, games);
        if (remaining.Count == 0)
        {
            return;
        }

        Say($"selfplay: generation {generation}: {remaining.Count} games to play ({finished.Count} already done)");
        using var network = PolicyValueNetwork.Load(run.ModelStem(generation), config.Training.Device);
        using var evaluator = new BatchingEvaluator(network, new EvaluatorOptions
        {
            MaxBatchSize = Math.Max(8, Math.Min(128, settings.ConcurrentGames * settings.SearchBatch)),
        });
        var reporter = new SelfPlayReporter(Say, () => evaluator.AverageBatchSize, () => evaluator.PositionsEvaluated);
        var runner = CreateRunner(evaluator, settings, generation);
        string player = RunDirectory.GenerationName(generation);
        runner.GameFinished += (game, progress) =>
        {
            output.Write(game, player);
            var record = game.Record;
            _selfPlayLog?.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), generation, record.GameNumber,
                record.Moves.Count, record.Winner, record.ScoreForBlack, game.ResignedBy.IsPlayer() ? 1 : 0, game.PlayedThrough ? 1 : 0,
                game.FalseResignation ? 1 : 0, game.Elapsed.TotalSeconds);
            reporter.Report(progress);
        };
        var totals = runner.Run(remaining, token);
        reporter.Report(totals, force: true);
        if (!token.IsCancellationRequested)
        {
            // One line per generation that shows a collapse as it starts (short games, one colour winning all).
            Say($"selfplay: generation {generation}: {GenerationStats(generation).Describe()}");
        }
    }

    /// <summary>Figures of <paramref name="generation"/>'s finished self-play games (length, winner, targets).</summary>
    public SelfPlayStats GenerationStats(int generation) =>
        SelfPlayStats.Of(Samples.ChunkFile.ReadAll(run.SamplesFolder(generation), Say).SelectMany(c => c.Games).ToList());

    /// <summary>A self-play runner over <paramref name="evaluator"/> with PUCT or Gumbel root search as configured.</summary>
    public SelfPlayRunner CreateRunner(IEvaluator evaluator, SelfPlaySettings settings, int generation)
    {
        var searchOptions = new SearchOptions
        {
            Threads = 1,
            BatchSize = settings.SearchBatch,
            MaxNodes = Math.Max(20_000, settings.Visits * 8),
        };
        return new SelfPlayRunner(
            number => settings.Gumbel
                ? new GumbelMoveSearcher(evaluator, searchOptions, settings.GumbelTopK, settings.Visits, settings.CheapVisits,
                    config.Seed * 1_000_003UL + (ulong)generation * 65_537UL + (ulong)number)
                : new PuctMoveSearcher(evaluator, searchOptions, settings.DirichletEpsilon, settings.DirichletAlphaTotal,
                    settings.Visits, settings.CheapVisits, config.Seed * 1_000_003UL + (ulong)generation * 65_537UL + (ulong)number,
                    settings.PolicyTargetPruning),
            settings, config.Size, config.Komi, config.Seed, generation);
    }

    /// <summary>The newest complete checkpoint (its state file, optimiser state and manifest exist), or null.</summary>
    public (string Stem, CheckpointState State)? LatestCheckpoint() => Checkpoints.Latest();

    private CheckpointFolder Checkpoints => new(run.Checkpoints, Say);

    /// <summary>
    /// The run's training precision on this machine, settled once per process: mixed precision only after its
    /// self-check passed here (<see cref="TrainingPrecision.Resolve"/>).
    /// </summary>
    private Precision ResolvePrecision(NetworkConfig shape) => _precision ??= TrainingPrecision.Resolve(config.Training.Precision,
        mixed => MixedPrecisionCheck.Run(shape, BoardGeometry.Get(config.Size), mixed, config.Training.Threads), Say);

    private RunCpuClock CpuClock => _cpuClock ??= new RunCpuClock(run);

    /// <summary>CPU-hours behind the model about to be saved: the generation-0 model's (a model the run started from) plus this run's.</summary>
    private double LineageCpuHours()
    {
        CpuClock.Save();
        double initial = 0;
        try
        {
            using var generationZero = PolicyValueNetwork.Load(run.ModelStem(0));
            initial = generationZero.Info.CpuHours ?? 0;
        }
        catch (ModelFileException)
        {
            // A damaged generation 0 does not stop training; the count then starts at this run.
        }

        return initial + CpuClock.RunHours;
    }

    /// <summary>
    /// Trains from the latest checkpoint (or the current model) until the step count of generation+1 is reached,
    /// then writes models/gen-(generation+1) and latest. Returns false when interrupted first.
    /// </summary>
    public bool TrainNextGeneration(int generation, CancellationToken token)
    {
        var settings = config.Training;
        long targetStep = (long)(generation + 1) * settings.StepsPerGeneration;
        var checkpoint = LatestCheckpoint();
        PolicyValueNetwork network;
        long step;
        bool restoreOptimizer = false;
        if (checkpoint is { } c && c.State.Step > (long)generation * settings.StepsPerGeneration && c.State.Step <= targetStep)
        {
            try
            {
                network = PolicyValueNetwork.Load(c.Stem, settings.Device);
                step = c.State.Step;
                restoreOptimizer = true;
                Say($"train: resuming generation {generation + 1} from checkpoint at step {step}");
            }
            catch (ModelFileException e)
            {
                Say($"warning: checkpoint {c.Stem} is damaged ({e.Message}); starting from the generation {generation} model");
                network = PolicyValueNetwork.Load(run.ModelStem(generation), settings.Device);
                step = (long)generation * settings.StepsPerGeneration;
            }
        }
        else
        {
            network = PolicyValueNetwork.Load(run.ModelStem(generation), settings.Device);
            step = (long)generation * settings.StepsPerGeneration;
            restoreOptimizer = checkpoint is { } previous && previous.State.Step == step;
        }

        // Rows logged after this step by an interrupted run describe steps that are now redone.
        OpenLogs();
        _trainingLog!.RemoveRowsAbove("step", step);
        Precision precision;
        try
        {
            precision = ResolvePrecision(network.Config);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        using (network)
        using (var trainer = new NetworkTrainer(network, settings, step, precision))
        {
            if (restoreOptimizer && checkpoint is { } saved)
            {
                try
                {
                    trainer.LoadOptimizerState(saved.Stem);
                }
                catch (Exception e)
                {
                    Say($"warning: optimiser state of {Path.GetFileName(saved.Stem)} could not be read ({e.Message}); momentum restarts");
                }
            }

            var window = ReplayWindow.Load(run, settings, Say);
            if (window.Count == 0)
            {
                Say("train: no samples yet; nothing to train on");
                return false;
            }

            Say($"train: generation {generation + 1}: steps {step}..{targetStep}, window {window.Count} of {window.TotalSamples} samples from {window.GameCount} games");
            var random = new FastRandom(config.Seed * 31 + (ulong)step);
            var symmetryRandom = new Random((int)(config.Seed + (ulong)step));
            var clock = Stopwatch.StartNew();
            long samplesSeen = 0;
            var sum = new LossBreakdown();
            int sumCount = 0;
            long savedStep = trainer.Step;
            void SaveCheckpoint()
            {
                trainer.SaveCheckpoint(Checkpoints.Stem(trainer.Step), generation + 1);
                CpuClock.Save();
                Checkpoints.Prune(keep: 2);
                savedStep = trainer.Step;
            }

            while (trainer.Step < targetStep)
            {
                if (token.IsCancellationRequested)
                {
                    // Stopped on purpose (Ctrl-C, SIGTERM, --hours): keep the steps taken since the last checkpoint.
                    if (trainer.Step != savedStep)
                    {
                        SaveCheckpoint();
                    }

                    return false;
                }

                var picks = new List<(Samples.GameRecord, int)>(settings.BatchSize);
                for (int i = 0; i < settings.BatchSize; i++)
                {
                    picks.Add(window.Sample(ref random));
                }

                var batch = TrainingBatch.Build(picks, geometry =>
                {
                    if (!settings.Symmetries)
                    {
                        return Symmetry.Identity;
                    }

                    var choices = Symmetry.For(geometry).ToArray();
                    return choices[symmetryRandom.Next(choices.Length)];
                }, settings.ValueSearchShare);
                LossBreakdown losses;
                try
                {
                    losses = trainer.TrainStep(batch);
                }
                catch (TrainingDivergedException e)
                {
                    throw new RunDivergedException(e, precision, LatestCheckpoint()?.Stem, run.ModelStem(generation));
                }

                samplesSeen += batch.Count;
                sum = new LossBreakdown(sum.Policy + losses.Policy, sum.Value + losses.Value, sum.Score + losses.Score, sum.Ownership + losses.Ownership);
                sumCount++;
                if (trainer.Step % 10 == 0 || trainer.Step == targetStep)
                {
                    var mean = new LossBreakdown(sum.Policy / sumCount, sum.Value / sumCount, sum.Score / sumCount, sum.Ownership / sumCount);
                    double rate = samplesSeen / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                    _trainingLog?.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), generation + 1, trainer.Step, samplesSeen,
                        window.Count, NetworkTrainer.LearningRateAt(trainer.Step, settings), mean.Policy, mean.Value, mean.Score, mean.Ownership, mean.Total, rate);
                    if (trainer.Step % 50 == 0 || trainer.Step == targetStep)
                    {
                        Say(string.Create(CultureInfo.InvariantCulture,
                            $"train: step {trainer.Step}/{targetStep}  loss {mean.Total:0.000} (policy {mean.Policy:0.000}, value {mean.Value:0.000}, score {mean.Score:0.000}, ownership {mean.Ownership:0.000})  {rate:0} samples/s"));
                    }

                    sum = new LossBreakdown();
                    sumCount = 0;
                }

                if (trainer.Step % settings.CheckpointEverySteps == 0 || trainer.Step == targetStep)
                {
                    SaveCheckpoint();
                }
            }

            var info = new Neural.Files.ModelInfo
            {
                BoardSizes = [BoardGeometry.Get(config.Size).ToString()],
                TrainingSteps = config.LineageSteps(trainer.Step),
                Notes = $"generation {generation + 1}: {samplesSeen} samples this generation, window {window.Count}",
                CpuHours = LineageCpuHours(),
            };
            bool? passed = config.Gate.Enabled ? PassesGate(network, generation, token) : true;
            if (passed is null)
            {
                return false;   // interrupted: the gate is replayed on resume (from the checkpoint at the target step)
            }

            if (passed == false)
            {
                using var previous = PolicyValueNetwork.Load(run.ModelStem(generation));
                previous.Save(run.ModelStem(generation + 1), previous.Info with { Notes = $"generation {generation + 1}: candidate rejected by the gate; copy of generation {generation}" });
                previous.Save(run.LatestModelStem);
                Say($"gate: candidate rejected; generation {generation + 1} keeps the weights of generation {generation}");
                return true;
            }

            network.Save(run.ModelStem(generation + 1), info);
            network.Save(run.LatestModelStem, info);
            Say($"train: promoted {RunDirectory.GenerationName(generation + 1)} ({clock.Elapsed.TotalSeconds:0} s, {samplesSeen / Math.Max(1e-9, clock.Elapsed.TotalSeconds):0} samples/s)");
            return true;
        }
    }

    /// <summary>
    /// Plays the candidate (generation + 1) against the current model; the games are saved as SGF in
    /// <c>arena/gate-gen-NNNN/</c> (not among the self-play games) and the result goes to logs/gate.csv and
    /// logs/gate.log. An interrupted gate decides nothing (null) and is replayed whole on resume, so its folder is
    /// cleared first.
    /// </summary>
    private bool? PassesGate(PolicyValueNetwork candidate, int generation, CancellationToken token)
    {
        string candidateName = RunDirectory.GenerationName(generation + 1);
        string bestName = RunDirectory.GenerationName(generation);
        var folder = run.GateGamesFolder(generation + 1);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var candidateStem = Path.Combine(run.Checkpoints, "gate-candidate");
        candidate.Save(candidateStem);
        var gate = config.Gate;
        using var a = new ModelPlayerFactory(candidateStem, gate.Visits, $"{candidateName} (candidate)", config.Training.Device);
        using var b = new ModelPlayerFactory(run.ModelStem(generation), gate.Visits, bestName, config.Training.Device);
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = config.Size, Komi = config.Komi, Games = gate.Games, Seed = config.Seed + (ulong)generation });
        match.GameFinished += (game, _) =>
        {
            var sgf = Samples.SgfGames.ToSgf(game.Record, game.BlackName, game.WhiteName, game.ResultText, game.Comments,
                $"gate for {candidateName}: {a.Name} vs {b.Name}, game {game.Index + 1}");
            AtomicFile.WriteAllText(Path.Combine(folder, $"game-{game.Index + 1:D4}.sgf"), sgf);
        };
        match.GameFailed += failure => Say($"warning: gate game {failure.Index + 1}: {failure.Error.Message}{(failure.Retrying ? "; replaying it" : "")}");
        var stats = match.Run(token);
        if (token.IsCancellationRequested && stats.Games < gate.Games && gate.Games > 0)
        {
            Say($"gate: interrupted after {stats.Games} of {gate.Games} games; it is replayed when the run resumes");
            return null;
        }

        bool promoted = stats.Score >= gate.Threshold;
        string line = string.Create(CultureInfo.InvariantCulture,
            $"gate: {candidateName} (candidate) vs {bestName}: {stats.Summary()}; needs {100 * gate.Threshold:0.#}%: " +
            $"{(promoted ? "promoted" : "rejected")}; games in {Path.GetRelativePath(run.Root, folder)}");
        Say(line);
        LastGateResult = line;
        OpenLogs();
        _gateLog?.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), generation + 1, bestName, stats.Wins, stats.Losses,
            stats.Draws, stats.Score, gate.Threshold, promoted ? 1 : 0, Path.GetRelativePath(run.Root, folder));
        File.AppendAllText(Path.Combine(run.Logs, "gate.log"),
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z " + line + "\n");
        return promoted;
    }

    /// <summary>Redraws the loss chart from the training log.</summary>
    public void DrawCharts()
    {
        try
        {
            Charts.TrainingLosses(Path.Combine(run.Logs, "training.csv"), Path.Combine(run.Charts, "loss.png"));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Say($"warning: could not draw charts: {e.Message}");
        }
    }
}

/// <summary>Prints self-play progress lines at most every few seconds: games/hour, moves/s, evals/s, batch fill, ETA.</summary>
public sealed class SelfPlayReporter(Action<string> say, Func<double> averageBatch, Func<long> positions)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _lastSeconds = double.NegativeInfinity;
    private readonly long _positionsAtStart = positions();

    public void Report(SelfPlayProgress progress, bool force = false)
    {
        if (!force && _clock.Elapsed.TotalSeconds - _lastSeconds < 10)
        {
            return;
        }

        _lastSeconds = _clock.Elapsed.TotalSeconds;
        double evals = (positions() - _positionsAtStart) / Math.Max(1e-9, progress.Elapsed.TotalSeconds);
        string eta = progress.Eta is { } t ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : "?";
        say(string.Create(CultureInfo.InvariantCulture,
            $"selfplay: {progress.GamesDone}/{progress.GamesTarget} games  {progress.GamesPerHour:0} games/h  {progress.MovesPerSecond:0.0} moves/s  " +
            $"{progress.VisitsPerSecond:0} visits/s  {evals:0} evals/s  batch {averageBatch():0.0}  " +
            $"false resign {progress.FalseResignations}/{progress.WouldHaveResigned}  ETA {eta}"));
    }
}
