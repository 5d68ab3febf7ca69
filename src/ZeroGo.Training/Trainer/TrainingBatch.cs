using ZeroGo.Go;
using ZeroGo.Neural.Features;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Trainer;

/// <summary>
/// A training batch as flat arrays: the network's input (a <see cref="FeatureBatch"/>) and the targets laid out on
/// the same padded grid (row-major GridHeight x GridWidth, pass last), each position through one board symmetry
/// applied to the inputs and the spatial targets alike.
/// </summary>
public sealed class TrainingBatch
{
    public required FeatureBatch Features { get; init; }

    /// <summary>[Count, gridArea + 1].</summary>
    public required float[] Policy { get; init; }

    /// <summary>[Count]: 1 where the policy target counts.</summary>
    public required float[] PolicyWeight { get; init; }

    /// <summary>[Count, 3] in the network's order: win, loss, draw (side to move).</summary>
    public required float[] Outcome { get; init; }

    /// <summary>[Count]: 1 where the outcome target counts (0: a human game lost on time or by disconnection).</summary>
    public required float[] ValueWeight { get; init; }

    /// <summary>[Count]: final score lead of the side to move.</summary>
    public required float[] Score { get; init; }

    /// <summary>[Count, gridArea]: final ownership, +1 side to move; 0 in padding.</summary>
    public required float[] Ownership { get; init; }

    /// <summary>[Count]: 1 where score and ownership targets are known.</summary>
    public required float[] ScoreWeight { get; init; }

    /// <summary>[Count]: on-board points per position (to average ownership over the board only).</summary>
    public required float[] BoardPoints { get; init; }

    public int Count => Features.Count;

    /// <summary>
    /// Replays each chosen position, encodes it through the symmetry <paramref name="chooseSymmetry"/> picks and lays
    /// out its targets the same way; <paramref name="valueSearchShare"/>: <see cref="Runs.TrainingSettings.ValueSearchShare"/>.
    /// </summary>
    public static TrainingBatch Build(IReadOnlyList<(GameRecord Game, int MoveIndex)> samples, Func<BoardGeometry, Symmetry> chooseSymmetry,
        double valueSearchShare = 0)
    {
        // Chosen in sample order before the parallel part, so a seeded chooser gives the same batch every time.
        var symmetries = new Symmetry[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            symmetries[i] = chooseSymmetry(samples[i].Game.Geometry);
        }

        var encoded = new EncodedPosition[samples.Count];
        var targets = new TrainingTargets[samples.Count];
        Parallel.For(0, samples.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var (game, moveIndex) = samples[i];
            var symmetry = symmetries[i];
            var target = new TrainingTargets(game.Area);
            var position = new EncodedPosition();
            GameReplay.Replay(game, (index, state) =>
            {
                var request = GameStateRequests.Create(state);
                FeatureEncoder.Encode(request, symmetry, position);
                target.Fill(game, index, state.ToMove, valueSearchShare);
            }, [moveIndex]);
            target.ApplySymmetry(symmetry, game.Width, game.Height);
            encoded[i] = position;
            targets[i] = target;
        });

        var features = new FeatureBatch();
        foreach (var position in encoded)
        {
            features.Add(position);
        }

        int count = samples.Count;
        int gridWidth = features.GridWidth, gridHeight = features.GridHeight, gridArea = gridWidth * gridHeight;
        var batch = new TrainingBatch
        {
            Features = features,
            Policy = new float[count * (gridArea + 1)],
            PolicyWeight = new float[count],
            Outcome = new float[count * 3],
            ValueWeight = new float[count],
            Score = new float[count],
            Ownership = new float[count * gridArea],
            ScoreWeight = new float[count],
            BoardPoints = new float[count],
        };
        for (int i = 0; i < count; i++)
        {
            var target = targets[i];
            int width = encoded[i].Width, height = encoded[i].Height, area = width * height;
            for (int row = 0; row < height; row++)
            {
                for (int column = 0; column < width; column++)
                {
                    batch.Policy[i * (gridArea + 1) + row * gridWidth + column] = target.Policy[row * width + column];
                    batch.Ownership[i * gridArea + row * gridWidth + column] = target.Ownership[row * width + column];
                }
            }

            batch.Policy[i * (gridArea + 1) + gridArea] = target.Policy[area];
            batch.PolicyWeight[i] = target.PolicyWeight;
            var (win, draw, loss) = target.Wdl;
            batch.Outcome[i * 3 + 0] = win;
            batch.Outcome[i * 3 + 1] = loss;
            batch.Outcome[i * 3 + 2] = draw;
            batch.ValueWeight[i] = target.ValueWeight;
            batch.Score[i] = target.Score;
            batch.ScoreWeight[i] = target.ScoreWeight;
            batch.BoardPoints[i] = area;
        }

        return batch;
    }
}
