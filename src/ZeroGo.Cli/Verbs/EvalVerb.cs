using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ZeroGo.Neural;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.Files;
using ZeroGo.Training.Prediction;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo eval --model FILE (--kifu ARCHIVE_OR_FOLDER | --sgf DIR) [--games N]</c>: how well the raw network
/// predicts the moves of human games (held-out data: the Tom archive). Progress with rate and ETA on stderr; last
/// line <c>move prediction: P% top-1, Q% top-5 over N positions, value loss V</c>.
/// </summary>
internal static class EvalVerb
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model file (STEM, STEM.json or STEM.weights).", Required = true };
        var source = new HumanGamesOptions();
        var games = new Option<int?>("--games") { Description = "Measure the first N games in archive order (default: all)." };
        var visits = new Option<int>("--visits") { Description = "Search visits per position; only 0 (the raw network's policy) is implemented.", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch") { Description = "Positions per forward pass.", DefaultValueFactory = _ => MovePredictionRun.DefaultBatch };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default: every core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var symmetries = new Option<int>("--symmetries")
        {
            Description = "1: the position as it is (one forward pass, the figure to compare across files); 8: the average over the board's 8 symmetries (8x the work; what the board's policy overlay and replay show).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("eval", "Move prediction of a network on human games: top-1, top-5 and value loss (last line).")
        {
            model, games, visits, batch, threads, symmetries,
        };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            int? limit = parse.GetValue(games);
            string? error = source.Problem(parse)
                ?? (limit is < 1 ? $"--games must be at least 1 (got {limit})"
                : parse.GetValue(visits) != 0 ? "--visits: only 0 (the raw network, no search) is implemented"
                : parse.GetValue(batch) is < 1 or > 4096 ? $"--batch must be 1..4096 (got {parse.GetValue(batch)})"
                : parse.GetValue(symmetries) is not (1 or 8) ? $"--symmetries must be 1 or 8 (got {parse.GetValue(symmetries)})"
                : null);
            if (error is not null)
            {
                return UsageError.Report("eval", error);
            }

            try
            {
                var clock = Stopwatch.StartNew();
                var set = source.Open(parse, limit);
                using var network = PolicyValueNetwork.Load(parse.GetValue(model)!);
                var symmetry = parse.GetValue(symmetries) == 8 ? SymmetryMode.Average : SymmetryMode.Identity;
                using var evaluator = MovePredictionRun.CreateEvaluator(network, parse.GetValue(batch), parse.GetValue(threads), symmetry);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"eval: {evaluator.Network.Description}, {(symmetry == SymmetryMode.Average ? "8 symmetries averaged" : "one forward pass a position")}, {set.Description}: up to {set.ExpectedPositions} positions (read in {clock.Elapsed.TotalSeconds:F1} s)"));
                var run = new MovePredictionRun(evaluator, parse.GetValue(batch));
                var progress = new ProgressLine(set.ExpectedPositions);
                run.Progress += progress.Report;
                var tally = run.Run(set.Records);
                Console.Error.WriteLine(progress.Final(tally.Positions, run.EvaluatorTime));
                Console.WriteLine($"eval: {set.Summary()}");
                Console.WriteLine(tally.Line());
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or ModelFileException)
            {
                Console.Error.WriteLine($"zerogo eval: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>A progress line every few seconds: positions, rate, ETA from the positions still to go.</summary>
    private sealed class ProgressLine(long expected)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.Zero;

        public void Report(long positions, int games)
        {
            if (_clock.Elapsed - _last < ProgressEvery)
            {
                return;
            }

            _last = _clock.Elapsed;
            double rate = positions / _clock.Elapsed.TotalSeconds;
            var eta = TimeSpan.FromSeconds(rate > 0 ? Math.Max(0, expected - positions) / rate : 0);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"eval: {positions} of {expected} positions ({games} games), {rate:F0} positions/s, ETA {eta:hh\\:mm\\:ss}"));
        }

        public string Final(long positions, TimeSpan inNetwork) => string.Create(CultureInfo.InvariantCulture,
            $"eval: {positions} positions in {_clock.Elapsed.TotalSeconds:F0} s ({positions / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9):F0} positions/s, {100.0 * inNetwork.Ticks / Math.Max(_clock.Elapsed.Ticks, 1):F0}% of it in the network)");
    }
}
