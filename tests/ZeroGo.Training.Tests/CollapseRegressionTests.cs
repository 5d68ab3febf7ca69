using ZeroGo.Training.Arena;
using ZeroGo.Training.Runs;
using Xunit.Abstractions;

namespace ZeroGo.Training.Tests;

/// <summary>
/// A short run from zero (the size's default noise and playout-cap settings, a tiny network) whose games must not
/// shorten and whose strength against random must not fall from generation to generation: the 7x7 collapse
/// (games from ~62 moves to 7-15, one colour winning everything) in miniature. The default self-play (Gumbel) must
/// pass it; PUCT's run, where the collapse was found, still fails it.
/// </summary>
public class CollapseRegressionTests(ITestOutputHelper output)
{
    private static RunConfig ShortRun(bool gumbel) => RunConfig.ForSize(6) with
    {
        Seed = 3,
        Network = new NetworkSettings { Blocks = 1, Channels = 16 },
        SelfPlay = RunConfig.ForSize(6).SelfPlay with
        {
            GamesPerGeneration = 24, Visits = 24, CheapVisits = 6, ConcurrentGames = 8, TemperatureMoves = 4, Gumbel = gumbel,
        },
        Training = RunConfig.ForSize(6).Training with
        {
            StepsPerGeneration = 40, BatchSize = 32, CheckpointEverySteps = 40, WindowMinSamples = 2000, WindowMaxSamples = 20000,
            Threads = 1, WarmupSteps = 10, Precision = "fp32",
        },
    };

    // Measured 2026-12-05 (docs/training.md, "The collapse, session 4"): fails with and without policy target
    // pruning (generation 1: games from 47-58 moves to 13-23, Black winning 1 of 24), so the collapse it guards
    // against is not fixed yet. Un-skip it with the fix that makes it pass; it runs in about 1.5-2.5 minutes.
    [Fact(Skip = "the collapse it detects is not fixed yet: fails before and after policy target pruning (docs/training.md)")]
    public void A_short_puct_run_keeps_its_game_lengths_and_its_strength_against_random() => ShortRunKeepsItsGames(gumbel: false);

    [Fact]
    public void The_default_gumbel_run_keeps_its_game_lengths_and_its_strength_against_random()
    {
        Assert.True(RunConfig.ForSize(6).SelfPlay.Gumbel, "the size's default self-play is what this test guards");
        ShortRunKeepsItsGames(gumbel: true);
    }

    private void ShortRunKeepsItsGames(bool gumbel)
    {
        var root = RunLoopTests.NewRoot("collapse");
        try
        {
            var run = new RunDirectory(root);
            var config = ShortRun(gumbel);
            run.CreateFolders();
            run.SaveConfig(config);
            var loop = new RunLoop(run, config);
            const int generations = 4;
            loop.Execute(new LoopLimits(generations, null));
            loop.PlaySelfPlay(generations, CancellationToken.None);   // the last model's own games

            var stats = Enumerable.Range(0, generations + 1).Select(loop.GenerationStats).ToList();
            string table = string.Join("\n", stats.Select((s, g) => $"gen {g}: {s.Describe()}"));
            output.WriteLine(table);
            for (int g = 1; g <= generations; g++)
            {
                Assert.True(stats[g].MeanMoves >= 0.6 * stats[0].MeanMoves, $"games shortened by generation {g}:\n{table}");
                Assert.InRange(stats[g].BlackWinShare, 0.05, 0.95);   // one colour winning every game is the collapse
            }

            double first = ScoreAgainstRandom(run, 1, config), last = ScoreAgainstRandom(run, generations, config);
            output.WriteLine($"score against random: gen 1 {first:P0}, gen {generations} {last:P0}");
            Assert.True(last >= first - 0.15, $"score against random fell from {first:P0} (gen 1) to {last:P0} (gen {generations}):\n{table}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static double ScoreAgainstRandom(RunDirectory run, int generation, RunConfig config)
    {
        using var model = new ModelPlayerFactory(run.ModelStem(generation), 16, $"gen {generation}");
        using var random = new RandomPlayerFactory();
        var options = new ArenaOptions { Size = config.Size, Komi = config.Komi, Games = 20, Parallel = 4, Seed = 11 };
        return new ArenaMatch(model, random, options).Run().Score;
    }
}
