using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Features;
using ZeroGo.Training.Arena;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Tests;

public class TrainerTests
{
    internal static NetworkConfig Tiny => new() { Blocks = 2, Channels = 16, PolicyChannels = 8, ValueChannels = 8, ValueHidden = 16 };

    /// <summary>Random legal games on 5x5 with one-hot policy targets (the move played), counted at the end.</summary>
    internal static List<GameRecord> RandomGames(int count, int size = 5, ulong seed = 11)
    {
        var games = new List<GameRecord>();
        for (int g = 0; g < count; g++)
        {
            var player = new RandomPlayer(seed + (ulong)g);
            var state = new GameState(size, new Rules { Komi = 0.5 });
            var builder = new GameRecordBuilder(state);
            var oneHot = new float[size * size + 1];
            while (!state.IsOver && state.Moves.Count < 3 * size * size)
            {
                var move = player.GenerateMove(state).Move;
                int index = GameRecord.ToDense(move, state.Geometry);
                oneHot[index] = 1;
                builder.Add(state.ToMove, move, oneHot, true, 0, 1);
                oneHot[index] = 0;
                state.Play(move);
            }

            games.Add(builder.Finish(state, Color.Empty, $"random {g}", g + 1, 0));
        }

        return games;
    }

    /// <summary>The training loop learns at all, in fp32 and in mixed bf16 (fp32 master weights) alike.</summary>
    [Theory]
    [InlineData(Precision.Float32)]
    [InlineData(Precision.BFloat16)]
    public void A_tiny_network_overfits_a_fixed_set_of_samples(Precision precision)
    {
        var games = RandomGames(4);
        var samples = games.SelectMany(g => Enumerable.Range(0, 8).Select(i => (g, i * 2))).ToList();   // 32 positions
        var batch = TrainingBatch.Build(samples, _ => Symmetry.Identity);
        using var network = PolicyValueNetwork.Create(Tiny, seed: 5);
        var settings = new TrainingSettings
        {
            Optimizer = OptimizerKind.AdamW, LearningRate = 0.01, WeightDecay = 0, WarmupSteps = 0, Threads = 1,
            ScoreWeight = 0.5, OwnershipWeight = 0.5,
        };
        using var trainer = new NetworkTrainer(network, settings, precision: precision);
        var before = trainer.Evaluate(batch);
        for (int step = 0; step < 60; step++)
        {
            trainer.TrainStep(batch);
        }

        var after = trainer.Evaluate(batch);
        Assert.True(after.Total < before.Total / 10, $"loss {before.Total:F3} -> {after.Total:F3}");
        Assert.True(after.Policy < before.Policy / 10, $"policy {before.Policy:F3} -> {after.Policy:F3}");
        Assert.True(after.Value < before.Value / 10, $"value {before.Value:F3} -> {after.Value:F3}");
        Assert.Equal(60, trainer.Step);
    }

    [Fact]
    public void Symmetry_augmentation_moves_inputs_policy_and_ownership_together()
    {
        // Hand-made 5x5 game: Black takes the left side, White the right; the last recorded move is Black's (1,3).
        var game = SampleTests.SmallGame();
        var geometry = game.Geometry;
        int moveIndex = 4;   // Black to move at (2,2) with stones on (2,0),(3,0),(2,1),(3,1) already
        var played = geometry.FromDense(game.Moves[moveIndex].Move);
        var blackStone = geometry.PointAt(2, 0);
        foreach (var symmetry in Symmetry.All)
        {
            var batch = TrainingBatch.Build([(game, moveIndex)], _ => symmetry);
            int width = batch.Features.GridWidth, area = width * batch.Features.GridHeight;
            int Grid(Point p)
            {
                var image = symmetry.Apply(p, geometry);
                return geometry.RowOf(image) * width + geometry.ColumnOf(image);
            }

            // Policy target: 0.75 on the move played, wherever the symmetry took it.
            Assert.Equal(0.75f, batch.Policy[Grid(played)], 5);
            // Inputs: Black (to move) has its own stone at the image of (2,0).
            var planes = batch.Features.Positions[0].Spatial;
            Assert.Equal(1f, planes[FeatureEncoder.OwnStonesPlane * area + Grid(blackStone)]);
            // Ownership: the left edge is Black's (the side to move: +1), the right edge White's.
            Assert.Equal(1f, batch.Ownership[Grid(geometry.PointAt(0, 2))]);
            Assert.Equal(-1f, batch.Ownership[Grid(geometry.PointAt(4, 2))]);
            // Every input plane equals the identity encoding moved by the symmetry.
            var identity = TrainingBatch.Build([(game, moveIndex)], _ => Symmetry.Identity).Features.Positions[0].Spatial;
            var moved = new float[area];
            for (int plane = 0; plane < FeatureEncoder.SpatialPlanes; plane++)
            {
                symmetry.ApplyToPlane<float>(identity.AsSpan(plane * area, area), moved, 5, 5);
                Assert.Equal(moved, planes.AsSpan(plane * area, area).ToArray());
            }
        }
    }

    [Fact]
    public void Checkpoint_restores_weights_optimizer_and_step()
    {
        var folder = Path.Combine(Path.GetTempPath(), "zg-ckpt-" + Guid.NewGuid().ToString("N"));
        try
        {
            var games = RandomGames(2);
            var batch = TrainingBatch.Build(games.SelectMany(g => new[] { (g, 0), (g, 3), (g, 6) }).ToList(), _ => Symmetry.Identity);
            var settings = new TrainingSettings { LearningRate = 0.01, WarmupSteps = 0, Threads = 1 };
            using var network = PolicyValueNetwork.Create(Tiny, seed: 9);
            using var trainer = new NetworkTrainer(network, settings);
            for (int i = 0; i < 5; i++)
            {
                trainer.TrainStep(batch);
            }

            var stem = Path.Combine(folder, "ckpt");
            trainer.SaveCheckpoint(stem, generation: 1);
            var continued = trainer.TrainStep(batch);

            using var reloaded = PolicyValueNetwork.Load(stem);
            using var resumed = new NetworkTrainer(reloaded, settings, step: 5);
            resumed.LoadOptimizerState(stem);
            var again = resumed.TrainStep(batch);
            Assert.Equal(continued.Total, again.Total, 1e-4);
            Assert.Equal(trainer.Evaluate(batch).Total, resumed.Evaluate(batch).Total, 1e-4);
            Assert.True(File.Exists(stem + ".state.json"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Learning_rate_warms_up_then_decays_in_steps()
    {
        var settings = new TrainingSettings { LearningRate = 0.1, WarmupSteps = 10, LearningRateDecay = 0.5, LearningRateDecayAfterSteps = 100 };
        Assert.Equal(0.01, NetworkTrainer.LearningRateAt(0, settings), 9);
        Assert.Equal(0.1, NetworkTrainer.LearningRateAt(50, settings), 9);
        Assert.Equal(0.05, NetworkTrainer.LearningRateAt(150, settings), 9);
        Assert.Equal(0.025, NetworkTrainer.LearningRateAt(250, settings), 9);
    }
}
