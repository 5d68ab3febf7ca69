using System.Globalization;
using ZeroGo.Go;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Metrics;

/// <summary>
/// What one generation's self-play games say about the health of a run: how long the games are, who wins,
/// how sharp the policy targets are for each colour and what the search believed. A collapsing run shows it
/// here first (games shorten, one colour wins everything, the losing colour's targets go flat), long before an
/// arena match would.
/// </summary>
public sealed record SelfPlayStats
{
    public int Games { get; init; }

    public double MeanMoves { get; init; }

    /// <summary>Share of games Black won (draws count half).</summary>
    public double BlackWinShare { get; init; }

    public double ResignedShare { get; init; }

    /// <summary>Mean entropy (nats) of the policy targets of Black's moves (full searches only); NaN when none.</summary>
    public double BlackPolicyEntropy { get; init; }

    /// <summary>The same for White's moves.</summary>
    public double WhitePolicyEntropy { get; init; }

    /// <summary>Mean root value of Black's moves, Black's view, in [-1, 1].</summary>
    public double BlackRootValue { get; init; }

    /// <summary>Mean root value of White's moves, turned to Black's view: with sound perspectives it tracks <see cref="BlackRootValue"/>.</summary>
    public double WhiteRootValueForBlack { get; init; }

    /// <summary>Figures over <paramref name="games"/> (one generation's games, usually).</summary>
    public static SelfPlayStats Of(IReadOnlyCollection<GameRecord> games)
    {
        ArgumentNullException.ThrowIfNull(games);
        long moves = 0;
        double blackWins = 0;
        int resigned = 0;
        var entropy = new Mean[2];
        var value = new Mean[2];
        foreach (var game in games)
        {
            moves += game.Moves.Count;
            blackWins += game.Winner > 0 ? 1 : game.Winner == 0 ? 0.5 : 0;
            resigned += game.HasFinalScore ? 0 : 1;
            foreach (var move in game.Moves)
            {
                int side = move.Color == (byte)Color.Black ? 0 : 1;
                value[side].Add(side == 0 ? move.RootValue : -move.RootValue);
                if (move.IsPolicyTarget)
                {
                    entropy[side].Add(Entropy(move.PolicyProbabilities));
                }
            }
        }

        int count = Math.Max(1, games.Count);
        return new SelfPlayStats
        {
            Games = games.Count,
            MeanMoves = (double)moves / count,
            BlackWinShare = blackWins / count,
            ResignedShare = (double)resigned / count,
            BlackPolicyEntropy = entropy[0].Value,
            WhitePolicyEntropy = entropy[1].Value,
            BlackRootValue = value[0].Value,
            WhiteRootValueForBlack = value[1].Value,
        };
    }

    /// <summary>One line for logs: "G games, L moves, Black won B%, resigned R%, policy entropy B/W, root value B/W".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Games} games, {MeanMoves:0.0} moves, Black won {100 * BlackWinShare:0}%, resigned {100 * ResignedShare:0}%, " +
        $"policy entropy B {BlackPolicyEntropy:0.00} W {WhitePolicyEntropy:0.00} nats, " +
        $"root value (Black's view) B {BlackRootValue:+0.00;-0.00;0.00} W {WhiteRootValueForBlack:+0.00;-0.00;0.00}");

    /// <summary>Entropy in nats of a sparse distribution (normalised here: stored targets may not sum to exactly 1).</summary>
    public static double Entropy(IReadOnlyList<float> probabilities)
    {
        double total = 0;
        foreach (float p in probabilities)
        {
            total += Math.Max(0, p);
        }

        double h = 0;
        foreach (float p in probabilities)
        {
            if (p > 0 && total > 0)
            {
                double q = p / total;
                h -= q * Math.Log(q);
            }
        }

        return h;
    }

    private struct Mean
    {
        private double _sum;
        private long _count;

        public void Add(double x)
        {
            _sum += x;
            _count++;
        }

        public readonly double Value => _count == 0 ? double.NaN : _sum / _count;
    }
}
