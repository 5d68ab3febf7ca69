using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using ZeroGo.Neural;
using ZeroGo.Training.Store;
using ZeroGo.Training.Workers;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo worker --store postgresql://… [--threads N] [--name NAME]</c>: a self-play worker of a distributed run
/// (docs/distributed.md). Prints <c>uploaded GAME_ID</c> on stdout after each game's upload committed; progress
/// and warnings go to stderr.
/// </summary>
internal static class WorkerVerb
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "The run's store: postgresql://USER@HOST[:PORT]/DATABASE (or a run folder on a shared file system).", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Games played at once (default: the run's concurrentGames)." };
        var name = new Option<string?>("--name") { Description = "Worker name recorded with its games (default HOST-PID)." };
        var games = new Option<int?>("--games") { Description = "Stop after uploading this many games (default: run until stopped)." };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => ComputeDevice.Cpu };
        var command = new Command("worker", "Self-play worker of a distributed run: plays with the newest network, uploads each game to the store.")
        {
            store, threads, name, games, device,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(threads) is < 1 || parse.GetValue(games) is < 1)
            {
                return UsageError.Report("worker", "--threads and --games must be at least 1");
            }

            string address = parse.GetValue(store)!;
            string workerName = parse.GetValue(name) ?? $"{Environment.MachineName}-{Environment.ProcessId}";
            try
            {
                using var runStore = StoreAddress.Open(address);
                var worker = new SelfPlayWorker(runStore, new WorkerOptions
                {
                    Name = workerName,
                    CacheFolder = CacheFolder(runStore.Description),
                    ConcurrentGames = parse.GetValue(threads),
                    MaxGames = parse.GetValue(games),
                    Device = parse.GetValue(device)!,
                });
                worker.Log += line => Console.Error.WriteLine(line);
                worker.Uploaded += id => Console.WriteLine($"uploaded {id:D}");
                using var cancel = TrainingCli.CancelOnCtrlC();
                int uploaded = worker.Run(cancel.Token);
                Console.Error.WriteLine($"worker {workerName}: stopped after {uploaded} games");
                return 0;
            }
            catch (Exception e) when (e is StoreFatalException or ArgumentException or IOException or InvalidDataException
                or ZeroGo.Neural.Files.ModelFileException)
            {
                Console.Error.WriteLine($"zerogo worker: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Networks of one store are cached under the user's cache folder, one subfolder per store.</summary>
    private static string CacheFolder(string storeDescription)
    {
        string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storeDescription)))[..16];
        return Path.Combine(root, "zerogo", "networks", key);
    }
}
