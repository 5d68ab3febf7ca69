using System.CommandLine;
using System.Diagnostics;
using ZeroGo.Go;

namespace ZeroGo.Cli.Verbs;

/// <summary><c>zerogo bench …</c>: quick speed figures (the BenchmarkDotNet suites in bench/ are the careful ones).</summary>
internal static class BenchVerb
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed: playouts, search, network, training, training data.");
        bench.Subcommands.Add(CreatePlayouts());
        bench.Subcommands.Add(BenchSearchVerb.Create());
        bench.Subcommands.Add(BenchNetVerb.Create());
        bench.Subcommands.Add(BenchTrainVerb.Create());
        bench.Subcommands.Add(BenchDataVerb.Create());
        return bench;
    }

    private static Command CreatePlayouts()
    {
        var size = new Option<int>("--size") { Description = "Board size (2..25).", DefaultValueFactory = _ => 9 };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var command = new Command("playouts", "Uniform random playouts per second on one thread (last line: playouts/s: N).")
        {
            size, seconds, seed,
        };
        command.SetAction(parse =>
        {
            int boardSize = parse.GetValue(size);
            if (!BoardGeometry.IsValidSize(boardSize, boardSize))
            {
                return UsageError.Report("bench playouts", $"board size {boardSize} is outside 2..25");
            }

            var playout = new RandomPlayout(BoardGeometry.Get(boardSize), parse.GetValue(seed));
            var result = PlayoutBenchmark.Run(playout, TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(seconds))));
            Console.WriteLine($"board: {boardSize}x{boardSize}");
            Console.WriteLine($"playouts: {result.Playouts}");
            Console.WriteLine($"moves/playout: {result.MovesPerPlayout:F1}");
            Console.WriteLine($"seconds: {result.Seconds:F2}");
            Console.WriteLine($"playouts/s: {result.PlayoutsPerSecond:F0}");
            return 0;
        });
        return command;
    }
}

/// <summary>Times random playouts after a short warm-up (so the JIT's tiered code is measured, not the first tier).</summary>
internal static class PlayoutBenchmark
{
    public readonly record struct Result(long Playouts, long Moves, double Seconds)
    {
        public double PlayoutsPerSecond => Playouts / Seconds;

        public double MovesPerPlayout => Playouts == 0 ? 0 : (double)Moves / Playouts;
    }

    public static Result Run(RandomPlayout playout, TimeSpan duration)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(Math.Min(1.0, duration.TotalSeconds / 4)))
        {
            playout.Run();
        }

        long playouts = 0, moves = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (int i = 0; i < 64; i++)
            {
                moves += playout.Run();
            }

            playouts += 64;
        }

        return new Result(playouts, moves, clock.Elapsed.TotalSeconds);
    }
}
