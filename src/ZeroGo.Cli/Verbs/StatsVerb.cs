using System.CommandLine;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo stats --run DIR</c>: one line per generation of a run's self-play games (length, who won,
/// resignations, policy-target entropy and root value per colour), to see a collapse or a perspective error
/// in the data itself.
/// </summary>
internal static class StatsVerb
{
    public static Command Create()
    {
        var runDir = new Option<string>("--run") { Description = "Run folder.", Required = true };
        var command = new Command("stats", "Per-generation figures of a run's self-play games: length, winner, resignations, policy entropy and root value per colour.")
        {
            runDir,
        };
        command.SetAction(parse =>
        {
            var run = new RunDirectory(parse.GetValue(runDir)!);
            if (!Directory.Exists(run.Samples))
            {
                Console.Error.WriteLine($"zerogo stats: no samples in {run.Samples}");
                return 1;
            }

            foreach (var folder in Directory.EnumerateDirectories(run.Samples, "gen-*").Order(StringComparer.Ordinal))
            {
                var games = ChunkFile.ReadAll(folder, Console.Error.WriteLine).SelectMany(c => c.Games).ToList();
                Console.WriteLine($"{Path.GetFileName(folder)}: {SelfPlayStats.Of(games).Describe()}");
            }

            return 0;
        });
        return command;
    }
}
