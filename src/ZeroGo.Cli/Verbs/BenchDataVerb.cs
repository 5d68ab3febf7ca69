using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ZeroGo.Go;
using ZeroGo.Neural.Files;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Prediction;
using ZeroGo.Training.Samples;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo bench data</c>: how fast human games become training positions (the streamed supervised run's other
/// half beside the network): replaying games under the full rules, and building batches of positions from them.
/// </summary>
internal static class BenchDataVerb
{
    private const int BatchSize = 128;

    public static Command Create()
    {
        var source = new HumanGamesOptions();
        var games = new Option<int>("--games") { Description = "Games to read (the first N).", DefaultValueFactory = _ => 200 };
        var positions = new Option<int>("--positions") { Description = "Positions to build into batches of 128.", DefaultValueFactory = _ => 2048 };
        var command = new Command("data", "Human games to training positions: replay and batch building speed (last line: data positions/s: N).")
        {
            games, positions,
        };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            int gameCount = parse.GetValue(games), positionCount = parse.GetValue(positions);
            string? error = source.Problem(parse)
                ?? (gameCount < 1 ? $"--games must be at least 1 (got {gameCount})"
                : positionCount < 1 ? $"--positions must be at least 1 (got {positionCount})"
                : null);
            if (error is not null)
            {
                return UsageError.Report("bench data", error);
            }

            try
            {
                var clock = Stopwatch.StartNew();
                var set = source.Open(parse, gameCount);
                var records = set.Records.Where(r => r.Moves.Count > 0).ToList();
                if (records.Count == 0)
                {
                    Console.Error.WriteLine($"zerogo bench data: no game with moves in {set.Description}");
                    return 1;
                }

                Say($"read: {records.Count} games of {set.Description} in {clock.Elapsed.TotalSeconds:F1} s");
                Report(records, positionCount);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or KifuFormatException or ModelFileException)
            {
                Console.Error.WriteLine($"zerogo bench data: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void Report(List<GameRecord> records, int positionCount)
    {
        foreach (var record in records.Take(8))
        {
            GameReplay.FinalState(record);   // warm-up: the measured code runs at its final JIT tier
        }

        var clock = Stopwatch.StartNew();
        long moves = 0;
        foreach (var record in records)
        {
            GameReplay.FinalState(record);
            moves += record.Moves.Count;
        }

        Say($"replay: {moves} moves in {clock.Elapsed.TotalSeconds:F2} s, {clock.Elapsed.TotalMilliseconds * 1000 / moves:F2} µs a move (full rules, one thread)");

        var random = new Random(1);
        var samples = Enumerable.Range(0, positionCount)
            .Select(_ => records[random.Next(records.Count)])
            .Select(game => (game, random.Next(game.Moves.Count)))
            .ToList();
        TrainingBatch.Build(samples.Take(Math.Min(16, samples.Count)).ToList(), _ => Symmetry.Identity);
        clock.Restart();
        for (int start = 0; start < samples.Count; start += BatchSize)
        {
            // A symmetry other than the identity, as training draws them.
            TrainingBatch.Build(samples.Skip(start).Take(BatchSize).ToList(), geometry => Symmetry.For(geometry).Last());
        }

        double perSecond = samples.Count / clock.Elapsed.TotalSeconds;
        Say($"batches: {samples.Count} positions in batches of {BatchSize} in {clock.Elapsed.TotalSeconds:F2} s, {clock.Elapsed.TotalMilliseconds / samples.Count:F3} ms a position ({Environment.ProcessorCount} cores)");
        Say($"data positions/s: {perSecond:F0}");
    }

    private static void Say(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
