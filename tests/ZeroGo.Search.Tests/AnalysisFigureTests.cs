using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>What the analysis engine asks of the search: a root policy temperature and the visits along each PV.</summary>
public sealed class AnalysisFigureTests
{
    /// <summary>Priors rising with the dense index (weight i + 1 on legal moves), so a temperature visibly flattens them.</summary>
    private sealed class SkewedEvaluator : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "skewed";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int r = 0; r < requests.Count; r++)
            {
                var mask = requests[r].LegalMask;
                var policy = results[r].Policy;
                double sum = 0;
                for (int i = 0; i < mask.Length; i++)
                {
                    sum += mask[i] ? i + 1 : 0;
                }

                for (int i = 0; i < mask.Length; i++)
                {
                    policy[i] = mask[i] ? (float)((i + 1) / sum) : 0;
                }

                results[r].ValueForSideToMove = 0;
                results[r].HasOwnership = false;
            }
        }
    }

    private static float[] RootPriors(double temperature)
    {
        var search = new MctsSearch(new SkewedEvaluator(), SearchOptions.Default with { RootPolicyTemperature = temperature, Seed = 2 });
        search.SetPosition(new GameState(5));
        search.Run(SearchLimits.Visits(20));
        return [.. search.ChildPriors().OrderDescending()];
    }

    [Fact]
    public void ARootPolicyTemperatureTakesTheRootPriorsToThePowerOneOverT()
    {
        var raw = RootPriors(1);
        var warm = RootPriors(2);

        Assert.Equal(26, warm.Length);
        double sum = raw.Sum(p => Math.Sqrt(p));
        for (int i = 0; i < raw.Length; i++)
        {
            Assert.Equal(Math.Sqrt(raw[i]) / sum, warm[i], 0.002);
        }

        Assert.True(warm[0] < raw[0] && warm[^1] > raw[^1], "a temperature above 1 flattens the priors");
    }

    [Fact]
    public void EachPvMoveCarriesTheVisitsOfTheNodeItLeadsTo()
    {
        var search = new MctsSearch(new RolloutEvaluator(2), SearchOptions.Default with { Seed = 4 });
        search.SetPosition(new GameState(7));

        var snapshot = search.Run(SearchLimits.Visits(400)).Snapshot;

        Assert.Contains(snapshot.Candidates, c => c.PrincipalVariation.Count >= 3);
        foreach (var candidate in snapshot.Candidates)
        {
            Assert.Equal(candidate.PrincipalVariation.Count, candidate.PrincipalVariationVisits.Count);
            Assert.Equal(candidate.Visits, candidate.PrincipalVariationVisits[0]);
            Assert.All(candidate.PrincipalVariationVisits.Zip(candidate.PrincipalVariationVisits.Skip(1)), pair => Assert.True(pair.First > pair.Second));
        }

        var best = snapshot.Candidates[0];
        Assert.Equal(best.PrincipalVariationVisits[1], search.ChildVisits(best.PrincipalVariation[0], best.PrincipalVariation[1]));
    }

    [Fact]
    public void EachRootMoveKeepsTheOwnershipOfTheEvaluationsBelowIt()
    {
        var state = new GameState(7);
        var tracked = new MctsSearch(new RolloutEvaluator(2), SearchOptions.Default with { TrackMoveOwnership = true, Seed = 6 });
        var untracked = new MctsSearch(new RolloutEvaluator(2), SearchOptions.Default with { Seed = 6 });
        tracked.SetPosition(state);
        untracked.SetPosition(state);

        var snapshot = tracked.Run(SearchLimits.Visits(300)).Snapshot;
        var plain = untracked.Run(SearchLimits.Visits(300)).Snapshot;

        Assert.All(plain.Candidates, c => Assert.Null(c.Ownership));
        Assert.All(snapshot.Candidates, c =>
        {
            Assert.Equal(49, c.Ownership!.Length);
            Assert.All(c.Ownership, v => Assert.InRange(v, -1f, 1f));
        });
        // The mover's own stone is theirs: after Black's move its point leans Black's way (the root's side, +).
        var best = snapshot.Candidates.First(c => c.Move.IsPlay && c.Visits >= 10);
        Assert.True(best.Ownership![state.Geometry.DenseIndex(best.Move.Point)] > 0.5f);
        Assert.NotNull(snapshot.Ownership);
    }
}
