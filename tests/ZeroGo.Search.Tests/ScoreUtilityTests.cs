using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>
/// KataGo's score utility: where every move wins equally (a saturated value head), the search with a static or
/// dynamic score utility spends its visits on the move that keeps the larger lead, for either colour at the root;
/// without it the lead makes no difference.
/// </summary>
public sealed class ScoreUtilityTests
{
    private const int Visits = 1200;

    /// <summary>
    /// The value says the side to move wins by the same margin whatever is played; Black's lead is 5 points,
    /// 3 more with a black stone on <c>key</c>, 3 fewer with a white one. Uniform policy.
    /// </summary>
    private sealed class KeyPointEvaluator(Point key) : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "key point";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                UniformEvaluator.FillUniformPolicy(request.LegalMask, results[i].Policy);
                var owner = request.Board[key];
                double blackLead = 5 + (owner == Color.Black ? 3 : owner == Color.White ? -3 : 0);
                bool black = request.ToMove == Color.Black;
                results[i].ValueForSideToMove = black ? 0.9f : -0.9f;
                results[i].ScoreLeadForSideToMove = (float)(black ? blackLead : -blackLead);
            }
        }
    }

    private static (int KeyVisits, int MostOtherVisits, Move Best) Search(Color toMove, SearchOptions options)
    {
        var geometry = BoardGeometry.Get(5);
        var state = new GameState(geometry, Rules.Default with { Komi = 0.5 });
        if (toMove == Color.White)
        {
            state.Play(Color.Black, Move.At(geometry.PointAt(0, 0)));
        }

        var key = geometry.PointAt(2, 2);
        var search = new MctsSearch(new KeyPointEvaluator(key), options with { Seed = 3, UseLcb = false });
        search.SetPosition(state);
        var candidates = search.Run(SearchLimits.Visits(Visits)).Snapshot.Candidates;
        int keyVisits = candidates.Where(c => c.Move == Move.At(key)).Sum(c => c.Visits);
        int mostOther = candidates.Where(c => c.Move != Move.At(key)).Max(c => c.Visits);
        return (keyVisits, mostOther, candidates[0].Move);
    }

    [Theory]
    [InlineData(Color.Black, 0.5, 0.0)]
    [InlineData(Color.White, 0.5, 0.0)]
    [InlineData(Color.Black, 0.0, 0.5)]
    [InlineData(Color.White, 0.0, 0.5)]
    public void WhereEveryMoveWinsTheSearchPrefersTheLargerLead(Color toMove, double staticFactor, double dynamicFactor)
    {
        var options = SearchOptions.Default with { StaticScoreUtility = staticFactor, DynamicScoreUtility = dynamicFactor };
        var (keyVisits, mostOther, best) = Search(toMove, options);

        Assert.Equal(Move.At(BoardGeometry.Get(5).PointAt(2, 2)), best);
        Assert.True(keyVisits > 3 * mostOther, $"the key point got {keyVisits} visits, another move {mostOther}");
    }

    [Fact]
    public void WithoutItTheLeadMakesNoDifference()
    {
        var (keyVisits, mostOther, _) = Search(Color.Black, SearchOptions.Default);

        // 26 moves of equal worth share the visits: the key point gets no more than its share's noise.
        Assert.True(keyVisits < 2 * Visits / 26, $"the key point got {keyVisits} of {Visits} visits (another move {mostOther})");
    }

    [Fact]
    public void OneWeightSetsKataGosRatioOfStaticToDynamic()
    {
        var options = SearchOptions.Default.WithScoreUtility(0.3);
        Assert.Equal(0.1, options.StaticScoreUtility, 12);
        Assert.Equal(0.3, options.DynamicScoreUtility, 12);
        Assert.Equal((0.0, 0.0), (SearchOptions.Default.StaticScoreUtility, SearchOptions.Default.DynamicScoreUtility));
    }

    [Fact]
    public void FactorsOutsideZeroToOneAreRefused()
    {
        Assert.Throws<ArgumentException>(() => (SearchOptions.Default with { StaticScoreUtility = -0.1 }).Validate());
        Assert.Throws<ArgumentException>(() => (SearchOptions.Default with { DynamicScoreUtility = 1.5 }).Validate());
    }
}
