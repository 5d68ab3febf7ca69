using ZeroGo.Formats.Sgf;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Tests;

/// <summary>The loop in process, with a network and settings so small that a generation takes seconds.</summary>
public class RunLoopTests
{
    internal static RunConfig Tiny(bool gate = false) => RunConfig.ForSize(5) with
    {
        Seed = 5,
        Network = new NetworkSettings { Blocks = 1, Channels = 8 },
        SelfPlay = new SelfPlaySettings { GamesPerGeneration = 2, Visits = 4, CheapVisits = 2, ConcurrentGames = 2, TemperatureMoves = 4 },
        Training = new TrainingSettings { StepsPerGeneration = 2, BatchSize = 8, CheckpointEverySteps = 2, WindowMinSamples = 10, WindowMaxSamples = 1000, Threads = 1, WarmupSteps = 1 },
        Gate = new GateSettings { Enabled = gate, Games = 2, Visits = 2, Threshold = 0 },
    };

    internal static string NewRoot(string name) => Path.Combine(Path.GetTempPath(), $"zg-{name}-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Gate_games_are_saved_as_sgf_apart_from_self_play_and_the_result_is_logged()
    {
        var root = NewRoot("gate");
        try
        {
            var run = new RunDirectory(root);
            var config = Tiny(gate: true);
            run.CreateFolders();
            run.SaveConfig(config);
            var lines = new List<string>();
            var loop = new RunLoop(run, config);
            loop.Log += lines.Add;
            Assert.Equal(1, loop.Execute(new LoopLimits(1, null)));

            var folder = run.GateGamesFolder(1);
            Assert.Equal(Path.Combine(root, "arena", "gate-gen-0001"), folder);
            var sgfs = Directory.GetFiles(folder, "*.sgf").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["game-0001.sgf", "game-0002.sgf"], sgfs.Select(Path.GetFileName));
            var first = SgfGame.Parse(File.ReadAllText(sgfs[0]));
            Assert.Equal(5, first.Width);
            Assert.Equal("gen-0001 (candidate)", first.Info.PlayerBlack);   // the candidate is Black in even games
            Assert.Equal("gen-0000", first.Info.PlayerWhite);
            Assert.False(string.IsNullOrEmpty(first.Info.Result));

            // Self-play games stay apart: games/ holds only generation 0's two self-play games.
            var selfPlay = Directory.GetFiles(run.Games, "*.sgf", SearchOption.AllDirectories);
            Assert.Equal(2, selfPlay.Length);
            Assert.All(selfPlay, path => Assert.DoesNotContain("gate", File.ReadAllText(path)));

            var rows = CsvLog.Read(Path.Combine(run.Logs, "gate.csv"));
            var row = Assert.Single(rows);
            Assert.Equal("1", row["generation"]);
            Assert.Equal("gen-0000", row["opponent"]);
            Assert.Equal(2, int.Parse(row["wins"]) + int.Parse(row["losses"]) + int.Parse(row["draws"]));
            Assert.Equal("1", row["promoted"]);   // threshold 0: always promoted
            var gateLog = File.ReadAllText(Path.Combine(run.Logs, "gate.log"));
            Assert.Contains("gate: gen-0001 (candidate) vs gen-0000: ", gateLog);
            Assert.Contains("promoted; games in arena" + Path.DirectorySeparatorChar + "gate-gen-0001", gateLog);
            Assert.Contains(lines, l => l.StartsWith("gate: gen-0001 (candidate) vs gen-0000", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
