using ZeroGo.Go;
using ZeroGo.Search;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Samples;
using ZeroGo.Training.SelfPlay;

namespace ZeroGo.Training.Tests;

/// <summary>The PUCT policy target without the visits that only Dirichlet noise and exploration bought.</summary>
public class PolicyTargetPruningTests
{
    private static readonly BoardGeometry Geometry = BoardGeometry.Get(5);

    /// <summary>"C3": column letter (A..E), row number from the bottom, as GTP writes it.</summary>
    private static int Dense(string vertex) => (Geometry.Height - int.Parse(vertex[1..])) * Geometry.Width + (vertex[0] - 'A');

    private static CandidateInfo Candidate(string vertex, int visits, double winRate, double noisedPrior) => new()
    {
        Move = Move.At(Geometry.FromDense(Dense(vertex))),
        Visits = visits,
        WinRate = winRate,
        ScoreLead = 0,
        Prior = noisedPrior,
        Lcb = winRate,
        PrincipalVariation = [],
        Order = 0,
    };

    private static SearchSnapshot Snapshot(params CandidateInfo[] candidates) => new()
    {
        Geometry = Geometry,
        ToMove = Color.Black,
        RootVisits = candidates.Sum(c => c.Visits) + 1,
        Playouts = candidates.Sum(c => c.Visits) + 1,
        WinRate = 0.5,
        ScoreLead = 0,
        Candidates = candidates,
        Elapsed = TimeSpan.Zero,
        TreeNodes = 1,
        TreeBytes = 0,
        StopReason = StopReason.VisitLimit,
    };

    private static float[] RawPriors(params (string Vertex, float Prior)[] priors)
    {
        var raw = new float[Geometry.Area + 1];
        foreach (var (vertex, prior) in priors)
        {
            raw[Dense(vertex)] = prior;
        }

        return raw;
    }

    private static float At(float[] target, string vertex) => target[Dense(vertex)];

    [Fact]
    public void Visits_that_only_the_noise_bought_leave_the_target_and_earned_visits_stay()
    {
        // C3 is best; D4 is nearly as good with a real prior; A1 is a bad move that noise lifted from 1% to 40%.
        var snapshot = Snapshot(
            Candidate("C3", 40, 0.60, 0.35),
            Candidate("D4", 10, 0.58, 0.20),
            Candidate("A1", 12, 0.30, 0.40));
        var raw = RawPriors(("C3", 0.5f), ("D4", 0.3f), ("A1", 0.01f));

        var plain = MoveSelection.VisitDistribution(snapshot);
        var pruned = PolicyTargetPruning.Target(snapshot, raw, SearchOptions.Default);

        Assert.Equal(12f / 62, At(plain, "A1"), 4);   // the plain target trains the noise in
        Assert.Equal(0f, At(pruned, "A1"));
        Assert.Equal(0.8f, At(pruned, "C3"), 4);      // 40 of the 50 visits left
        Assert.Equal(0.2f, At(pruned, "D4"), 4);
        Assert.Equal(1f, pruned.Sum(), 4);
    }

    [Fact]
    public void A_move_rated_above_the_most_visited_keeps_every_visit()
    {
        var snapshot = Snapshot(Candidate("C3", 30, 0.50, 0.5), Candidate("B2", 20, 0.70, 0.3));   // PUCT(C3) = 0.5 + 9.9·0.5/31 = 0.66
        var pruned = PolicyTargetPruning.Target(snapshot, RawPriors(("C3", 0.5f), ("B2", 0.01f)), SearchOptions.Default);
        Assert.Equal(0.6f, At(pruned, "C3"), 4);
        Assert.Equal(0.4f, At(pruned, "B2"), 4);
    }

    [Fact]
    public void Self_play_stats_count_lengths_winners_and_target_entropy_per_colour()
    {
        static GameRecord Game(sbyte winner, params (Color Color, float[] Policy, bool Target)[] moves)
        {
            var record = new GameRecord { Width = 5, Height = 5, Winner = winner, HasFinalScore = winner != 0 };
            foreach (var (color, policy, target) in moves)
            {
                record.Moves.Add(new MoveRecord
                {
                    Color = (byte)color, IsPolicyTarget = target, PolicyMoves = [.. policy.Select((_, i) => (short)i)],
                    PolicyProbabilities = policy, RootValue = color == Color.Black ? 0.5f : -0.5f,
                });
            }

            return record;
        }

        var stats = SelfPlayStats.Of([
            Game(1, (Color.Black, [0.5f, 0.5f], true), (Color.White, [1f], true), (Color.Black, [0.25f, 0.25f, 0.25f, 0.25f], false)),
            Game(-1, (Color.Black, [1f], true)),
        ]);
        Assert.Equal(2, stats.Games);
        Assert.Equal(2.0, stats.MeanMoves, 6);
        Assert.Equal(0.5, stats.BlackWinShare, 6);
        Assert.Equal(Math.Log(2) / 2, stats.BlackPolicyEntropy, 6);   // the cheap search's target does not count
        Assert.Equal(0.0, stats.WhitePolicyEntropy, 6);
        Assert.Equal(0.5, stats.BlackRootValue, 6);
        Assert.Equal(0.5, stats.WhiteRootValueForBlack, 6);
    }
}
