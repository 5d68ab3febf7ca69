using System.CommandLine;
using System.Globalization;
using ZeroGo.Neural;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Search;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo lz …</c>: tools for Leela Zero network files. <c>lz info FILE</c> checks a downloaded network and
/// prints its size; <c>lz random</c> writes a random network (for tests and same-network benchmarks against
/// leelaz, docs/leela-zero.md); <c>lz bench FILE</c> times ZeroGo's search on the network the way
/// <c>leelaz --benchmark</c> times its own (3200 playouts from the empty 19x19 board).
/// </summary>
internal static class LeelaZeroVerb
{
    public static Command Create()
    {
        var lz = new Command("lz", "Leela Zero network files: check one (info) or write a random one (random).");
        lz.Subcommands.Add(CreateInfo());
        lz.Subcommands.Add(CreateRandom());
        lz.Subcommands.Add(CreateBench());
        return lz;
    }

    private static Command CreateInfo()
    {
        var file = new Argument<string>("FILE") { Description = "A Leela Zero weight file (plain text or gzip)." };
        var command = new Command("info", "Read a Leela Zero network completely and print its format and size.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            try
            {
                var weights = LeelaZeroWeights.Load(path);
                long parameters = CountParameters(weights);
                Console.WriteLine($"file: {path}");
                Console.WriteLine($"format: {weights.FormatVersion}{(weights.ValueIsForBlack ? " (value head for Black, ELF OpenGo)" : string.Empty)}");
                Console.WriteLine($"blocks: {weights.BlockCount}");
                Console.WriteLine($"filters: {weights.Filters}");
                Console.WriteLine($"size: {weights.SizeTag}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parameters: {parameters}"));
                Console.WriteLine("board: 19x19");
                return 0;
            }
            catch (Exception e) when (e is LeelaZeroFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"zerogo lz info: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CreateRandom()
    {
        var blocks = new Option<int>("--blocks") { Description = "Residual blocks.", DefaultValueFactory = _ => 6 };
        var filters = new Option<int>("--filters") { Description = "Filters per convolution.", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var format = new Option<int>("--format") { Description = "File format version: 1, or 2 (value head for Black).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "File to write.", Required = true };
        var command = new Command("random", "Write a random Leela Zero network (random weights, biases and batch-norm statistics).")
        {
            blocks, filters, seed, format, output,
        };
        command.SetAction(parse =>
        {
            int blockCount = parse.GetValue(blocks);
            int filterCount = parse.GetValue(filters);
            int version = parse.GetValue(format);
            string? error = blockCount is < 0 or > 80 ? $"--blocks must be 0..80 (got {blockCount})"
                : filterCount is < 1 or > 1024 ? $"--filters must be 1..1024 (got {filterCount})"
                : version is not (1 or 2) ? $"--format must be 1 or 2 (got {version})"
                : null;
            if (error is not null)
            {
                return UsageError.Report("lz random", error);
            }

            string path = parse.GetValue(output)!;
            try
            {
                var weights = LeelaZeroRandomWeights.Create(blockCount, filterCount, parse.GetValue(seed), version);
                LeelaZeroWeightsWriter.Save(weights, path);
                Console.WriteLine($"wrote {path}: {weights.SizeTag}, format {version}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"zerogo lz random: cannot write {path}: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CreateBench()
    {
        var file = new Argument<string>("FILE") { Description = "A Leela Zero weight file (plain text or gzip)." };
        var threads = new Option<int>("--threads") { Description = "Search threads (as leelaz -t).", DefaultValueFactory = _ => 2 };
        var visits = new Option<int>("--visits") { Description = "Playouts to time (leelaz --benchmark makes 3200).", DefaultValueFactory = _ => 3200 };
        var batch = new Option<int>("--batch") { Description = "Leaves gathered per thread per evaluator call.", DefaultValueFactory = _ => 16 };
        var fp32 = new Option<bool>("--fp32") { Description = "Network inference in fp32 (default: the engine's, bf16 where it measured faster on this machine)." };
        var command = new Command("bench", "Search speed on a Leela Zero network, to compare with 'leelaz --cpu-only -t N --benchmark -w FILE' (last line: visits/s: N).")
        {
            file, threads, visits, batch, fp32,
        };
        command.SetAction(parse =>
        {
            int threadCount = parse.GetValue(threads);
            int visitCount = parse.GetValue(visits);
            int batchSize = parse.GetValue(batch);
            string? error = threadCount is < 1 or > 256 ? $"--threads must be 1..256 (got {threadCount})"
                : visitCount < 1 ? $"--visits must be positive (got {visitCount})"
                : batchSize is < 1 or > 4096 ? $"--batch must be 1..4096 (got {batchSize})"
                : null;
            if (error is not null)
            {
                return UsageError.Report("lz bench", error);
            }

            LeelaZeroEvaluator evaluator;
            try
            {
                // No evaluation cache: the warm-up search visits the same positions as the timed one.
                evaluator = LeelaZeroEvaluator.Load(parse.GetValue(file)!, new LeelaZeroEvaluatorOptions
                {
                    Precision = parse.GetValue(fp32) ? Precision.Float32 : PrecisionExtensions.InferenceDefault,
                    Symmetry = LeelaZeroSymmetryMode.Random,
                    Threads = Math.Max(1, Environment.ProcessorCount / threadCount),
                    MaxBatchSize = batchSize,
                    CacheMegabytes = 0,
                });
            }
            catch (Exception e) when (e is LeelaZeroFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"zerogo lz bench: {e.Message}");
                return 1;
            }

            using (evaluator)
            {
                var options = SearchOptions.Default with { Threads = threadCount, BatchSize = batchSize };
                return BenchSearchVerb.Run(evaluator, options, LeelaZeroWeights.BoardSize, visitCount);
            }
        });
        return command;
    }

    private static long CountParameters(LeelaZeroWeights weights)
    {
        static long Convolution(LeelaZeroConvolution c) => c.Weights.Length + c.Biases.Length + c.Means.Length + c.Variances.Length;
        long total = Convolution(weights.Input) + Convolution(weights.PolicyConvolution) + Convolution(weights.ValueConvolution);
        foreach (var block in weights.Blocks)
        {
            total += Convolution(block.First) + Convolution(block.Second);
        }

        return total + weights.PolicyFullyConnectedWeights.Length + weights.PolicyFullyConnectedBiases.Length
            + weights.ValueHiddenWeights.Length + weights.ValueHiddenBiases.Length + weights.ValueOutputWeights.Length + 1;
    }
}
