using System.CommandLine;
using ZeroGo.Neural;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Training.Runs;
using ZeroGo.Training.SelfPlay;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo selfplay --model FILE --size N --games G --out DIR</c>: self-play games with one model, many at once
/// over one batched evaluator; SGFs in DIR/games, training chunks in DIR/samples. Running it again with the same
/// --out continues (finished games are kept, the rest are played).
/// </summary>
internal static class SelfplayVerb
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model file (STEM, STEM.json or STEM.weights).", Required = true };
        var size = new Option<int>("--size") { Description = "Board size.", DefaultValueFactory = _ => 9 };
        var games = new Option<int>("--games") { Description = "Games to play (numbered 1..G).", DefaultValueFactory = _ => 16 };
        var output = new Option<string>("--out") { Description = "Output folder (games/ and samples/ inside).", Required = true };
        var visits = new Option<int?>("--visits") { Description = "Visits of a full search (default per board size)." };
        var cheap = new Option<int?>("--cheap-visits") { Description = "Visits of a cheap search (playout-cap randomisation)." };
        var concurrent = new Option<int?>("--concurrent") { Description = "Games at once." };
        var komi = new Option<double?>("--komi") { Description = "Komi (default per size)." };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var gumbel = new Option<bool>("--gumbel") { Description = "Gumbel root search with sequential halving (the default, as in loop; kept for scripts)." };
        var puct = new Option<bool>("--puct") { Description = "PUCT with Dirichlet noise and pruned visit counts instead of Gumbel." };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => ComputeDevice.Cpu };
        var command = new Command("selfplay", "Self-play games with a model: SGFs and training samples (resumable).")
        {
            model, size, games, output, visits, cheap, concurrent, komi, seed, gumbel, puct, device,
        };
        command.SetAction(parse =>
        {
            int boardSize = parse.GetValue(size);
            int gameCount = parse.GetValue(games);
            if (boardSize is < 2 or > 19 || gameCount < 1)
            {
                return UsageError.Report("selfplay", "--size must be 2..19 and --games at least 1");
            }

            if (parse.GetValue(gumbel) && parse.GetValue(puct))
            {
                return UsageError.Report("selfplay", "--gumbel and --puct are two ways to search: give one");
            }

            try
            {
                var defaults = RunConfig.ForSize(boardSize, parse.GetValue(seed));
                var settings = defaults.SelfPlay with
                {
                    Visits = parse.GetValue(visits) ?? defaults.SelfPlay.Visits,
                    CheapVisits = parse.GetValue(cheap) ?? defaults.SelfPlay.CheapVisits,
                    ConcurrentGames = parse.GetValue(concurrent) ?? defaults.SelfPlay.ConcurrentGames,
                    Gumbel = !parse.GetValue(puct),
                };
                var config = defaults with { Komi = parse.GetValue(komi) ?? defaults.Komi, SelfPlay = settings };
                config.Validate();
                string outDir = parse.GetValue(output)!;
                var writer = new SelfPlayOutput(Path.Combine(outDir, "games"), Path.Combine(outDir, "samples"));
                var finished = writer.ScanFinished(TrainingCli.Print);
                var remaining = SelfPlayOutput.Remaining(finished, gameCount);
                if (finished.Count > 0)
                {
                    TrainingCli.Print($"selfplay: resumed in {outDir}: {finished.Count} games already done, {remaining.Count} to play");
                }

                using var network = PolicyValueNetwork.Load(parse.GetValue(model)!, parse.GetValue(device)!);
                using var evaluator = new BatchingEvaluator(network, new EvaluatorOptions { MaxBatchSize = Math.Clamp(settings.ConcurrentGames * settings.SearchBatch, 8, 128) });
                var loop = new RunLoop(new RunDirectory(outDir), config);
                var runner = loop.CreateRunner(evaluator, settings, generation: 0);
                var reporter = new SelfPlayReporter(TrainingCli.Print, () => evaluator.AverageBatchSize, () => evaluator.PositionsEvaluated);
                string name = Path.GetFileName(ZeroGo.Neural.Files.ModelPaths.From(parse.GetValue(model)!).Stem);
                runner.GameFinished += (game, progress) =>
                {
                    writer.Write(game, name);
                    reporter.Report(progress);
                };
                TrainingCli.Print($"selfplay: {remaining.Count} games on {boardSize}x{boardSize}, {settings.Visits}/{settings.CheapVisits} visits, {settings.ConcurrentGames} at once, {evaluator.Name}");
                using var cancel = TrainingCli.CancelOnCtrlC();
                var totals = runner.Run(remaining, cancel.Token);
                reporter.Report(totals, force: true);
                Console.WriteLine(FormattableString.Invariant(
                    $"games/hour: {totals.GamesPerHour:0} ({totals.GamesDone} games, {totals.Moves} moves, {totals.Elapsed.TotalSeconds:0} s)"));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or ZeroGo.Neural.Files.ModelFileException or InvalidDataException)
            {
                Console.Error.WriteLine($"zerogo selfplay: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
