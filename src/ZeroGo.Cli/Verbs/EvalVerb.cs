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
        var kifu = new Option<string?>("--kifu") { Description = "Kifu collection: the tygem-9d folder (kifu/*.zip + index/*.zip), tom-9d-heldout.tar.xz, or its unpacked tom/ folder." };
        var sgf = new Option<string?>("--sgf") { Description = "SGF file or folder (every .sgf below it, sorted by path)." };
        var games = new Option<int?>("--games") { Description = "Measure the first N games in archive order (default: all)." };
        var visits = new Option<int>("--visits") { Description = "Search visits per position; only 0 (the raw network's policy) is implemented.", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch") { Description = "Positions per forward pass.", DefaultValueFactory = _ => MovePredictionRun.DefaultBatch };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default: every core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("eval", "Move prediction of a network on human games: top-1, top-5 and value loss (last line).")
        {
            model, kifu, sgf, games, visits, batch, threads,
        };
        command.SetAction(parse =>
        {
            string? kifuPath = parse.GetValue(kifu), sgfPath = parse.GetValue(sgf);
            int? limit = parse.GetValue(games);
            string? error = (kifuPath is null) == (sgfPath is null) ? "give exactly one of --kifu ARCHIVE_OR_FOLDER and --sgf DIR"
                : limit is < 1 ? $"--games must be at least 1 (got {limit})"
                : parse.GetValue(visits) != 0 ? "--visits: only 0 (the raw network, no search) is implemented"
                : parse.GetValue(batch) is < 1 or > 4096 ? $"--batch must be 1..4096 (got {parse.GetValue(batch)})"
                : null;
            if (error is not null)
            {
                return UsageError.Report("eval", error);
            }

            try
            {
                var clock = Stopwatch.StartNew();
                var set = kifuPath is not null ? HumanGameSet.FromKifu(kifuPath, limit) : HumanGameSet.FromSgf(sgfPath!, limit);
                using var network = PolicyValueNetwork.Load(parse.GetValue(model)!);
                using var evaluator = MovePredictionRun.CreateEvaluator(network, parse.GetValue(batch), parse.GetValue(threads));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"eval: {evaluator.Network.Description}, {set.Description}: up to {set.ExpectedPositions} positions (read in {clock.Elapsed.TotalSeconds:F1} s)"));
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
