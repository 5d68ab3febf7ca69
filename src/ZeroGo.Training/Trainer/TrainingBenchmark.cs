using System.Diagnostics;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Training.Arena;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Trainer;

/// <summary>
/// Training speed and accuracy per precision on fixed, reproducible batches (<c>zerogo bench train</c>): the
/// positions of random games with the move played as the policy target and the counted result, score and
/// ownership as the value targets, so every head trains. The timed work is the trainer's step (forward, losses,
/// backward, optimiser); building batches from game records is excluded, being the same for both precisions.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>One precision's training run from given weights: per-head losses along the way and at the end.</summary>
    public sealed record AccuracyResult(Precision Precision, int Steps, LossBreakdown First, LossBreakdown LastSteps, LossBreakdown Final, double Seconds);

    /// <summary>
    /// <paramref name="count"/> batches of <paramref name="batchSize"/> positions from random games on
    /// <paramref name="geometry"/>, the same for the same seed.
    /// </summary>
    public static List<TrainingBatch> RandomBatches(BoardGeometry geometry, int batchSize, int count, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var samples = new List<(GameRecord Game, int MoveIndex)>();
        var pick = new Random((int)(seed % int.MaxValue));
        ulong gameSeed = seed * 1_000_003;
        while (samples.Count < batchSize * count)
        {
            var game = RandomGame(geometry, gameSeed++, samples.Count);
            // A few positions per game, spread over it, so a batch mixes openings, middle games and endings.
            for (int i = 0; i < 8 && samples.Count < batchSize * count; i++)
            {
                samples.Add((game, pick.Next(game.Moves.Count)));
            }
        }

        // Identity symmetry: TrainingBatch.Build encodes in parallel, so a random symmetry per sample would not land
        // on the same sample twice; random games need no augmentation to be varied, and the cost is the same.
        var batches = new List<TrainingBatch>(count);
        for (int b = 0; b < count; b++)
        {
            batches.Add(TrainingBatch.Build(samples.GetRange(b * batchSize, batchSize), _ => Symmetry.Identity));
        }

        return batches;
    }

    /// <summary>
    /// Trains for about <paramref name="duration"/> on <paramref name="batches"/> in turn, starting at batch
    /// <paramref name="next"/> (advanced, so rounds continue the sequence); returns (samples, seconds).
    /// </summary>
    public static (long Samples, double Seconds) TimeSteps(NetworkTrainer trainer, IReadOnlyList<TrainingBatch> batches, ref int next, TimeSpan duration)
    {
        long samples = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            var batch = batches[next++ % batches.Count];
            trainer.TrainStep(batch);
            samples += batch.Count;
        }
        while (clock.Elapsed < duration);

        return (samples, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Trains a copy of <paramref name="initial"/> for <paramref name="steps"/> steps over <paramref name="batches"/>
    /// in order, in <paramref name="precision"/>; the final losses are the fp32 weights' on <paramref name="evaluation"/>
    /// (eval mode, the same measurement for either precision). <paramref name="progress"/> gets each step number.
    /// </summary>
    public static AccuracyResult TrainAndEvaluate(PolicyValueNetwork initial, TrainingSettings settings, Precision precision,
        IReadOnlyList<TrainingBatch> batches, int steps, IReadOnlyList<TrainingBatch> evaluation, Action<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        using var network = initial.Clone();
        using var trainer = new NetworkTrainer(network, settings, precision: precision);
        var clock = Stopwatch.StartNew();
        LossBreakdown first = default;
        var tail = new List<LossBreakdown>();
        int tailLength = Math.Max(1, steps / 10);
        for (int step = 0; step < steps; step++)
        {
            var losses = trainer.TrainStep(batches[step % batches.Count]);
            if (step == 0)
            {
                first = losses;
            }

            if (step >= steps - tailLength)
            {
                tail.Add(losses);
            }

            progress?.Invoke(step + 1);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        return new AccuracyResult(precision, steps, first, Mean(tail), Mean(evaluation.Select(trainer.Evaluate).ToList()), seconds);
    }

    public static LossBreakdown Mean(IReadOnlyList<LossBreakdown> losses) => losses.Count == 0
        ? default
        : new LossBreakdown(losses.Average(l => l.Policy), losses.Average(l => l.Value), losses.Average(l => l.Score), losses.Average(l => l.Ownership));

    private static GameRecord RandomGame(BoardGeometry geometry, ulong seed, int number)
    {
        var player = new RandomPlayer(seed);
        var state = new GameState(geometry, new Rules { Komi = 7.5 });
        var builder = new GameRecordBuilder(state);
        var oneHot = new float[geometry.Area + 1];
        while (!state.IsOver && state.Moves.Count < 3 * geometry.Area)
        {
            var move = player.GenerateMove(state).Move;
            int index = GameRecord.ToDense(move, geometry);
            oneHot[index] = 1;
            builder.Add(state.ToMove, move, oneHot, true, 0, 1);
            oneHot[index] = 0;
            state.Play(move);
        }

        return builder.Finish(state, Color.Empty, $"random game {number}", number + 1, 0);
    }
}
