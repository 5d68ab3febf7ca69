using System.CommandLine;
using System.Globalization;
using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo bench train</c>: training samples/s in fp32 and in mixed bf16, measured in alternating rounds in one
/// process (so a busy machine slows both alike), then accuracy: the same initial weights trained for --steps
/// steps on the same batch sequence in each precision, final losses per head side by side (plus a second fp32
/// run with the batches in another order, the scale of a difference that does not matter).
/// Last line: <c>train samples/s: fp32 X, bf16 Y</c>.
/// </summary>
internal static class BenchTrainVerb
{
    private const int BatchPool = 16;

    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Board size (2..25).", DefaultValueFactory = _ => 9 };
        var blocks = new Option<int>("--blocks") { Description = "Residual blocks.", DefaultValueFactory = _ => 6 };
        var channels = new Option<int>("--channels") { Description = "Channels.", DefaultValueFactory = _ => 64 };
        var batch = new Option<int>("--batch") { Description = "Samples per training step.", DefaultValueFactory = _ => 128 };
        var seconds = new Option<double>("--seconds") { Description = "Seconds of timed training per precision (split over the rounds).", DefaultValueFactory = _ => 30 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating timing rounds.", DefaultValueFactory = _ => 6 };
        var steps = new Option<int>("--steps") { Description = "Steps of the accuracy comparison (0 = skip it).", DefaultValueFactory = _ => 100 };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: every core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the initial weights and the random games.", DefaultValueFactory = _ => 1 };
        var command = new Command("train", "Training samples/s in fp32 and bf16, and the losses each reaches (last line: train samples/s: fp32 X, bf16 Y).")
        {
            size, blocks, channels, batch, seconds, rounds, steps, threads, seed,
        };
        command.SetAction(parse =>
        {
            int boardSize = parse.GetValue(size);
            int batchSize = parse.GetValue(batch);
            double totalSeconds = parse.GetValue(seconds);
            int roundCount = parse.GetValue(rounds);
            int stepCount = parse.GetValue(steps);
            int threadCount = parse.GetValue(threads);
            string? error = !BoardGeometry.IsValidSize(boardSize, boardSize) ? $"board size {boardSize} is outside 2..25"
                : batchSize is < 1 or > 4096 ? $"--batch must be 1..4096 (got {batchSize})"
                : !(totalSeconds is > 0 and <= 36_000) ? $"--seconds must be in (0, 36000] (got {totalSeconds})"
                : roundCount is < 1 or > 1000 ? $"--rounds must be 1..1000 (got {roundCount})"
                : stepCount is < 0 or > 1_000_000 ? $"--steps must be 0..1000000 (got {stepCount})"
                : threadCount is < 1 or > 1024 ? $"--threads must be 1..1024 (got {threadCount})"
                : null;
            NetworkConfig? config = null;
            if (error is null)
            {
                try
                {
                    config = NetworkConfig.Create(parse.GetValue(blocks), parse.GetValue(channels));
                }
                catch (ArgumentException e)
                {
                    error = e.Message;
                }
            }

            if (error is not null)
            {
                return UsageError.Report("bench train", error);
            }

            var settings = RunConfig.ForSize(boardSize).Training with { BatchSize = batchSize, Threads = threadCount };
            return Run(BoardGeometry.Get(boardSize), config!, settings, parse.GetValue(seed),
                TimeSpan.FromSeconds(totalSeconds / roundCount), roundCount, stepCount);
        });
        return command;
    }

    private static int Run(BoardGeometry geometry, NetworkConfig config, TrainingSettings settings, ulong seed, TimeSpan slice, int rounds, int steps)
    {
        torch.set_num_threads(settings.Threads);
        Console.Error.WriteLine($"zerogo bench train: building {BatchPool} + 4 batches of {settings.BatchSize} positions from random {geometry} games ...");
        var batches = TrainingBenchmark.RandomBatches(geometry, settings.BatchSize, BatchPool, seed);
        var evaluation = TrainingBenchmark.RandomBatches(geometry, settings.BatchSize, 4, seed + 1_000);
        using var initial = PolicyValueNetwork.Create(config, seed: (long)(seed % long.MaxValue));
        Console.WriteLine($"network: {config.Name}, {initial.ParameterCount:N0} parameters; board {geometry}; batch {settings.BatchSize}; " +
            $"torch threads {settings.Threads}; {settings.Optimizer} lr {settings.LearningRate.ToString(CultureInfo.InvariantCulture)} (warm-up {settings.WarmupSteps} steps)");
        Console.WriteLine($"cpu bf16 support: {(PrecisionExtensions.CpuHasNativeBf16 ? "native (AVX-512 BF16 / AMX)" : "none (emulated)")}; default precision {Bf16Speed.Verdict.Summary}; load average {LoadAverage()}");

        // The same self-check a run makes before it trains in bf16 (training.precision auto or bf16).
        var check = MixedPrecisionCheck.Run(config, geometry, Precision.BFloat16, settings.Threads);
        Console.WriteLine($"bf16 self-check: {(check.Problem is { } problem ? "FAILED, runs would train in fp32: " + problem : "passed")}; {check.Summary}");

        var (fp32Rate, bf16Rate) = MeasureSpeed(initial, settings, batches, slice, rounds);
        if (steps > 0)
        {
            CompareAccuracy(initial, settings, batches, evaluation, steps);
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        Console.WriteLine(Invariant($"train samples/s: fp32 {fp32Rate:F1}, bf16 {bf16Rate:F1}"));
        return 0;
    }

    /// <summary>Rounds of fp32 then bf16 (order swapped every round), each trainer on its own copy of the weights.</summary>
    private static (double Fp32, double Bf16) MeasureSpeed(PolicyValueNetwork initial, TrainingSettings settings,
        IReadOnlyList<TrainingBatch> batches, TimeSpan slice, int rounds)
    {
        using var fp32Network = initial.Clone();
        using var bf16Network = initial.Clone();
        using var fp32 = new NetworkTrainer(fp32Network, settings);
        using var bf16 = new NetworkTrainer(bf16Network, settings, precision: Precision.BFloat16);
        int fp32Next = 0, bf16Next = 0;
        Console.Error.WriteLine("  warming up (2 steps each) ...");
        TrainingBenchmark.TimeSteps(fp32, batches, ref fp32Next, TimeSpan.Zero);
        TrainingBenchmark.TimeSteps(fp32, batches, ref fp32Next, TimeSpan.Zero);
        TrainingBenchmark.TimeSteps(bf16, batches, ref bf16Next, TimeSpan.Zero);
        TrainingBenchmark.TimeSteps(bf16, batches, ref bf16Next, TimeSpan.Zero);

        long fp32Samples = 0, bf16Samples = 0;
        double fp32Seconds = 0, bf16Seconds = 0;
        var ratios = new List<double>();
        for (int round = 1; round <= rounds; round++)
        {
            (long Samples, double Seconds) a, b;
            if (round % 2 == 1)
            {
                a = TrainingBenchmark.TimeSteps(fp32, batches, ref fp32Next, slice);
                b = TrainingBenchmark.TimeSteps(bf16, batches, ref bf16Next, slice);
            }
            else
            {
                b = TrainingBenchmark.TimeSteps(bf16, batches, ref bf16Next, slice);
                a = TrainingBenchmark.TimeSteps(fp32, batches, ref fp32Next, slice);
            }

            fp32Samples += a.Samples;
            fp32Seconds += a.Seconds;
            bf16Samples += b.Samples;
            bf16Seconds += b.Seconds;
            double ratio = b.Samples / b.Seconds / (a.Samples / a.Seconds);
            ratios.Add(ratio);
            Console.WriteLine(Invariant(
                $"round {round}/{rounds}: fp32 {a.Samples / a.Seconds:F1} samples/s, bf16 {b.Samples / b.Seconds:F1} samples/s, bf16/fp32 {ratio:F2}"));
        }

        ratios.Sort();
        double median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
        double fp32Rate = fp32Samples / fp32Seconds, bf16Rate = bf16Samples / bf16Seconds;
        Console.WriteLine(Invariant(
            $"speed: fp32 {fp32Rate:F1} samples/s, bf16 {bf16Rate:F1} samples/s over {fp32Seconds:F0} s + {bf16Seconds:F0} s; ") + Invariant(
            $"bf16/fp32 overall {bf16Rate / fp32Rate:F2}, per-round median {median:F2} (min {ratios[0]:F2}, max {ratios[^1]:F2})"));
        return (fp32Rate, bf16Rate);
    }

    private static void CompareAccuracy(PolicyValueNetwork initial, TrainingSettings settings, IReadOnlyList<TrainingBatch> batches,
        IReadOnlyList<TrainingBatch> evaluation, int steps)
    {
        // The reference: fp32 again with the batches in another order, i.e. a difference training does not care about.
        var reordered = batches.Skip(batches.Count / 2).Concat(batches.Take(batches.Count / 2)).ToList();
        var runs = new (string Label, Precision Precision, IReadOnlyList<TrainingBatch> Batches)[]
        {
            ("fp32", Precision.Float32, batches),
            ("bf16", Precision.BFloat16, batches),
            ("fp32, other batch order", Precision.Float32, reordered),
        };
        var results = new List<TrainingBenchmark.AccuracyResult>();
        foreach (var (label, precision, sequence) in runs)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = TrainingBenchmark.TrainAndEvaluate(initial, settings, precision, sequence, steps, evaluation, step =>
            {
                if (step % 20 == 0 || step == steps)
                {
                    double rate = step / clock.Elapsed.TotalSeconds;
                    Console.Error.WriteLine(Invariant($"  accuracy, {label}: step {step}/{steps}, {rate:F2} steps/s, ETA {(steps - step) / rate:F0} s"));
                }
            });
            results.Add(result);
            Console.WriteLine(Invariant(
                $"accuracy {label}: {steps} steps in {result.Seconds:F0} s; first step {Describe(result.First)}; ") + Invariant(
                $"last {Math.Max(1, steps / 10)} steps {Describe(result.LastSteps)}; held-out (fp32 eval) {Describe(result.Final)}"));
        }

        var (fp32Final, bf16Final, orderFinal) = (results[0].Final, results[1].Final, results[2].Final);
        Console.WriteLine("held-out loss, relative difference to fp32 (bf16 | other batch order):");
        foreach (var (head, select) in Heads)
        {
            double reference = select(fp32Final);
            Console.WriteLine(Invariant(
                $"  {head,-9} fp32 {reference:F4}  bf16 {select(bf16Final):F4} ({Relative(select(bf16Final), reference)})  | other order {select(orderFinal):F4} ({Relative(select(orderFinal), reference)})"));
        }
    }

    private static readonly (string Head, Func<LossBreakdown, double> Select)[] Heads =
    [
        ("policy", l => l.Policy), ("value", l => l.Value), ("score", l => l.Score), ("ownership", l => l.Ownership), ("total", l => l.Total),
    ];

    private static string Describe(LossBreakdown l) =>
        Invariant($"total {l.Total:F4} (policy {l.Policy:F4}, value {l.Value:F4}, score {l.Score:F4}, ownership {l.Ownership:F4})");

    private static string Relative(double value, double reference) =>
        reference == 0 ? "n/a" : Signed(Math.Round((value - reference) / reference * 100, 2) + 0.0) + "%";   // + 0.0: no "-0.00"

    private static string Signed(double percent) => (percent >= 0 ? "+" : "") + percent.ToString("F2", CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
