using System.CommandLine;
using System.Globalization;
using TorchSharp;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Benchmarking;
using ZeroGo.Neural.Files;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo bench net</c>: network forward-pass throughput (positions/s) per batch size, fp32 or bf16, on a
/// freshly initialised network of the given shape or a model file. With --bf16 it also reports how far bf16
/// outputs land from fp32 on the same positions: positions from SGF games (--games) or random games, after
/// --fit-steps supervised steps so that a random network's near-uniform outputs do not flatter bf16.
/// Last line: <c>positions/s: N</c> at the largest batch.
/// </summary>
internal static class BenchNetVerb
{
    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Board size (2..25).", DefaultValueFactory = _ => 19 };
        var blocks = new Option<int>("--blocks") { Description = "Residual blocks of the random network.", DefaultValueFactory = _ => 6 };
        var channels = new Option<int>("--channels") { Description = "Channels of the random network.", DefaultValueFactory = _ => 64 };
        var model = new Option<string?>("--model") { Description = "Measure a model file (STEM, STEM.json or STEM.weights) instead of a random network." };
        var bf16 = new Option<bool>("--bf16") { Description = "bf16 inference (module and input cast to BFloat16); also compares with fp32." };
        var batches = new Option<string>("--batch") { Description = "Comma-separated batch sizes.", DefaultValueFactory = _ => "1,16,64,256" };
        var seconds = new Option<double>("--seconds") { Description = "Seconds to measure each batch size.", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: every core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => ComputeDevice.Cpu };
        var games = new Option<string?>("--games") { Description = "SGF file or folder: compare bf16 with fp32 on these games' positions (boards of --size)." };
        var fitSteps = new Option<int>("--fit-steps") { Description = "Supervised steps on the comparison positions before comparing (0 = compare the network as it is).", DefaultValueFactory = _ => 0 };
        var command = new Command("net", "Network throughput per batch size (last line: positions/s: N at the largest batch).")
        {
            size, blocks, channels, model, bf16, batches, seconds, threads, device, games, fitSteps,
        };
        command.SetAction(parse =>
        {
            int boardSize = parse.GetValue(size);
            int threadCount = parse.GetValue(threads);
            double secondsEach = parse.GetValue(seconds);
            if (!TryParseBatches(parse.GetValue(batches)!, out var batchSizes, out string? batchError))
            {
                return Fail(batchError!);
            }

            string? error = !BoardGeometry.IsValidSize(boardSize, boardSize) ? $"board size {boardSize} is outside 2..25"
                : threadCount is < 1 or > 1024 ? $"--threads must be 1..1024 (got {threadCount})"
                : !(secondsEach is > 0 and <= 3600) ? $"--seconds must be in (0, 3600] (got {secondsEach})"
                : parse.GetValue(fitSteps) is < 0 or > 100_000 ? $"--fit-steps must be 0..100000 (got {parse.GetValue(fitSteps)})"
                : null;
            if (error is not null)
            {
                return Fail(error);
            }

            PolicyValueNetwork network;
            try
            {
                string? modelPath = parse.GetValue(model);
                network = modelPath is null
                    ? PolicyValueNetwork.Create(NetworkConfig.Create(parse.GetValue(blocks), parse.GetValue(channels)), parse.GetValue(device)!, seed: 1)
                    : PolicyValueNetwork.Load(modelPath, parse.GetValue(device)!);
            }
            catch (Exception e) when (e is ArgumentException or ModelFileException)
            {
                return Fail(e.Message);
            }

            using (network)
            {
                var comparison = new ComparisonSettings(parse.GetValue(games), parse.GetValue(fitSteps));
                return Run(network, boardSize, batchSizes, parse.GetValue(bf16), threadCount, TimeSpan.FromSeconds(secondsEach), comparison);
            }
        });
        return command;
    }

    private sealed record ComparisonSettings(string? GamesPath, int FitSteps);

    private static int Run(PolicyValueNetwork network, int boardSize, IReadOnlyList<int> batchSizes, bool bf16, int threads,
        TimeSpan duration, ComparisonSettings comparison)
    {
        torch.set_num_threads(threads);
        var geometry = BoardGeometry.Get(boardSize);
        Console.Error.WriteLine($"zerogo bench net: preparing positions from random {geometry} games ...");
        var positions = NetworkThroughput.SamplePositions(geometry, 256);
        if (bf16)
        {
            network.SetPrecision(Precision.BFloat16);
        }

        Console.WriteLine($"network: {network.Description}, {network.ParameterCount:N0} parameters");
        Console.WriteLine($"board: {geometry}, torch threads: {threads}, {TorchRuntime.OpenMpWaitPolicy}");
        NetworkThroughput.Result last = default;
        foreach (int batchSize in batchSizes)
        {
            Console.Error.WriteLine($"  measuring batch {batchSize} for {duration.TotalSeconds:F0} s ...");
            last = NetworkThroughput.Measure(network, positions, batchSize, duration);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch {batchSize}: {last.PositionsPerSecond:F0} positions/s ({last.MillisecondsPerBatch:F2} ms per batch)"));
        }

        if (bf16)
        {
            List<LabelledPosition> labelled;
            string source;
            try
            {
                (labelled, source) = ComparisonPositions(geometry, comparison.GamesPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SgfException or ArgumentException)
            {
                return Fail(e.Message);
            }

            using var reference = network.Clone();
            reference.SetPrecision(Precision.Float32);
            if (comparison.FitSteps > 0)
            {
                var fitClock = System.Diagnostics.Stopwatch.StartNew();
                QuickFit.Run(reference, labelled, comparison.FitSteps, progress: (step, loss) =>
                {
                    if (step % 25 == 0 || step == comparison.FitSteps)
                    {
                        double rate = step / fitClock.Elapsed.TotalSeconds;
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  fit step {step}/{comparison.FitSteps}: policy loss {loss:F3}, {rate:F1} steps/s, ETA {(comparison.FitSteps - step) / rate:F0} s"));
                    }
                });
            }

            Console.Error.WriteLine($"  comparing bf16 with fp32 on {labelled.Count} positions ...");
            var c = PrecisionComparison.Compare(reference, labelled.Select(p => p.Features).ToList());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bf16 vs fp32 ({c.Positions} positions from {source}, {comparison.FitSteps} fit steps): policy total variation mean {c.MeanPolicyDistance:F4} max {c.MaxPolicyDistance:F4}, " +
                $"top move agrees {c.TopMoveAgreement:P1}, value |diff| mean {c.MeanValueDifference:F4} max {c.MaxValueDifference:F4}, " +
                $"score |diff| mean {c.MeanScoreDifference:F3} points, fp32 policy max prob mean {c.MeanTopProbability:F3}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"positions/s: {last.PositionsPerSecond:F0}"));
        return 0;
    }

    /// <summary>Up to 1024 positions of <paramref name="geometry"/>'s size from SGF games, or from random games.</summary>
    private static (List<LabelledPosition> Positions, string Source) ComparisonPositions(BoardGeometry geometry, string? gamesPath)
    {
        var positions = new List<LabelledPosition>();
        if (gamesPath is null)
        {
            foreach (var game in NetworkThroughput.SampleGames(geometry, 64, seed: 7))
            {
                var (black, white) = game.AreaScore();
                double lead = black - white - game.Rules.Komi;
                positions.AddRange(LabelledPosition.FromGame(game, lead > 0 ? Color.Black : lead < 0 ? Color.White : null));
            }

            return (Subsample(positions), $"64 random {geometry} games");
        }

        var files = Directory.Exists(gamesPath)
            ? Directory.EnumerateFiles(gamesPath, "*.sgf", SearchOption.AllDirectories).Order().ToList()
            : File.Exists(gamesPath) ? [gamesPath] : throw new ArgumentException($"--games: {gamesPath} does not exist");
        int used = 0;
        foreach (string file in files)
        {
            var record = SgfGame.Load(file);
            if (record.Width != geometry.Width || record.Height != geometry.Height)
            {
                continue;
            }

            var final = record.FinalState().State;
            string result = record.Info.Result ?? "";
            Color? winner = result.StartsWith("B+", StringComparison.OrdinalIgnoreCase) ? Color.Black
                : result.StartsWith("W+", StringComparison.OrdinalIgnoreCase) ? Color.White : null;
            positions.AddRange(LabelledPosition.FromGame(final, winner));
            used++;
        }

        if (positions.Count == 0)
        {
            throw new ArgumentException($"--games: no {geometry} game with moves in {gamesPath}");
        }

        return (Subsample(positions), $"{used} {geometry} SGF games");
    }

    private static List<LabelledPosition> Subsample(List<LabelledPosition> positions)
    {
        const int Limit = 1024;
        if (positions.Count <= Limit)
        {
            return positions;
        }

        return Enumerable.Range(0, Limit).Select(i => positions[(int)((long)i * positions.Count / Limit)]).ToList();
    }

    private static bool TryParseBatches(string text, out List<int> sizes, out string? error)
    {
        sizes = [];
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size is < 1 or > 4096)
            {
                error = $"--batch: '{part}' is not a batch size in 1..4096";
                return false;
            }

            sizes.Add(size);
        }

        // Ascending, so the last line reports the largest batch.
        sizes = sizes.Distinct().Order().ToList();
        error = sizes.Count == 0 ? "--batch needs at least one size" : null;
        return error is null;
    }

    private static int Fail(string message) => UsageError.Report("bench net", message);
}
