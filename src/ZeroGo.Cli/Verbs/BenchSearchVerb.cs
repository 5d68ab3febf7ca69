using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ZeroGo.Go;
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
        var command = new Command("search", "Search speed from the empty board (last line: visits/s: N).")
        {
            size, fake, threads, visits, batch, blocks, channels,
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
                Console.Error.WriteLine($"zerogo bench search: {error}");
                return 2;
            }

            IEvaluator evaluator;
            if (useFake)
            {
                evaluator = new UniformEvaluator();
            }
            else
            {
                // ---- NETWORK EVALUATOR GOES HERE ----
                // The batching TorchSharp evaluator lives in ZeroGo.Neural (another part of the project); until it
                // is wired in, the network mode says so instead of measuring something else.
                Console.Error.WriteLine(
                    $"zerogo bench search: the network evaluator (b{parse.GetValue(blocks)}c{parse.GetValue(channels)}) is not wired into this command yet; use --fake");
                return 2;
            }

            var options = SearchOptions.Default with { Threads = threadCount, BatchSize = batchSize };
            return Run(evaluator, options, boardSize, visitCount);
        });
        return command;
    }

    /// <summary>Warms the JIT with a short search, then times one search of <paramref name="visits"/> from the empty board.</summary>
    public static int Run(IEvaluator evaluator, SearchOptions options, int boardSize, int visits)
    {
        var state = new GameState(boardSize);
        var warmUp = new MctsSearch(evaluator, options);
        warmUp.SetPosition(state);
        warmUp.Run(SearchLimits.Visits(Math.Min(visits, 20_000)) with { MaxTime = TimeSpan.FromSeconds(3) });

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
        Console.WriteLine($"best move: {snapshot.BestMove} ({snapshot.Candidates.Count} root moves visited)");
        Console.WriteLine($"tree nodes: {snapshot.TreeNodes}");
        Console.WriteLine(string.Create(invariant, $"tree MiB: {snapshot.TreeBytes / 1048576.0:F1}"));
        Console.WriteLine(string.Create(invariant, $"peak memory MiB: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0}"));
        Console.WriteLine(string.Create(invariant, $"seconds: {seconds:F2}"));
        // On a shared machine the wall clock includes time other processes held the cores: CPU time tells the tree's cost.
        Console.WriteLine(string.Create(invariant, $"cpu seconds: {cpuSeconds:F2} ({snapshot.Playouts / Math.Max(1e-9, cpuSeconds):F0} visits per cpu-second)"));
        Console.WriteLine(string.Create(invariant, $"visits/s: {snapshot.Playouts / seconds:F0}"));
        return 0;
    }
}
