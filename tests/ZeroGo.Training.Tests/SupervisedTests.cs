using System.Text.Json;
using ZeroGo.Neural;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Supervised;

namespace ZeroGo.Training.Tests;

/// <summary>
/// Supervised training streamed from a kifu collection, on small tygem-style archives the tests write: the game
/// stream's order and resume, resume after a kill equal to continuing, the held-out guard, the learning curve and the
/// model's data licence, and a tiny network that learns.
/// </summary>
public sealed class SupervisedTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "zg-sl-" + Guid.NewGuid().ToString("N"));

    public SupervisedTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Three months of five random games each (30-60 moves), IDs 1..15.</summary>
    private string RandomArchive(string name = "tygem-9d")
    {
        var months = Enumerable.Range(0, 3).Select(m => (IReadOnlyList<string>)Enumerable.Range(0, 5)
            .Select(g => KifuArchives.RandomGame((ulong)(m * 100 + g + 1), 30 + 7 * g)).ToList()).ToList();
        return KifuArchives.WriteTygem(Path.Combine(_folder, name), months);
    }

    private static KifuGameStream Stream(string path, ulong seed) => new(new KifuReader(KifuSource.Open(path)), seed);

    private RunConfig Config(string source, int checkpointEvery = 3, int shuffleGames = 4) => RunConfig.ForSize(19, seed: 7) with
    {
        Network = new NetworkSettings { Blocks = 1, Channels = 16 },
        Supervised = new SupervisedSettings { Source = source, PositionsPerGame = 4, ShuffleGames = shuffleGames },
        Training = RunConfig.ForSize(19).Training with
        {
            BatchSize = 16, CheckpointEverySteps = checkpointEvery, Threads = 1, Precision = "fp32", WarmupSteps = 0, ValueWeight = 0.25,
        },
    };

    private static long Train(string runFolder, RunConfig config, long steps, SupervisedOptions? options = null)
    {
        var run = new SupervisedRun(new RunDirectory(runFolder), config, options ?? new SupervisedOptions());
        return run.Train(new SupervisedLimits(steps, null));
    }

    [Fact]
    public void The_stream_visits_every_game_once_per_epoch_in_a_seeded_order_and_resumes_from_a_position()
    {
        var archive = RandomArchive();

        var first = Stream(archive, 1).From(StreamPosition.Start).Take(30).ToList();
        var again = Stream(archive, 1).From(StreamPosition.Start).Take(30).Select(g => g.Game.Id).ToList();
        var otherSeed = Stream(archive, 2).From(StreamPosition.Start).Take(15).Select(g => g.Game.Id).ToList();

        var ids = first.Select(g => g.Game.Id).ToList();
        Assert.Equal(again, ids);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => i.ToString()).Order(), ids.Take(15).Order());
        Assert.Equal(ids.Take(15).Order(), ids.Skip(15).Order());
        Assert.NotEqual(ids.Take(15), ids.Skip(15));                 // each epoch is shuffled anew
        Assert.NotEqual(ids.Take(15), otherSeed);
        Assert.NotEqual(Enumerable.Range(1, 15).Select(i => i.ToString()), ids.Take(15));   // not archive order
        Assert.Equal(1, first[15].Next.Epoch);

        var resumed = Stream(archive, 1).From(first[8].Next).Take(21).Select(g => g.Game.Id);
        Assert.Equal(ids.Skip(9), resumed);
    }

    [Fact]
    public void Batches_resumed_from_a_cursor_equal_the_batches_of_a_stream_that_went_on()
    {
        var archive = RandomArchive();
        var continuing = new KifuBatchStream(Stream(archive, 3), blockGames: 4, perGame: 3, seed: 3, StreamCursor.Start);
        var batches = new List<List<(string Source, int Move)>>();
        StreamCursor? cursorAfterThree = null;
        for (int i = 0; i < 8; i++)
        {
            batches.Add(continuing.Next(5).Select(p => (p.Game.Source, p.MoveIndex)).ToList());
            if (i == 2)
            {
                cursorAfterThree = continuing.Cursor;
            }
        }

        var resumed = new KifuBatchStream(Stream(archive, 3), blockGames: 4, perGame: 3, seed: 3, cursorAfterThree!);
        for (int i = 3; i < 8; i++)
        {
            Assert.Equal(batches[i], resumed.Next(5).Select(p => (p.Game.Source, p.MoveIndex)).ToList());
        }

        Assert.Equal(continuing.Cursor, resumed.Cursor);
        Assert.Equal(40, continuing.Cursor.Samples);
        // 3 positions from each of 4 games per block: batches mix games.
        Assert.True(batches[0].Select(p => p.Source).Distinct().Count() >= 2);
    }

    [Fact]
    public void Resuming_after_a_kill_trains_exactly_as_continuing_would()
    {
        var archive = RandomArchive();
        var config = Config(archive);
        var straight = Path.Combine(_folder, "straight");
        Assert.Equal(8, Train(straight, config, 8));

        // Killed at step 7: the checkpoint of step 6 is the last one on disk; steps 7-8 are redone after the restart.
        var killed = Path.Combine(_folder, "killed");
        Assert.Equal(7, Train(killed, config, 7));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(killed, "checkpoints"), "step-00000007.*"))
        {
            File.Delete(file);
        }

        Assert.Equal(8, Train(killed, config, 8));

        var a = ReadCursor(Path.Combine(straight, "checkpoints", "step-00000008"));
        var b = ReadCursor(Path.Combine(killed, "checkpoints", "step-00000008"));
        Assert.Equal(a, b);
        Assert.Equal(8 * 16, a.Samples);
        using var expected = PolicyValueNetwork.Load(Path.Combine(straight, "models", "latest"));
        using var actual = PolicyValueNetwork.Load(Path.Combine(killed, "models", "latest"));
        var pairs = expected.Module.parameters().Zip(actual.Module.parameters()).ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.True(p.First.allclose(p.Second, rtol: 1e-5, atol: 1e-6), "weights differ after resume"));
    }

    private static StreamCursor ReadCursor(string stem) =>
        JsonSerializer.Deserialize<StreamCursor>(File.ReadAllText(stem + SupervisedRun.StreamFileEnding))!;

    [Fact]
    public void A_held_out_collection_is_refused_for_training_and_as_its_own_held_out_set()
    {
        var heldOut = RandomArchive("tom-9d-heldout");
        var error = Assert.Throws<ArgumentException>(() => Train(Path.Combine(_folder, "run"), Config(heldOut), 2));
        Assert.Contains("held-out", error.Message);

        var training = RandomArchive();
        var same = Assert.Throws<ArgumentException>(() => HeldOutSet.Load(training + "/", 3, training));
        Assert.Contains("is the training collection", same.Message);
    }

    [Fact]
    public void Held_out_measurements_make_a_learning_curve_and_the_model_names_its_data_and_licence()
    {
        var training = RandomArchive();
        File.WriteAllText(Path.Combine(training, "LICENSE.txt"), "GNU GENERAL PUBLIC LICENSE\n  Version 3, 29 June 2007\n");
        var heldOut = HeldOutSet.Load(RandomArchive("other"), 3, training);
        var runFolder = Path.Combine(_folder, "run");

        Train(runFolder, Config(training), 6, new SupervisedOptions { HeldOut = heldOut, EvaluateEvery = TimeSpan.Zero, EvaluationThreads = 1 });

        var curve = File.ReadAllLines(Path.Combine(runFolder, "logs", "heldout.csv"));
        Assert.Equal("time,step,samples,cpu_hours,top1,top5,value_loss,positions,games", curve[0]);
        Assert.Equal(["0", "3", "6"], curve.Skip(1).Select(l => l.Split(',')[1]));   // untrained, then every checkpoint
        Assert.True(File.Exists(Path.Combine(runFolder, "charts", "heldout.png")));
        Assert.True(File.Exists(Path.Combine(runFolder, "charts", "heldout-cpu-hours.png")));
        using var model = PolicyValueNetwork.Load(Path.Combine(runFolder, "models", "latest"));
        Assert.Equal(6, model.Info.TrainingSteps);
        Assert.True(model.Info.CpuHours > 0);
        Assert.StartsWith("tygem-9d: 9-dan human games", model.Info.TrainingData);
        Assert.Equal("GPL-3.0 (GNU GENERAL PUBLIC LICENSE, Version 3, 29 June 2007)", model.Info.TrainingDataLicence);
    }

    [Fact]
    public void A_run_from_a_trained_network_counts_the_lineage_steps_and_starts_at_a_quarter_of_the_rate()
    {
        var training = RandomArchive();
        var first = Path.Combine(_folder, "first");
        Train(first, Config(training), 3);
        var init = InitModelRecord.Read(Path.Combine(first, "models", "latest"));
        Assert.Equal(3, init.TrainingSteps);

        var continued = Config(training).StartingFrom(init);
        Assert.Equal(Config(training).Training.LearningRate / 4, continued.Training.LearningRate, 12);
        var second = Path.Combine(_folder, "second");
        Train(second, continued, 3);
        using var model = PolicyValueNetwork.Load(Path.Combine(second, "models", "latest"));
        Assert.Equal(6, model.Info.TrainingSteps);
    }

    [Fact]
    public void A_streamed_run_from_a_trained_network_can_deepen_it()
    {
        var training = RandomArchive();
        var first = Path.Combine(_folder, "first");
        Train(first, Config(training), 3);
        var init = InitModelRecord.Read(Path.Combine(first, "models", "latest"));

        var deeper = Config(training).StartingFrom(init, blocks: init.Blocks + 2);
        var second = Path.Combine(_folder, "second");
        Train(second, deeper, 3);
        using var model = PolicyValueNetwork.Load(Path.Combine(second, "models", "latest"));
        Assert.Equal((init.Blocks + 2, init.Channels), (model.Config.Blocks, model.Config.Channels));
        Assert.Equal(6, model.Info.TrainingSteps);   // the lineage's steps go on through the growth
    }

    [Fact]
    public void A_tiny_network_learns_the_moves_of_a_fixed_archive()
    {
        // Each game lays a line of stones along one row from the left edge: the next move always continues the line
        // next to the last one, a pattern a one-block network sees (random games' moves cannot be learned).
        var months = new List<IReadOnlyList<string>>
        {
            Enumerable.Range(0, 48).Select(i => string.Concat(Enumerable.Range(0, 15).Select(c => $";{(c % 2 == 0 ? 'B' : 'W')}[{(char)('a' + c)}{(char)('b' + i % 17)}]"))).ToList(),
        };
        var archive = KifuArchives.WriteTygem(Path.Combine(_folder, "fixed"), months);
        var config = Config(archive, checkpointEvery: 1000, shuffleGames: 48) with
        {
            Training = Config(archive).Training with { Optimizer = OptimizerKind.AdamW, LearningRate = 0.01, WeightDecay = 0, CheckpointEverySteps = 1000 },
        };
        var runFolder = Path.Combine(_folder, "run");

        Train(runFolder, config, 60);

        var rows = Metrics.CsvLog.Read(Path.Combine(runFolder, "logs", "training.csv"));
        var policy = rows.Select(r => Metrics.CsvLog.Number(r, "policy_loss")).ToList();
        Assert.Equal(6, policy.Count);
        Assert.True(policy[^1] < 0.6 * policy[0], $"policy loss {string.Join(", ", policy.Select(p => p.ToString("F3")))}");
    }
}
