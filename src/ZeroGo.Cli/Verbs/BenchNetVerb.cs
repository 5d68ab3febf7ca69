using System.CommandLine;
using System.Globalization;
using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Benchmarking;
using ZeroGo.Neural.Files;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo bench net</c>: network forward-pass throughput (positions/s) per batch size, fp32 or bf16, on a
/// freshly initialised network of the given shape or a model file. With --bf16 it also reports how far bf16
/// outputs land from fp32 on the same positions. Last line: <c>positions/s: N</c> at the largest batch.
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
        var command = new Command("net", "Network throughput per batch size (last line: positions/s: N at the largest batch).")
        {
            size, blocks, channels, model, bf16, batches, seconds, threads, device,
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
                return Run(network, boardSize, batchSizes, parse.GetValue(bf16), threadCount, TimeSpan.FromSeconds(secondsEach));
            }
        });
        return command;
    }

    private static int Run(PolicyValueNetwork network, int boardSize, IReadOnlyList<int> batchSizes, bool bf16, int threads, TimeSpan duration)
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
        Console.WriteLine($"board: {geometry}, torch threads: {threads}");
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
            Console.Error.WriteLine("  comparing bf16 with fp32 on 256 positions ...");
            var c = PrecisionComparison.Compare(network, positions);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bf16 vs fp32 ({c.Positions} positions): policy total variation mean {c.MeanPolicyDistance:F4} max {c.MaxPolicyDistance:F4}, " +
                $"top move agrees {c.TopMoveAgreement:P1}, value |diff| mean {c.MeanValueDifference:F4} max {c.MaxValueDifference:F4}, " +
                $"score |diff| mean {c.MeanScoreDifference:F3} points"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"positions/s: {last.PositionsPerSecond:F0}"));
        return 0;
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

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"zerogo bench net: {message}");
        return 2;
    }
}
