using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

public class SearchBehaviourTests
{
    private static MctsSearch NewSearch(IEvaluator? evaluator = null, SearchOptions? options = null) =>
        new(evaluator ?? new UniformEvaluator(), options ?? SearchOptions.Default with { Seed = 3 });

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 8)]
    [InlineData(2, 4)]
    [InlineData(4, 8)]
    public void StopsExactlyAtTheVisitLimitWithConsistentCounts(int threads, int batch)
    {
        var search = NewSearch(options: SearchOptions.Default with { Threads = threads, BatchSize = batch });
        search.SetPosition(new GameState(9));

        var result = search.Run(SearchLimits.Visits(3000));

        Assert.Equal(StopReason.VisitLimit, result.StopReason);
        Assert.Equal(3000, result.Snapshot.RootVisits);
        Assert.Equal(3000, result.Snapshot.Playouts);
        Assert.Equal(2999, result.Snapshot.Candidates.Sum(c => c.Visits));
        Assert.Null(search.FindInconsistency());
    }

    [Fact]
    public void PlayoutLimitCountsOnlyNewVisits()
    {
        var search = NewSearch();
        var state = new GameState(7);
        search.SetPosition(state);
        search.Run(SearchLimits.Visits(500));
        search.SetPosition(state);

        var result = search.Run(SearchLimits.Playouts(200));

        Assert.Equal(StopReason.PlayoutLimit, result.StopReason);
        Assert.Equal(200, result.Snapshot.Playouts);
        Assert.Equal(700, result.Snapshot.RootVisits);
    }

    [Fact]
    public void TimeLimitStopsTheSearch()
    {
        var search = NewSearch(new RolloutEvaluator(4), SearchOptions.Default with { Threads = 2 });
        search.SetPosition(new GameState(9));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = search.Run(SearchLimits.Time(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(StopReason.TimeLimit, result.StopReason);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.25, 5);
        Assert.True(result.Snapshot.Playouts > 0);
        Assert.Null(search.FindInconsistency());
    }

    [Fact]
    public async Task StopEndsABackgroundSearchAndCancellationEndsARun()
    {
        var search = NewSearch(options: SearchOptions.Default with { Threads = 2 });
        search.SetPosition(new GameState(9));
        var task = search.Start(SearchLimits.Infinite);
        await Task.Delay(150);
        Assert.True(search.IsRunning);
        var live = search.Snapshot();
        Assert.Equal(StopReason.None, live.StopReason);

        search.Stop();

        Assert.Equal(StopReason.Stopped, (await task).StopReason);
        Assert.False(search.IsRunning);
        Assert.Null(search.FindInconsistency());

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var result = search.Run(SearchLimits.Infinite, cancel.Token);
        Assert.Equal(StopReason.Stopped, result.StopReason);
    }

    [Fact]
    public void ProgressEventDeliversSnapshotsWhileRunning()
    {
        var search = NewSearch(new RolloutEvaluator(2));
        search.SetPosition(new GameState(9));
        search.ProgressInterval = TimeSpan.FromMilliseconds(20);
        var seen = new List<SearchSnapshot>();
        search.Progress += s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
        };

        search.Run(SearchLimits.Time(TimeSpan.FromMilliseconds(300)));

        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal(StopReason.None, s.StopReason));
        Assert.True(seen[^1].Playouts >= seen[0].Playouts);
    }

    [Fact]
    public void TreeReuseKeepsThePlayedSubtree()
    {
        var search = NewSearch(new RolloutEvaluator(2));
        var state = new GameState(7);
        search.SetPosition(state);
        var first = search.Run(SearchLimits.Visits(2000));
        var best = first.Snapshot.Candidates[0];
        var reply = best.PrincipalVariation.Count > 1 ? best.PrincipalVariation[1] : Move.Pass;
        int replyVisits = search.ChildVisits(best.Move, reply);
        Assert.True(replyVisits > 1, "the PV reply should have been searched");

        state.Play(best.Move);
        state.Play(reply);
        bool reused = search.SetPosition(state);

        Assert.True(reused);
        var snapshot = search.Snapshot();
        Assert.Equal(replyVisits, snapshot.RootVisits);
        Assert.Null(search.FindInconsistency());
        var second = search.Run(SearchLimits.Visits(replyVisits + 300));
        Assert.Equal(replyVisits + 300, second.Snapshot.RootVisits);
        Assert.Equal(300, second.Snapshot.Playouts);
    }

    [Fact]
    public void AnUnrelatedPositionStartsAFreshTree()
    {
        var search = NewSearch();
        search.SetPosition(new GameState(7));
        search.Run(SearchLimits.Visits(300));
        var other = new GameState(7);
        other.Play(Color.White, Move.At(other.Geometry.PointAt(3, 3))); // White first: not a continuation

        Assert.False(search.SetPosition(other));
        Assert.Equal(0, search.Snapshot().RootVisits);
    }

    [Fact]
    public void DirichletNoiseChangesPriorsOnlyAtTheRoot()
    {
        var options = SearchOptions.Default with { DirichletEpsilon = 0.25, Seed = 5 };
        var search = NewSearch(options: options);
        var state = new GameState(9);
        search.SetPosition(state);

        var result = search.Run(SearchLimits.Visits(2000));

        var rootPriors = search.ChildPriors();
        float uniform = 1f / 82;
        Assert.Equal(82, rootPriors.Length);
        Assert.Contains(rootPriors, p => Math.Abs(p - uniform) > 0.002f);
        Assert.InRange(rootPriors.Sum(), 0.98f, 1.02f);
        var child = result.Snapshot.Candidates[0].Move;
        var childPriors = search.ChildPriors(child);
        Assert.NotEmpty(childPriors);
        Assert.All(childPriors, p => Assert.Equal(1f / childPriors.Length, p, 0.0005f));
    }

    [Fact]
    public void TemperatureZeroPicksTheMostVisitedMoveAndHighTemperatureSpreads()
    {
        var search = NewSearch(new RolloutEvaluator(2), SearchOptions.Default with { UseLcb = true, Seed = 9 });
        search.SetPosition(new GameState(7));
        var snapshot = search.Run(SearchLimits.Visits(1500)).Snapshot;
        var random = new FastRandom(1);
        int maxVisits = snapshot.Candidates.Max(c => c.Visits);

        var cold = MoveSelection.SampleByVisits(snapshot, 0, ref random);

        Assert.Equal(maxVisits, snapshot.Candidates.First(c => c.Move == cold).Visits);
        var chosen = new HashSet<Move>();
        for (int i = 0; i < 300; i++)
        {
            chosen.Add(MoveSelection.SampleByVisits(snapshot, 1.0, ref random));
        }

        Assert.True(chosen.Count > 3, $"temperature 1 should sample several moves, got {chosen.Count}");
        var distribution = MoveSelection.VisitDistribution(snapshot);
        Assert.Equal(1f, distribution.Sum(), 0.001f);
    }

    [Fact]
    public void LcbOrderPutsTheBestLowerBoundFirstAmongWellVisitedMoves()
    {
        var options = SearchOptions.Default with { UseLcb = true, LcbMinVisitFraction = 0.1, Seed = 4 };
        var search = NewSearch(new RolloutEvaluator(4), options);
        search.SetPosition(new GameState(7));

        var snapshot = search.Run(SearchLimits.Visits(2000)).Snapshot;

        int maxVisits = snapshot.Candidates.Max(c => c.Visits);
        var eligible = snapshot.Candidates.Where(c => c.Visits >= Math.Max(2, Math.Ceiling(0.1 * maxVisits))).ToList();
        var best = snapshot.Candidates[0];
        Assert.Contains(best, eligible);
        Assert.Equal(eligible.Max(c => c.Lcb), best.Lcb);
        Assert.Equal(best.Move, search.Run(SearchLimits.Visits(2000)).Move);
        Assert.All(snapshot.Candidates, c => Assert.True(c.Lcb <= c.WinRate + 1e-9));
        Assert.Equal(Enumerable.Range(0, snapshot.Candidates.Count), snapshot.Candidates.Select(c => c.Order));

        var byVisits = NewSearch(new RolloutEvaluator(4), options with { UseLcb = false });
        byVisits.SetPosition(new GameState(7));
        var plain = byVisits.Run(SearchLimits.Visits(1000)).Snapshot;
        Assert.Equal(plain.Candidates.Max(c => c.Visits), plain.Candidates[0].Visits);
    }

    [Fact]
    public void ResignsOnlyWhenLosingBelowTheThreshold()
    {
        var options = SearchOptions.Default with { ResignWinRate = 0.1, ResignMinVisits = 100 };
        var losing = new GameState(9);
        losing.Play(Move.At(losing.Geometry.PointAt(4, 4))); // White to move; the evaluator says Black wins
        var search = NewSearch(new BlackWinsEvaluator(), options);
        search.SetPosition(losing);

        var result = search.Run(SearchLimits.Visits(300));

        Assert.True(result.ShouldResign);
        Assert.Equal(Move.Resign, result.Move);
        Assert.True(result.Snapshot.WinRate < 0.1);
        Assert.True(result.Snapshot.ScoreLead < 0, "score lead is from White's view here");

        var winning = NewSearch(new BlackWinsEvaluator(), options);
        winning.SetPosition(new GameState(9));
        var black = winning.Run(SearchLimits.Visits(300));
        Assert.False(black.ShouldResign);
        Assert.True(black.Snapshot.WinRate > 0.9);
        Assert.True(black.Move.IsPlay || black.Move.IsPass);
    }

    [Fact]
    public void NodeCapStopsAnEndlessSearch()
    {
        var search = NewSearch(options: SearchOptions.Default with { MaxNodes = 5000, Threads = 2 });
        search.SetPosition(new GameState(9));

        var result = search.Run(SearchLimits.Infinite);

        Assert.Equal(StopReason.MemoryFull, result.StopReason);
        Assert.True(result.Snapshot.TreeNodes <= 5000);
        Assert.True(result.Snapshot.RootVisits > 1000);
        Assert.Null(search.FindInconsistency());
    }

    [Fact]
    public void ByteCapStopsAnEndlessSearch()
    {
        var search = NewSearch(options: SearchOptions.Default with { MaxTreeBytes = 2 << 20 });
        search.SetPosition(new GameState(19));

        var result = search.Run(SearchLimits.Infinite);

        Assert.Equal(StopReason.MemoryFull, result.StopReason);
        Assert.True(result.Snapshot.TreeBytes <= 2 << 20, $"tree used {result.Snapshot.TreeBytes} bytes");
    }

    [Fact]
    public void RequestsCarryHistoryRecentMovesAndMasksInTheRightOrder()
    {
        var evaluator = new CheckingEvaluator(historyLength: 4);
        var state = new GameState(7);
        state.Play(Move.At(state.Geometry.PointAt(3, 3)));
        state.Play(Move.At(state.Geometry.PointAt(2, 3)));
        var search = NewSearch(evaluator, SearchOptions.Default with { Threads = 2, BatchSize = 4 });
        search.SetPosition(state);

        search.Run(SearchLimits.Visits(1500));

        Assert.Empty(evaluator.Failures);
        Assert.True(evaluator.Evaluated > 1000);
    }

    [Fact]
    public void RejectsOptionsOutOfRange()
    {
        Assert.Throws<ArgumentException>(() => new MctsSearch(new UniformEvaluator(), SearchOptions.Default with { Threads = 0 }));
        Assert.Throws<ArgumentException>(() => new MctsSearch(new UniformEvaluator(), SearchOptions.Default with { DirichletEpsilon = 2 }));
        var search = new MctsSearch(new UniformEvaluator());
        Assert.Throws<InvalidOperationException>(() => search.Run(SearchLimits.Visits(10)));
    }

    [Fact]
    public void EvaluatorFailureSurfacesAndLeavesTheTreeClean()
    {
        var search = NewSearch(new FailingEvaluator(failAfter: 50), SearchOptions.Default with { Threads = 2, BatchSize = 2 });
        search.SetPosition(new GameState(9));

        Assert.Throws<InvalidOperationException>(() => search.Run(SearchLimits.Visits(1000)));
        Assert.Null(search.FindInconsistency());
    }

    [Fact]
    public void NonFiniteValuesFromAnEvaluatorCountAsDraws()
    {
        var search = NewSearch(new NaNEvaluator());
        search.SetPosition(new GameState(5));

        var snapshot = search.Run(SearchLimits.Visits(200)).Snapshot;

        Assert.True(double.IsFinite(snapshot.WinRate));
        Assert.All(snapshot.Candidates, c => Assert.True(double.IsFinite(c.WinRate) && double.IsFinite(c.ScoreLead)));
    }

    private sealed class NaNEvaluator : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "nan";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int i = 0; i < requests.Count; i++)
            {
                Array.Fill(results[i].Policy, float.NaN);
                results[i].ValueForSideToMove = float.NaN;
                results[i].ScoreLeadForSideToMove = float.PositiveInfinity;
            }
        }
    }

    private sealed class FailingEvaluator(int failAfter) : IEvaluator
    {
        private int _calls;

        public int HistoryLength => 0;

        public string Name => "failing";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            if (Interlocked.Increment(ref _calls) > failAfter)
            {
                throw new IOException("the network went away");
            }

            new UniformEvaluator().Evaluate(requests, results);
        }
    }
}
