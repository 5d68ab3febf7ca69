namespace ZeroGo.Training.Arena;

/// <summary>
/// Wins, losses and draws of player A against player B, with the usual summaries: score (draw = half a win),
/// a 95% Wilson score interval, the Elo difference and its 95% error (delta method on the logistic curve).
/// </summary>
public readonly record struct MatchStatistics(int Wins, int Losses, int Draws)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public int Games => Wins + Losses + Draws;

    /// <summary>A's score per game in [0, 1] (draws count half); 0.5 before any game.</summary>
    public double Score => Games == 0 ? 0.5 : (Wins + 0.5 * Draws) / Games;

    /// <summary>95% Wilson score interval of <see cref="Score"/> (0..1 before any game).</summary>
    public (double Low, double High) WilsonInterval(double z = Z95)
    {
        int n = Games;
        if (n == 0)
        {
            return (0, 1);
        }

        double p = Score;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Elo difference A − B from the score (logistic model). A perfect or zero score has no finite estimate:
    /// the score is then taken half a game away from the edge, so the number stays finite and honest about
    /// being a bound.
    /// </summary>
    public double EloDifference => EloFromScore(ClampedScore);

    /// <summary>95% error of <see cref="EloDifference"/> (± this many Elo).</summary>
    public double EloError95
    {
        get
        {
            int n = Games;
            if (n == 0)
            {
                return double.PositiveInfinity;
            }

            double p = ClampedScore;
            double standardError = Math.Sqrt(p * (1 - p) / n);
            double slope = 400 / (Math.Log(10) * p * (1 - p));
            return Z95 * standardError * slope;
        }
    }

    private double ClampedScore
    {
        get
        {
            int n = Games;
            if (n == 0)
            {
                return 0.5;
            }

            double half = 0.5 / n;
            return Math.Clamp(Score, half, 1 - half);
        }
    }

    public static double EloFromScore(double score) => -400 * Math.Log10(1 / score - 1);

    public static double ScoreFromElo(double elo) => 1 / (1 + Math.Pow(10, -elo / 400));

    public MatchStatistics Add(GameOutcome outcome) => outcome switch
    {
        GameOutcome.Win => this with { Wins = Wins + 1 },
        GameOutcome.Loss => this with { Losses = Losses + 1 },
        _ => this with { Draws = Draws + 1 },
    };

    /// <summary>"W-L-D, win rate P% [LO%, HI%]" as the arena's last line prints it.</summary>
    public string Summary()
    {
        var (low, high) = WilsonInterval();
        return FormattableString.Invariant(
            $"{Wins}-{Losses}-{Draws}, win rate {100 * Score:0.0}% [{100 * low:0.0}%, {100 * high:0.0}%]");
    }

    public string EloSummary() =>
        FormattableString.Invariant($"Elo difference {EloDifference:+0;-0;0} ± {Math.Min(EloError95, 9999):0}");
}

/// <summary>One game's result from player A's point of view.</summary>
public enum GameOutcome
{
    Win,
    Loss,
    Draw,
}

/// <summary>
/// Sequential probability ratio test between "A is elo0 stronger" (H0) and "A is elo1 stronger" (H1), with the
/// log-likelihood ratio of the normal approximation to the per-game score (as chess testing frameworks do).
/// Stop when the ratio leaves [log(β/(1−α)), log((1−β)/α)].
/// </summary>
public sealed record Sprt(double Elo0, double Elo1, double Alpha = 0.05, double Beta = 0.05)
{
    public double LowerBound => Math.Log(Beta / (1 - Alpha));

    public double UpperBound => Math.Log((1 - Beta) / Alpha);

    /// <summary>Log-likelihood ratio of H1 against H0 for these results (0 when there is no variance yet).</summary>
    public double LogLikelihoodRatio(MatchStatistics stats)
    {
        int n = stats.Games;
        if (n == 0)
        {
            return 0;
        }

        double mean = stats.Score;
        double meanSquare = (stats.Wins + 0.25 * stats.Draws) / n;
        double variance = meanSquare - mean * mean;
        if (variance <= 1e-9)
        {
            // All results equal so far: use the variance of a single draw-free game at this score, floored.
            variance = Math.Max(mean * (1 - mean), 0.25 / n);
        }

        double s0 = MatchStatistics.ScoreFromElo(Elo0);
        double s1 = MatchStatistics.ScoreFromElo(Elo1);
        return n * (s1 - s0) * (2 * mean - s0 - s1) / (2 * variance);
    }

    /// <summary>H1 accepted (true), H0 accepted (false), or keep playing (null).</summary>
    public bool? Decide(MatchStatistics stats)
    {
        double llr = LogLikelihoodRatio(stats);
        return llr >= UpperBound ? true : llr <= LowerBound ? false : null;
    }
}
