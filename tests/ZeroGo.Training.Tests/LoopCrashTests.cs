using System.Diagnostics;
using ZeroGo.Neural;
using ZeroGo.Testing;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;
using ZeroGo.Training.SelfPlay;

namespace ZeroGo.Training.Tests;

/// <summary>Kills a real <c>zerogo loop</c> process with SIGKILL mid-run, restarts it, and checks nothing is lost or duplicated.</summary>
public class LoopCrashTests
{
    private static string? FindCli()
    {
        foreach (var candidate in new[]
        {
            Path.Combine(TestData.RepoRoot, "src", "ZeroGo.Cli", "bin", "Release", "net10.0", "zerogo.dll"),
            Path.Combine(TestData.RepoRoot, "artifacts", "cli", "zerogo.dll"),
        })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Process Start(string cli, string runDir, List<string> output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            cli, "loop", "--run", runDir, "--size", "5", "--generations", "3", "--games-per-generation", "6",
            "--visits", "8", "--steps-per-generation", "12", "--blocks", "2", "--channels", "16", "--train-threads", "1",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [SkippableFact]
    public void Killed_loop_resumes_without_losing_or_duplicating_anything()
    {
        var cli = FindCli();
        Skip.If(cli is null, "the CLI is not built (dotnet build the solution first; test.sh does)");
        var root = Path.Combine(Path.GetTempPath(), "zg-crash-" + Guid.NewGuid().ToString("N"));
        var run = new RunDirectory(root);
        try
        {
            var output = new List<string>();
            // First life: kill -9 once self-play of generation 1 has started (a model, chunks and checkpoints exist).
            var first = Start(cli!, root, output);
            var clock = Stopwatch.StartNew();
            while (!first.HasExited && clock.Elapsed < TimeSpan.FromMinutes(4)
                   && !(Directory.Exists(run.SamplesFolder(1)) && Directory.EnumerateFiles(run.SamplesFolder(1)).Count() >= 2))
            {
                Thread.Sleep(50);
            }

            Assert.False(first.HasExited, "the loop ended before it could be killed:\n" + string.Join('\n', output));
            string gen0Hash = File.ReadAllText(run.ModelStem(0) + ".json");
            first.Kill(entireProcessTree: true);   // SIGKILL on Linux
            first.WaitForExit();

            // Second life: kill again during training of generation 2 (after its first checkpoint) or later.
            output.Clear();
            var second = Start(cli!, root, output);
            clock.Restart();
            while (!second.HasExited && clock.Elapsed < TimeSpan.FromMinutes(4)
                   && !(Directory.Exists(run.SamplesFolder(2)) && Directory.EnumerateFiles(run.SamplesFolder(2)).Count() >= 1))
            {
                Thread.Sleep(20);
            }

            if (!second.HasExited)
            {
                second.Kill(entireProcessTree: true);
            }

            second.WaitForExit();
            Assert.Contains(output, line => line.Contains("resumed", StringComparison.Ordinal));

            // Third life: to the end.
            output.Clear();
            var third = Start(cli!, root, output);
            Assert.True(third.WaitForExit(TimeSpan.FromMinutes(5)), "the resumed loop did not finish");
            Assert.True(third.ExitCode == 0, string.Join('\n', output));
            Assert.Contains(output, line => line.Contains("resumed", StringComparison.Ordinal));

            Assert.Equal(gen0Hash, File.ReadAllText(run.ModelStem(0) + ".json"));   // generation 0 never recreated
            for (int generation = 0; generation <= 3; generation++)
            {
                using var model = PolicyValueNetwork.Load(run.ModelStem(generation));
            }

            for (int generation = 0; generation < 3; generation++)
            {
                var outputFolders = new SelfPlayOutput(run.GamesFolder(generation), run.SamplesFolder(generation));
                var chunks = Directory.GetFiles(run.SamplesFolder(generation), "*" + ChunkFile.Extension);
                var numbers = chunks.Select(c => ChunkFile.Read(c).Single().GameNumber).Order().ToList();
                Assert.Equal(Enumerable.Range(1, 6), numbers);   // every game once
                var sgfs = Directory.GetFiles(run.GamesFolder(generation), "*.sgf").Select(Path.GetFileNameWithoutExtension).Order();
                Assert.Equal(chunks.Select(Path.GetFileNameWithoutExtension).Order(), sgfs);
            }

            Assert.Empty(Directory.EnumerateFiles(root, "*.tmp*", SearchOption.AllDirectories));

            // Training rows of redone steps were replaced, not repeated: steps 10, 20, 30 (logged every 10) each once.
            var steps = ZeroGo.Training.Metrics.CsvLog.Read(Path.Combine(run.Logs, "training.csv"))
                .Select(row => ZeroGo.Training.Metrics.CsvLog.Number(row, "step")).ToList();
            Assert.Equal(steps.Distinct().Count(), steps.Count);
            Assert.Equal(36, steps.Max());
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, true);
            }
        }
    }
}
