using System.Diagnostics;
using System.Text;
using Npgsql;
using ZeroGo.Testing;
using ZeroGo.Training.Samples;

namespace ZeroGo.Cli.Tests;

/// <summary>
/// A distributed run as people start it: <c>zerogo loop --store</c> and <c>zerogo worker</c> processes against a
/// real PostgreSQL the test starts. One worker is killed with SIGKILL while it plays and another takes its place;
/// the trainer is killed after publishing generation 1 and started again;
/// afterwards every game replays, no id is there twice, every uploaded game is in the store, each generation was
/// trained on the store's games and <c>store status</c> counts what the database holds.
/// </summary>
public sealed class DistributedRunTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-distributed-").FullName;
    private readonly List<CliRun> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private CliRun Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var process = new CliRun(_folder, environment, arguments);
        _processes.Add(process);
        return process;
    }

    [SkippableFact]
    public void Trainer_and_workers_share_a_store_through_a_worker_killed_mid_game()
    {
        using var server = PostgresServer.Require();
        string database = server.CreateDatabase();
        string url = server.Url(database);
        string run = Path.Combine(_folder, "run");
        const int generations = 3, quota = 6;
        string[] trainerCommand =
        [
            "loop", "--run", run, "--size", "5", "--blocks", "1", "--channels", "16", "--games-per-generation", quota.ToString(),
            "--visits", "8", "--steps-per-generation", "10", "--generations", generations.ToString(), "--store", url,
        ];
        var killedTrainer = Start(null, trainerCommand);
        var first = Start(null, "worker", "--store", url, "--threads", "2", "--name", "w1");
        var second = Start(null, "worker", "--store", url, "--threads", "2", "--name", "w2");

        Assert.True(SpinWait.SpinUntil(() => first.Uploaded.Count >= 2 || first.Process.HasExited, Patience) && !first.Process.HasExited, $"w1 uploaded nothing:\n{first.Stderr}");
        first.Process.Kill();   // SIGKILL: its games in progress die with it
        first.Process.WaitForExit();
        var third = Start(null, "worker", "--store", url, "--threads", "2", "--name", "w3");

        // The trainer killed too, once it has published generation 1, and started again with the same command.
        Assert.True(SpinWait.SpinUntil(() => killedTrainer.Stdout.Contains("store: published gen-0001", StringComparison.Ordinal)
            || killedTrainer.Process.HasExited, Patience) && !killedTrainer.Process.HasExited, $"trainer:\n{killedTrainer.Stdout}\n{killedTrainer.Stderr}");
        killedTrainer.Process.Kill();
        killedTrainer.Process.WaitForExit();
        var trainer = Start(null, trainerCommand);

        Assert.True(SpinWait.SpinUntil(() => trainer.Process.HasExited || second.Process.HasExited || third.Process.HasExited, Patience)
            && trainer.Process.HasExited, $"trainer did not finish:\n{trainer.Stdout}\n{trainer.Stderr}\nw2:\n{second.Stderr}\nw3:\n{third.Stderr}");
        trainer.Process.WaitForExit();
        Assert.True(trainer.Process.ExitCode == 0, $"trainer failed:\n{trainer.Stdout}\n{trainer.Stderr}");
        Assert.True(SpinWait.SpinUntil(() => third.Uploaded.Count >= 1 || third.Process.HasExited, Patience) && !third.Process.HasExited, $"w3 uploaded nothing:\n{third.Stderr}");
        foreach (var worker in new[] { second, third })
        {
            worker.Process.Kill();
            worker.Process.WaitForExit();
        }

        // What the database holds.
        var stored = new List<(Guid Id, int Generation, string Worker, byte[] Chunk)>();
        using (var connection = new NpgsqlConnection(ZeroGo.Training.Store.StoreAddress.ToConnectionString(url)))
        {
            connection.Open();
            using var command = new NpgsqlCommand("SELECT id, generation, worker, chunk FROM zerogo.games", connection);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3)));
            }
        }

        var ids = stored.Select(g => g.Id).ToHashSet();
        Assert.Equal(stored.Count, ids.Count);
        var printed = first.Uploaded.Concat(second.Uploaded).Concat(third.Uploaded).ToList();
        Assert.Equal(printed.Count, printed.Distinct().Count());
        Assert.All(printed, id => Assert.Contains(id, ids));   // "uploaded" is printed only after the commit
        foreach (var game in stored)
        {
            var record = Assert.Single(ChunkFile.FromBytes(game.Chunk, game.Id.ToString()));
            Assert.Equal(game.Generation, record.Generation);
            GameReplay.Replay(record, (_, _) => { });
        }

        Assert.Equal(["w1", "w2", "w3"], stored.Select(g => g.Worker).Distinct().Order());
        for (int generation = 0; generation < generations; generation++)
        {
            Assert.True(stored.Count(g => g.Generation == generation) >= quota, $"generation {generation} has too few games");
            Assert.Contains($"store: generation {generation} has ", killedTrainer.Stdout + trainer.Stdout);
            // The trainer trained on the store's games: they are in its run folder under their ids.
            var copied = Directory.EnumerateFiles(Path.Combine(run, "samples", $"gen-{generation:D4}"), "*.zgchunk")
                .Select(path => Guid.Parse(Path.GetFileNameWithoutExtension(path))).ToList();
            Assert.True(copied.Count >= quota);
            Assert.All(copied, id => Assert.Contains(id, ids));
        }

        Assert.Contains("store: published gen-0003", trainer.Stdout);

        var status = Start(null, "store", "status", "--store", url);
        Assert.True(status.Process.WaitForExit(Patience));
        status.Process.WaitForExit();
        Assert.Equal($"store: {generations + 1} generations, {stored.Count} games, {stored.Count} distinct game ids, 3 workers",
            status.Stdout.TrimEnd().Split('\n')[^1]);

        // The password may come from PGPASSWORD; a wrong one is one line on stderr that does not repeat it.
        var fromEnvironment = Start(new Dictionary<string, string> { ["PGPASSWORD"] = PostgresServer.SuperuserPassword },
            "store", "status", "--store", server.Url(database, password: null));
        Assert.True(fromEnvironment.Process.WaitForExit(Patience));
        fromEnvironment.Process.WaitForExit();
        Assert.Equal(0, fromEnvironment.Process.ExitCode);
        var wrong = Start(new Dictionary<string, string> { ["PGPASSWORD"] = "wrong-secret" },
            "store", "status", "--store", server.Url(database, password: null));
        Assert.True(wrong.Process.WaitForExit(Patience));
        wrong.Process.WaitForExit();
        Assert.Equal(1, wrong.Process.ExitCode);
        var line = Assert.Single(wrong.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("authentication failed", line);
        Assert.DoesNotContain("wrong-secret", wrong.Stdout + wrong.Stderr);
    }

    /// <summary>The built zerogo program in a process of its own, its output collected; "uploaded ID" lines parsed.</summary>
    private sealed class CliRun : IDisposable
    {
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly List<Guid> _uploaded = [];

        public CliRun(string folder, IReadOnlyDictionary<string, string>? environment, string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zerogo.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // Each worker caches networks under its own folder, as on separate machines.
            start.Environment["XDG_CACHE_HOME"] = Path.Combine(folder, "cache-" + Guid.NewGuid().ToString("N")[..8]);
            start.Environment.Remove("PGPASSWORD");
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }

            Process = Process.Start(start)!;
            Process.OutputDataReceived += (_, e) => OnOutput(e.Data);
            Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_stderr)
                    {
                        _stderr.AppendLine(e.Data);
                    }
                }
            };
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Stdout
        {
            get
            {
                lock (_stdout)
                {
                    return _stdout.ToString();
                }
            }
        }

        public string Stderr
        {
            get
            {
                lock (_stderr)
                {
                    return _stderr.ToString();
                }
            }
        }

        public IReadOnlyList<Guid> Uploaded
        {
            get
            {
                lock (_stdout)
                {
                    return _uploaded.ToList();
                }
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }

        private void OnOutput(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_stdout)
            {
                _stdout.AppendLine(line);
                if (line.StartsWith("uploaded ", StringComparison.Ordinal))
                {
                    _uploaded.Add(Guid.Parse(line["uploaded ".Length..]));
                }
            }
        }
    }
}
