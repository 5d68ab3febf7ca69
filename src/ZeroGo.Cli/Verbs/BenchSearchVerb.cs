using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Neural.Loading;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Search;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo bench search</c>: visits per second of the MCTS from the empty board, either with the fake
/// evaluator (uniform priors, value 0: measures the tree alone) or with a network evaluator.
/// Last line: <c>visits/s: N</c>.
/// </summary>
internal static class BenchSearchVerb
{
    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Board size (2..25).", DefaultValueFactory = _ => 9 };
        var fake = new Option<bool>("--fake") { Description = "Uniform priors and value 0 (no network, no rollouts): the tree's own speed." };
        var threads = new Option<int>("--threads") { Description = "Search threads.", DefaultValueFactory = _ => 1 };
        var visits = new Option<int?>("--visits") { Description = "Visits to make (default 400000 fake, 1600 network)." };
        var batch = new Option<int?>("--batch") { Description = "Leaves gathered per thread per evaluator call (default 8 fake, 16 network)." };
        var blocks = new Option<int>("--blocks") { Description = "Residual blocks of the random network.", DefaultValueFactory = _ => 6 };
        var channels = new Option<int>("--channels") { Description = "Channels of the random network.", DefaultValueFactory = _ => 64 };
        var fp32 = new Option<bool>("--fp32") { Description = "Network inference in fp32 (default: the engine's, bf16 where it measured faster on this machine)." };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => ComputeDevice.Cpu };
        var model = new Option<string?>("--model")
        {
            Description = "A ZeroGo model or Leela Zero weight file instead of random weights; the board size comes from it.",
        };
        var command = new Command("search", "Search speed from the empty board (last line: visits/s: N).")
        {
            size, fake, threads, visits, batch, blocks, channels, fp32, device, model,
        };
        command.SetAction(parse =>
        {
            int boardSize = parse.GetValue(size);
            int threadCount = parse.GetValue(threads);
            bool useFake = parse.GetValue(fake);
            int visitCount = parse.GetValue(visits) ?? (useFake ? 400_000 : 1600);
            int batchSize = parse.GetValue(batch) ?? (useFake ? 8 : 16);
            string? error = !BoardGeometry.IsValidSize(boardSize, boardSize) ? $"board size {boardSize} is outside 2..25"
                : threadCount is < 1 or > 256 ? $"--threads must be 1..256 (got {threadCount})"
                : visitCount < 1 ? $"--visits must be positive (got {visitCount})"
                : batchSize is < 1 or > 4096 ? $"--batch must be 1..4096 (got {batchSize})"
                : null;
            if (error is not null)
            {
                return UsageError.Report("bench search", error);
            }

            var options = SearchOptions.Default with { Threads = threadCount, BatchSize = batchSize };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                return UsageError.Report("bench search", e.Message);
            }

            if (useFake)
            {
                return Run(new UniformEvaluator(), options, boardSize, visitCount);
            }

            if (parse.GetValue(model) is { } modelPath)
            {
                return RunModel(modelPath, options, boardSize, visitCount, parse.GetValue(fp32), parse.GetValue(device)!);
            }

            // The network mode: a freshly initialised network of the given shape behind the batching evaluator
            // (the same IEvaluator the engine searches with); any other IEvaluator can be passed to Run.
            PolicyValueNetwork network;
            try
            {
                network = PolicyValueNetwork.Create(
                    NetworkConfig.Create(parse.GetValue(blocks), parse.GetValue(channels)), parse.GetValue(device)!, seed: 1);
            }
            catch (ArgumentException e)
            {
                return UsageError.Report("bench search", e.Message);
            }

            using (network)
            {
                var evaluatorOptions = new EvaluatorOptions
                {
                    MaxBatchSize = Math.Min(4096, threadCount * batchSize),
                    Precision = parse.GetValue(fp32) ? Precision.Float32 : PrecisionExtensions.InferenceDefault,
                    Symmetry = SymmetryMode.Random,
                    Seed = 1,
                };
                using var evaluator = new BatchingEvaluator(network, evaluatorOptions);
                return Run(evaluator, options, boardSize, visitCount);
            }
        });
        return command;
    }


    /// <summary>
    /// Times the search on a model file of either family (<see cref="NetworkLoader"/>); a network made for one
    /// board size (19 for Leela Zero) sets the size, otherwise <paramref name="boardSize"/> applies.
    /// </summary>
    private static int RunModel(string path, SearchOptions options, int boardSize, int visits, bool fp32, string device)
    {
        LoadedNetwork loaded;
        try
        {
            loaded = NetworkLoader.Load(path, new NetworkLoadOptions
            {
                Precision = fp32 ? Precision.Float32 : PrecisionExtensions.InferenceDefault,
                Symmetry = SymmetryMode.Random,
                Device = device,
                CallerThreads = options.Threads,
                MaxBatchSize = Math.Min(4096, options.Threads * options.BatchSize),
                CacheMegabytes = 0, // the warm-up search would otherwise hand the timed one its positions
                Seed = 1,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidDataException
            or ZeroGo.Neural.Files.ModelFileException or LeelaZeroFormatException)
        {
            Console.Error.WriteLine($"zerogo bench search: {e.Message}");
            return 1;
        }

        using (loaded)
        {
            Console.Error.WriteLine($"zerogo bench search: {loaded.Description}, board {loaded.BoardSize ?? boardSize}");
            return Run(loaded.Evaluator, options, loaded.BoardSize ?? boardSize, visits);
        }
    }

    /// <summary>Warms the JIT with a short search, then times one search of <paramref name="visits"/> from the empty board.</summary>
    public static int Run(IEvaluator evaluator, SearchOptions options, int boardSize, int visits)
    {
        var state = new GameState(boardSize);
        var warmUp = new MctsSearch(evaluator, options);
        warmUp.SetPosition(state);
        warmUp.Run(SearchLimits.Visits(Math.Min(visits, 20_000)) with { MaxTime = TimeSpan.FromSeconds(3) });

        var network = evaluator as BatchingEvaluator;
        network?.Cache.Clear(); // the measured search must not find the warm-up's positions cached
        long batchesBefore = network?.Batches ?? 0, positionsBefore = network?.PositionsEvaluated ?? 0;

        var search = new MctsSearch(evaluator, options);
        search.SetPosition(state);
        search.ProgressInterval = TimeSpan.FromSeconds(2);
        search.Progress += snapshot => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {snapshot.Playouts} visits, {snapshot.PlayoutsPerSecond:F0}/s, {snapshot.TreeNodes} nodes, ETA {Math.Max(0, (visits - snapshot.Playouts) / Math.Max(1, snapshot.PlayoutsPerSecond)):F0} s"));
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = search.Run(SearchLimits.Playouts(visits));
        clock.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var snapshot = result.Snapshot;
        double seconds = clock.Elapsed.TotalSeconds;
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"board: {boardSize}x{boardSize}");
        Console.WriteLine($"evaluator: {evaluator.Name}");
        Console.WriteLine($"threads: {options.Threads}, batch: {options.BatchSize}");
        Console.WriteLine($"visits: {snapshot.Playouts}");
        Console.WriteLine($"stopped: {snapshot.StopReason}");
        Console.WriteLine($"best move: {GtpVertex.Format(snapshot.BestMove, snapshot.Geometry)} ({snapshot.Candidates.Count} root moves visited)");
        Console.WriteLine($"tree nodes: {snapshot.TreeNodes}");
        Console.WriteLine(string.Create(invariant, $"tree MiB: {snapshot.TreeBytes / 1048576.0:F1}"));
        Console.WriteLine(string.Create(invariant, $"peak memory MiB: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0}"));
        Console.WriteLine(string.Create(invariant, $"seconds: {seconds:F2}"));
        if (network is not null)
        {
            long batches = network.Batches - batchesBefore, positions = network.PositionsEvaluated - positionsBefore;
            Console.WriteLine(string.Create(invariant, $"network: {network.Name}, {network.Options.Precision.ShortName()}"));
            Console.WriteLine(string.Create(invariant, $"network batches: {batches}, mean batch size: {(batches == 0 ? 0 : (double)positions / batches):F1}"));
            Console.WriteLine(string.Create(invariant, $"network positions/s during search: {positions / seconds:F0} (cache hits {network.Cache.Hits})"));
        }

        // On a shared machine the wall clock includes time other processes held the cores: CPU time tells the tree's cost.
        Console.WriteLine(string.Create(invariant, $"cpu seconds: {cpuSeconds:F2} ({snapshot.Playouts / Math.Max(1e-9, cpuSeconds):F0} visits per cpu-second)"));
        Console.WriteLine(string.Create(invariant, $"visits/s: {snapshot.Playouts / seconds:F0}"));
        return 0;
    }
}
