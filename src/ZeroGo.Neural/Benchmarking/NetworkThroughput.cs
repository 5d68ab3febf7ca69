using System.Diagnostics;
using ZeroGo.Go;
using ZeroGo.Neural.Features;

namespace ZeroGo.Neural.Benchmarking;

/// <summary>
/// Measures a network's forward-pass throughput: positions per second at given batch sizes, over positions
/// from random games (so the input is realistic: stones, liberties, recent moves). The timed work is exactly
/// what the evaluator does per batch: build the input tensors, forward pass, copy the outputs back.
/// </summary>
public static class NetworkThroughput
{
    public readonly record struct Result(int BatchSize, long Positions, double Seconds)
    {
        public double PositionsPerSecond => Positions / Seconds;

        public double MillisecondsPerBatch => Seconds * 1000 / (Positions / (double)BatchSize);
    }

    /// <summary>Encoded positions from random games on <paramref name="geometry"/> (reproducible for a seed).</summary>
    public static List<EncodedPosition> SamplePositions(BoardGeometry geometry, int count, int seed = 1)
    {
        var positions = new List<EncodedPosition>(count);
        foreach (var game in SampleGames(geometry, count, seed))
        {
            var encoded = new EncodedPosition();
            FeatureEncoder.Encode(GameStateRequests.Create(game), Symmetry.Identity, encoded);
            positions.Add(encoded);
        }

        return positions;
    }

    /// <summary>Random games of random length (up to half the board's points), uniform over legal moves.</summary>
    public static List<GameState> SampleGames(BoardGeometry geometry, int count, int seed = 1)
    {
        var random = new Random(seed);
        var games = new List<GameState>(count);
        for (int i = 0; i < count; i++)
        {
            var game = new GameState(geometry);
            int moves = random.Next(geometry.Area / 2);
            for (int m = 0; m < moves; m++)
            {
                var legal = game.LegalPoints(game.ToMove);
                if (legal.Count == 0)
                {
                    break;
                }

                game.Play(Move.At(legal[random.Next(legal.Count)]));
            }

            games.Add(game);
        }

        return games;
    }

    /// <summary>
    /// Times <paramref name="network"/> at <paramref name="batchSize"/> for about <paramref name="duration"/>
    /// after <paramref name="warmUpBatches"/> untimed batches (allocator and thread-pool warm-up).
    /// </summary>
    public static Result Measure(PolicyValueNetwork network, IReadOnlyList<EncodedPosition> positions, int batchSize,
        TimeSpan duration, int warmUpBatches = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batch = new FeatureBatch();
        for (int i = 0; i < batchSize; i++)
        {
            batch.Add(positions[i % positions.Count]);
        }

        for (int i = 0; i < warmUpBatches; i++)
        {
            network.Infer(batch);
        }

        long evaluated = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            network.Infer(batch);
            evaluated += batchSize;
        }
        while (clock.Elapsed < duration);

        return new Result(batchSize, evaluated, clock.Elapsed.TotalSeconds);
    }
}
