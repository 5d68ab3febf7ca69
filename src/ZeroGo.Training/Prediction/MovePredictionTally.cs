using System.Globalization;
using ZeroGo.Search;

namespace ZeroGo.Training.Prediction;

/// <summary>
/// Counts how often the network's policy ranks the move actually played first, or among its first five, and its
/// value head's cross-entropy against the game's result (win/loss/draw, over positions whose game has a usable
/// result). This is the "move prediction" figure AlphaGo reported for its supervised network (57% top-1).
/// </summary>
public sealed class MovePredictionTally
{
    /// <summary>Probabilities below this count as this (the loss of a confident wrong answer stays finite).</summary>
    private const double MinProbability = 1e-7;

    public long Positions { get; private set; }

    public long Top1 { get; private set; }

    public long Top5 { get; private set; }

    /// <summary>Positions whose game's result trains (and so tests) the value.</summary>
    public long ValuePositions { get; private set; }

    public double ValueLossSum { get; private set; }

    public double Top1Percent => Positions == 0 ? 0 : 100.0 * Top1 / Positions;

    public double Top5Percent => Positions == 0 ? 0 : 100.0 * Top5 / Positions;

    /// <summary>Mean value cross-entropy in nats (NaN when no position had a usable result).</summary>
    public double ValueLoss => ValuePositions == 0 ? double.NaN : ValueLossSum / ValuePositions;

    /// <summary>
    /// Adds one position: the network's evaluation, the dense index of the move played (pass = Area) and the
    /// outcome for the side to move (+1 won, -1 lost, null when the game's result gives no value target).
    /// </summary>
    public void Add(Evaluation evaluation, int played, int? outcomeForSideToMove)
    {
        var policy = evaluation.Policy;
        float chosen = policy[played];
        int better = 0;
        for (int move = 0; move < policy.Length && better < 5; move++)
        {
            // A tie counts against the played move: a flat policy predicts nothing.
            if (policy[move] > chosen || (policy[move] == chosen && move != played))
            {
                better++;
            }
        }

        Positions++;
        Top1 += better == 0 ? 1 : 0;
        Top5 += better < 5 ? 1 : 0;
        if (outcomeForSideToMove is int outcome)
        {
            // value = P(win) - P(loss) and the draw probability give back the three probabilities exactly.
            double draw = evaluation.DrawProbability;
            double probability = outcome > 0 ? (1 + evaluation.ValueForSideToMove - draw) / 2
                : outcome < 0 ? (1 - evaluation.ValueForSideToMove - draw) / 2
                : draw;
            ValuePositions++;
            ValueLossSum -= Math.Log(Math.Max(probability, MinProbability));
        }
    }

    /// <summary>Adds another tally's counts.</summary>
    public void Add(MovePredictionTally other)
    {
        Positions += other.Positions;
        Top1 += other.Top1;
        Top5 += other.Top5;
        ValuePositions += other.ValuePositions;
        ValueLossSum += other.ValueLossSum;
    }

    /// <summary>The result line: <c>move prediction: P% top-1, Q% top-5 over N positions, value loss V</c> (V "n/a" without results).</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"move prediction: {Top1Percent:F1}% top-1, {Top5Percent:F1}% top-5 over {Positions} positions, value loss {(ValuePositions == 0 ? "n/a" : ValueLoss.ToString("F4", CultureInfo.InvariantCulture))}");
}
