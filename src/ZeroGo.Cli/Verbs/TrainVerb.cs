using System.CommandLine;
using ZeroGo.Formats.Sgf;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo train --run DIR [--from-sgf DIR] [--init MODEL]</c>: trains the run's next generation on its replay
/// window (checkpoints, losses to logs/training.csv and charts/loss.png). --from-sgf first imports human games
/// (policy from the moves, value from the results: AlphaGo's first stage); --init starts a new run from a model
/// (transfer across board sizes).
/// </summary>
internal static class TrainVerb
{
    public static Command Create()
    {
        var runDir = new Option<string>("--run") { Description = "Run folder.", Required = true };
        var fromSgf = new Option<string?>("--from-sgf") { Description = "Import the SGF games under this folder (or file) as training samples first." };
        var init = new Option<string?>("--init") { Description = "Initial model of a new run (any board size)." };
        var size = new Option<int?>("--size") { Description = "Board size of a new run (default: that of the imported games)." };
        var steps = new Option<int?>("--steps") { Description = "Training steps for this generation (default: the run's steps per generation)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of a new run.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "libtorch threads while training." };
        var command = new Command("train", "Train the next generation of a run (optionally on imported SGF games).")
        {
            runDir, fromSgf, init, size, steps, seed, threads,
        };
        command.SetAction(parse =>
        {
            try
            {
                var run = new RunDirectory(parse.GetValue(runDir)!);
                List<GameRecord>? imported = null;
                int? boardSize = parse.GetValue(size);
                if (parse.GetValue(fromSgf) is string source)
                {
                    imported = ImportSgf(source, ref boardSize);
                }

                var config = TrainingCli.OpenOrCreate(run, boardSize, parse.GetValue(seed), c => c, parse.GetValue(init));
                if (parse.GetValue(steps) is int s || parse.GetValue(threads) is int)
                {
                    config = config with
                    {
                        Training = config.Training with
                        {
                            StepsPerGeneration = parse.GetValue(steps) ?? config.Training.StepsPerGeneration,
                            Threads = parse.GetValue(threads) ?? config.Training.Threads,
                        },
                    };
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
                or ZeroGo.Training.Arena.ArenaAbortedException)
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
