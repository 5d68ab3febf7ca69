using System.CommandLine;
using ZeroGo.Formats.Sgf;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo train --run DIR [--from-sgf DIR | --from-kifu PATH [--games N]] [--value-weight W] [--init MODEL]</c>:
/// trains the run's next generation on its replay window (checkpoints, losses to logs/training.csv and
/// charts/loss.png). --from-sgf and --from-kifu --games N first import human games (policy from the moves, value from
/// the results: AlphaGo's first stage); --from-kifu without --games streams the whole collection instead
/// (<see cref="TrainStreaming"/>); --init starts a new run from a model (transfer across board sizes).
/// </summary>
internal static class TrainVerb
{
    public static Command Create()
    {
        var runDir = new Option<string>("--run") { Description = "Run folder.", Required = true };
        var fromSgf = new Option<string?>("--from-sgf") { Description = "Import the SGF games under this folder (or file) as training samples first." };
        var fromKifu = new Option<string?>("--from-kifu") { Description = "Import human 19x19 games from a kifu collection first (the tygem-9d folder; never the held-out Tom archive)." };
        var games = new Option<int?>("--games") { Description = "With --from-kifu: import the first N games in archive order into the replay window and train one generation (without it: stream the whole collection)." };
        var valueWeight = new Option<double?>("--value-weight") { Description = $"Weight of the value loss (default: the run's, saved when it was created; {TrainStreaming.HumanValueWeight} for a run of human games, against the value head's overfitting on them)." };
        var init = new Option<string?>("--init") { Description = "Initial model of a new run (any board size)." };
        var size = new Option<int?>("--size") { Description = "Board size of a new run (default: that of the imported games)." };
        var steps = new Option<int?>("--steps") { Description = "Training steps for this generation (default: the run's steps per generation); streaming from --from-kifu: the run's total steps." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of a new run.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "libtorch threads while training (default: every core, 1 on a machine of 2 cores or fewer)." };
        var hours = new Option<double?>("--hours") { Description = "Streaming from --from-kifu: stop after this many hours (from now)." };
        var blocks = new Option<int?>("--blocks") { Description = "Streaming: residual blocks of a new run's network (default 6; with --init: more than the model's deepens it by blocks that start as identity)." };
        var channels = new Option<int?>("--channels") { Description = "Streaming: channels of a new run's network (default 64)." };
        var batch = new Option<int?>("--batch") { Description = "Streaming: positions per training step (default: the run's, 128)." };
        var perGame = new Option<int?>("--positions-per-game") { Description = "Streaming: positions sampled from each game of a new run (default 8)." };
        var precision = new Option<string?>("--precision") { Description = "Streaming: fp32, bf16 (mixed) or auto (bf16 where it measured faster than fp32 on this machine and passes its self-check; the default)." };
        var heldOut = new Option<string?>("--heldout") { Description = "Streaming: measure move prediction on this held-out collection (e.g. ../shared/datasets/tom-9d-heldout.tar.xz) into logs/heldout.csv and charts/heldout.png." };
        var heldOutGames = new Option<int>("--heldout-games") { Description = "Streaming: held-out games measured (the first N in archive order).", DefaultValueFactory = _ => 20 };
        var evalMinutes = new Option<double>("--eval-minutes") { Description = "Streaming: measure the held-out games at the first checkpoint this many minutes after the last measurement (0: every checkpoint).", DefaultValueFactory = _ => 30 };
        var learningRate = TrainingCli.LearningRateOption();
        var command = new Command("train", "Train the next generation of a run (optionally on imported SGF games), or stream a kifu collection (supervised).")
        {
            runDir, fromSgf, fromKifu, games, init, size, steps, seed, threads, valueWeight, learningRate,
            hours, blocks, channels, batch, perGame, precision, heldOut, heldOutGames, evalMinutes,
        };
        command.SetAction(parse =>
        {
            try
            {
                var run = new RunDirectory(parse.GetValue(runDir)!);
                if (parse.GetValue(fromKifu) is string streamed && parse.GetValue(games) is null)
                {
                    if (parse.GetValue(fromSgf) is not null)
                    {
                        Console.Error.WriteLine("zerogo train: give --from-sgf or --from-kifu, not both");
                        return 2;
                    }

                    var request = new TrainStreaming.Request(streamed, parse.GetValue(size), parse.GetValue(seed), parse.GetValue(blocks),
                        parse.GetValue(channels), parse.GetValue(steps), parse.GetValue(hours), parse.GetValue(batch), parse.GetValue(perGame),
                        parse.GetValue(valueWeight), parse.GetValue(precision), parse.GetValue(threads),
                        parse.GetValue(heldOut), parse.GetValue(heldOutGames), parse.GetValue(evalMinutes), parse.GetValue(init),
                        parse.GetValue(learningRate));
                    if (TrainStreaming.Check(request) is { } problem)
                    {
                        Console.Error.WriteLine($"zerogo train: {problem}");
                        return 2;
                    }

                    return TrainStreaming.Run(run, request);
                }

                if (parse.GetValue(hours) is not null || parse.GetValue(heldOut) is not null)
                {
                    Console.Error.WriteLine("zerogo train: --hours and --heldout belong to streaming from --from-kifu (without --games)");
                    return 2;
                }

                List<GameRecord>? imported = null;
                int? boardSize = parse.GetValue(size);
                if (parse.GetValue(fromSgf) is string source)
                {
                    imported = ImportSgf(source, ref boardSize);
                }

                string? kifu = parse.GetValue(fromKifu);
                if (kifu is not null)
                {
                    KifuImport.RefuseHeldOut(kifu);
                    boardSize ??= KifuMoveLine.BoardSize;
                }

                var config = TrainingCli.OpenOrCreate(run, boardSize, parse.GetValue(seed), c => c, parse.GetValue(init), parse.GetValue(learningRate));
                // Positions of one game share one result, so the value head learns the games by heart (AlphaGo's
                // finding); human games therefore train the value at a low weight unless told otherwise.
                double? valueLossWeight = parse.GetValue(valueWeight) ?? (kifu is not null ? TrainStreaming.HumanValueWeight : null);
                if (parse.GetValue(steps) is int || parse.GetValue(threads) is int || valueLossWeight is double)
                {
                    config = config with
                    {
                        Training = config.Training with
                        {
                            StepsPerGeneration = parse.GetValue(steps) ?? config.Training.StepsPerGeneration,
                            Threads = parse.GetValue(threads) ?? config.Training.Threads,
                            ValueWeight = valueLossWeight ?? config.Training.ValueWeight,
                        },
                    };
                    config.Validate();
                }

                if (kifu is not null)
                {
                    if (config.Size != KifuMoveLine.BoardSize)
                    {
                        throw new ArgumentException($"--from-kifu: the games are 19x19, {run.Root} is a {config.Size}x{config.Size} run");
                    }

                    var counts = new KifuImportCounts();
                    var chunks = KifuImport.WriteChunks(kifu, parse.GetValue(games), Path.Combine(run.Samples, "human"), counts);
                    TrainingCli.Print($"train: imported from {kifu} into {chunks.Count} chunks: {counts.Summary()}");
                    TrainingCli.Print($"train: value loss weight {config.Training.ValueWeight}");
                }

                if (imported is not null)
                {
                    var chunk = Path.Combine(run.Samples, "human", "sgf-import" + ChunkFile.Extension);
                    var matching = imported.Where(g => g.Width == config.Size && g.Height == config.Size).ToList();
                    ChunkFile.Write(chunk, matching);
                    TrainingCli.Print($"train: imported {matching.Count} games ({matching.Sum(g => g.Moves.Count)} positions) into {chunk}");
                }

                var loop = new RunLoop(run, config);
                loop.Log += TrainingCli.Print;
                int generation = loop.EnsureInitialModel();
                using var cancel = TrainingCli.CancelOnCtrlC();
                bool done = loop.TrainNextGeneration(generation, cancel.Token);
                loop.DrawCharts();
                Console.WriteLine(done
                    ? $"train: generation {generation + 1} written to {run.ModelStem(generation + 1)}"
                    : "train: stopped before the generation was complete (resume with the same command)");
                return done ? 0 : 1;
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or SgfException or ZeroGo.Neural.Files.ModelFileException or RunDivergedException
                or ZeroGo.Training.Arena.ArenaAbortedException or FormatException)
            {
                Console.Error.WriteLine($"zerogo train: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static List<GameRecord> ImportSgf(string source, ref int? size)
    {
        var files = File.Exists(source)
            ? [source]
            : Directory.Exists(source)
                ? Directory.EnumerateFiles(source, "*.sgf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : throw new ArgumentException($"--from-sgf: {source} is neither a file nor a folder");
        var records = new List<GameRecord>();
        foreach (var file in files)
        {
            try
            {
                var record = SgfGames.FromSgf(SgfGame.Load(file), Path.GetFileName(file), out var whyNot);
                if (record is null)
                {
                    TrainingCli.Print($"warning: skipping {file}: {whyNot}");
                    continue;
                }

                record.GameNumber = records.Count + 1;
                size ??= record.Width;
                records.Add(record);
            }
            catch (Exception e) when (e is SgfException or InvalidDataException or IOException)
            {
                TrainingCli.Print($"warning: skipping {file}: {e.Message}");
            }
        }

        if (records.Count == 0)
        {
            throw new ArgumentException($"--from-sgf: no usable games in {source}");
        }

        return records;
    }
}
