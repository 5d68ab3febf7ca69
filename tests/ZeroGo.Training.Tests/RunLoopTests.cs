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

    [Fact]
    public void A_loop_stopped_between_checkpoints_keeps_its_steps_and_resumes_from_them()
    {
        var root = NewRoot("stop");
        try
        {
            var run = new RunDirectory(root);
            var tiny = Tiny();
            var config = tiny with { Training = tiny.Training with { StepsPerGeneration = 80, CheckpointEverySteps = 1000 } };
            run.CreateFolders();
            run.SaveConfig(config);
            using var stop = new CancellationTokenSource();
            var loop = new RunLoop(run, config);
            loop.Log += line =>
            {
                if (line.StartsWith("train: step 50/", StringComparison.Ordinal))
                {
                    stop.Cancel();
                }
            };
            Assert.Equal(0, loop.Execute(new LoopLimits(1, null), stop.Token));

            var lines = new List<string>();
            var resumed = new RunLoop(run, config);
            resumed.Log += lines.Add;
            Assert.Equal(1, resumed.Execute(new LoopLimits(1, null)));
            Assert.Contains("train: resuming generation 1 from checkpoint at step 50", lines);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}

/// <summary>A run started from an existing model records it in config.json and says so when it resumes.</summary>
public class InitModelTests
{
    private static string SaveModel(string folder, int blocks, int channels, string size, long steps)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, "seed-model");
        using var network = ZeroGo.Neural.PolicyValueNetwork.Create(new ZeroGo.Neural.NetworkConfig { Blocks = blocks, Channels = channels }, seed: 11);
        network.Save(stem, new ZeroGo.Neural.Files.ModelInfo { BoardSizes = [size], TrainingSteps = steps, Notes = "test seed" });
        return stem;
    }

    [Fact]
    public void Config_records_the_init_model_and_generation_0_is_made_from_it_even_after_a_crash_before_it()
    {
        var root = RunLoopTests.NewRoot("init");
        try
        {
            var stem = SaveModel(Path.Combine(root, "source"), blocks: 2, channels: 8, size: "7x7", steps: 42);
            var record = InitModelRecord.Read(stem + ".json");   // either file or the stem names the model
            Assert.Equal(stem, record.Path);
            Assert.True(record.IsSameModel(stem + ".weights"));
            var config = RunLoopTests.Tiny().StartingFrom(record);
            Assert.Equal(2, config.Network.Blocks);   // the run takes the model's shape, not the size default
            Assert.Equal(8, config.Network.Channels);
            // a trained network is refined at a quarter of the from-zero rate, not undone by it
            Assert.Equal(RunLoopTests.Tiny().Training.LearningRate / 4, config.Training.LearningRate, 12);
            // a trained network judges positions: no resignation guard, unlike a run from zero
            Assert.True(RunLoopTests.Tiny().SelfPlay.ResignFromGeneration > 0);
            Assert.Equal(0, config.SelfPlay.ResignFromGeneration);

            var run = new RunDirectory(Path.Combine(root, "run"));
            run.CreateFolders();
            run.SaveConfig(config);
            var json = File.ReadAllText(run.ConfigPath);
            Assert.Contains("\"init\"", json);
            var saved = run.LoadConfig().Init!;
            Assert.Equal(stem, saved.Path);
            Assert.Equal((2, 8, 42L), (saved.Blocks, saved.Channels, saved.TrainingSteps));
            Assert.Equal(["7x7"], saved.BoardSizes);
            Assert.Matches("^[0-9a-f]{64}$", saved.WeightsSha256);

            // config.json is written before generation 0 (as if killed in between): the resumed run still seeds from the model.
            var lines = new List<string>();
            var loop = new RunLoop(run, run.LoadConfig());
            loop.Log += lines.Add;
            Assert.Equal(0, loop.EnsureInitialModel());
            Assert.Contains(lines, l => l == $"loop: generation 0 initialised from {stem} (b2c8, trained on 7x7, 42 steps)");
            using (var source = ZeroGo.Neural.PolicyValueNetwork.Load(stem))
            using (var generation0 = ZeroGo.Neural.PolicyValueNetwork.Load(run.ModelStem(0)))
            {
                Assert.Equal(source.Config, generation0.Config);
                Assert.Equal(InitModelRecord.WeightsHash(stem), InitModelRecord.WeightsHash(run.ModelStem(0)));
            }

            lines.Clear();
            var resumed = new RunLoop(run, run.LoadConfig());
            resumed.Log += lines.Add;
            Assert.Equal(0, resumed.EnsureInitialModel());
            Assert.Contains(lines, l => l.StartsWith("loop: resumed", StringComparison.Ordinal));
            Assert.Contains(lines, l => l == $"loop: this run started from {stem} (b2c8, trained on 7x7, 42 steps)");

            resumed.Execute(new LoopLimits(1, null));
            using var generation1 = ZeroGo.Neural.PolicyValueNetwork.Load(run.ModelStem(1));
            Assert.Equal(42 + config.Training.StepsPerGeneration, generation1.Info.TrainingSteps);   // the lineage's steps
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void A_run_from_a_network_fills_its_window_before_the_first_training_and_one_from_zero_does_not()
    {
        var root = RunLoopTests.NewRoot("warm");
        try
        {
            var stem = SaveModel(Path.Combine(root, "source"), blocks: 1, channels: 8, size: "5x5", steps: 7);
            var settings = RunLoopTests.Tiny();
            settings = settings with { Training = settings.Training with { WindowMinSamples = 60 } };
            long PositionsOfGeneration0(RunDirectory run) => Samples.ChunkFile.ReadAll(run.SamplesFolder(0), null)
                .SelectMany(c => c.Games).Sum(g => (long)g.Moves.Count);
            int GamesOfGeneration0(RunDirectory run) => Samples.ChunkFile.ReadAll(run.SamplesFolder(0), null).Sum(c => c.Games.Count);

            var fromNetwork = new RunDirectory(Path.Combine(root, "from-network"));
            var warmConfig = settings.StartingFrom(InitModelRecord.Read(stem));
            fromNetwork.CreateFolders();
            fromNetwork.SaveConfig(warmConfig);
            var lines = new List<string>();
            var warm = new RunLoop(fromNetwork, warmConfig);
            warm.Log += lines.Add;
            warm.EnsureInitialModel();
            warm.PlaySelfPlay(0, CancellationToken.None);
            Assert.True(PositionsOfGeneration0(fromNetwork) >= 60, $"{PositionsOfGeneration0(fromNetwork)} positions");
            Assert.True(GamesOfGeneration0(fromNetwork) > 2);
            Assert.Equal(0, GamesOfGeneration0(fromNetwork) % 2);   // whole rounds of gamesPerGeneration
            Assert.Contains(lines, l => l.Contains("before its first training", StringComparison.Ordinal));

            var fromZero = new RunDirectory(Path.Combine(root, "from-zero"));
            fromZero.CreateFolders();
            fromZero.SaveConfig(settings);
            var cold = new RunLoop(fromZero, settings);
            cold.EnsureInitialModel();
            cold.PlaySelfPlay(0, CancellationToken.None);
            Assert.Equal(2, GamesOfGeneration0(fromZero));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void A_run_asking_for_more_blocks_than_its_init_model_starts_from_the_model_deepened()
    {
        var root = RunLoopTests.NewRoot("deepen");
        try
        {
            var stem = SaveModel(Path.Combine(root, "source"), blocks: 2, channels: 8, size: "7x7", steps: 42);
            var record = InitModelRecord.Read(stem);
            var error = Assert.Throws<ArgumentException>(() => RunLoopTests.Tiny().StartingFrom(record, blocks: 1));
            Assert.Contains("can add blocks, not remove them", error.Message);

            var config = RunLoopTests.Tiny().StartingFrom(record, blocks: 4);
            config.Validate();
            Assert.Equal((4, 8), (config.Network.Blocks, config.Network.Channels));
            var run = new RunDirectory(Path.Combine(root, "run"));
            run.CreateFolders();
            run.SaveConfig(config);
            new RunLoop(run, run.LoadConfig()).EnsureInitialModel();

            using var source = ZeroGo.Neural.PolicyValueNetwork.Load(stem);
            using var generation0 = ZeroGo.Neural.PolicyValueNetwork.Load(run.ModelStem(0));
            Assert.Equal(4, generation0.Config.Blocks);
            var game = new ZeroGo.Go.GameState(ZeroGo.Go.BoardGeometry.Get(7));
            game.Play(ZeroGo.Go.Color.Black, ZeroGo.Go.Move.At(game.Geometry.PointAt(3, 3)));
            var batch = new ZeroGo.Neural.Features.FeatureBatch();
            var encoded = new ZeroGo.Neural.Features.EncodedPosition();
            ZeroGo.Neural.Features.FeatureEncoder.Encode(ZeroGo.Search.EvaluationRequestBuilder.Create(game, historyLength: 0), ZeroGo.Go.Symmetry.Identity, encoded);
            batch.Add(encoded);
            Assert.Equal(source.Infer(batch).PolicyLogits, generation0.Infer(batch).PolicyLogits);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void A_config_whose_network_differs_from_its_init_model_is_refused()
    {
        var record = new InitModelRecord { Path = "/models/x", Blocks = 6, Channels = 64, BoardSizes = ["9x9"] };
        var config = RunLoopTests.Tiny().StartingFrom(record) with { Network = new NetworkSettings { Blocks = 4, Channels = 64 } };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("b4c64", error.Message);
        Assert.Contains("/models/x (b6c64, trained on 9x9, 0 steps)", error.Message);
        RunLoopTests.Tiny().Validate();   // a random-weights run has no init to match
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void A_value_search_share_outside_0_to_1_is_refused(double share)
    {
        var config = RunLoopTests.Tiny() with { Training = RunLoopTests.Tiny().Training with { ValueSearchShare = share } };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("training.valueSearchShare", error.Message);
        var kept = RunConfig.FromJson((RunLoopTests.Tiny() with { Training = RunLoopTests.Tiny().Training with { ValueSearchShare = 0.5 } }).ToJson());
        Assert.Equal(0.5, kept.Training.ValueSearchShare);
    }

    [Fact]
    public void A_run_without_init_records_none()
    {
        var config = RunConfig.FromJson(RunLoopTests.Tiny().ToJson());
        Assert.Null(config.Init);
    }
}
