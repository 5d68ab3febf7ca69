using ZeroGo.Go;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Search;

namespace ZeroGo.Neural.Tests;

public class BatchingEvaluatorTests
{
    private static EvaluatorOptions Exact(SymmetryMode symmetry = SymmetryMode.Identity) => new()
    {
        Precision = Precision.Float32, Symmetry = symmetry, Threads = 1, MaxWait = TimeSpan.FromMilliseconds(5),
    };

    private static void AssertIsDistributionOverLegalMoves(EvaluationRequest request, Evaluation evaluation)
    {
        Assert.Equal(1.0, evaluation.Policy.Sum(), 4);
        for (int move = 0; move < evaluation.Policy.Length; move++)
        {
            if (!request.LegalMask[move])
            {
                Assert.Equal(0f, evaluation.Policy[move]);
            }
        }

        Assert.InRange(evaluation.ValueForSideToMove, -1f, 1f);
        Assert.InRange(evaluation.DrawProbability, 0f, 1f);
        Assert.True(evaluation.HasOwnership);
    }

    [Fact]
    public void ConcurrentCallersGetTheSameAnswersAsOneAtATimeAndShareBatches()
    {
        using var network = TestPositions.SmallNetwork(seed: 5);
        var requests = Enumerable.Range(0, 48)
            .Select(i => TestPositions.Request(TestPositions.RandomGame(i % 3 == 0 ? 13 : 9, 9, 10 + i, seed: 100 + i).Game))
            .ToArray();

        Evaluation[] expected;
        using (var single = new BatchingEvaluator(network, Exact() with { CacheMegabytes = 0 }))
        {
            expected = requests.Select(r => TestPositions.Evaluate(single, r)).ToArray();
        }

        using var evaluator = new BatchingEvaluator(network, Exact() with { CacheMegabytes = 0, MaxWait = TimeSpan.FromMilliseconds(50) });
        var actual = new Evaluation[requests.Length];
        // Eight dedicated threads released together: the thread pool would start only a couple of workers on a
        // quiet 2-core machine, and callers that never overlap are (rightly) not made to wait for each other.
        using var start = new Barrier(8);
        var callers = Enumerable.Range(0, 8).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = thread; i < requests.Length; i += 8)
            {
                actual[i] = TestPositions.Evaluate(evaluator, requests[i]);
            }
        })).ToList();
        callers.ForEach(t => t.Start());
        callers.ForEach(t => t.Join());

        for (int i = 0; i < requests.Length; i++)
        {
            AssertIsDistributionOverLegalMoves(requests[i], actual[i]);
            for (int move = 0; move < expected[i].Policy.Length; move++)
            {
                Assert.Equal(expected[i].Policy[move], actual[i].Policy[move], 1e-4f);
            }

            Assert.Equal(expected[i].ValueForSideToMove, actual[i].ValueForSideToMove, 1e-4);
            Assert.Equal(expected[i].ScoreLeadForSideToMove, actual[i].ScoreLeadForSideToMove, 1e-3);
        }

        Assert.Equal(requests.Length, evaluator.PositionsEvaluated);
        Assert.True(evaluator.AverageBatchSize > 1.5, $"positions were not batched: {evaluator.AverageBatchSize:F2} per batch");
    }

    [Fact]
    public void ManyRequestsInOneCallAreSplitIntoBatchesOfAtMostTheCap()
    {
        using var network = TestPositions.SmallNetwork();
        using var evaluator = new BatchingEvaluator(network, Exact() with { MaxBatchSize = 8, CacheMegabytes = 0 });
        var requests = Enumerable.Range(0, 20).Select(i => TestPositions.Request(TestPositions.RandomGame(9, 9, i, seed: i).Game)).ToArray();
        var results = requests.Select(r => new Evaluation(r.Geometry)).ToArray();
        evaluator.Evaluate(requests, results);
        Assert.Equal(3, evaluator.Batches);
        for (int i = 0; i < requests.Length; i++)
        {
            AssertIsDistributionOverLegalMoves(requests[i], results[i]);
        }
    }

    [Fact]
    public void RepeatedPositionsComeFromTheCache()
    {
        using var network = TestPositions.SmallNetwork();
        using var evaluator = new BatchingEvaluator(network, Exact() with { CacheMegabytes = 1 });
        var request = TestPositions.Request(TestPositions.RandomGame(9, 9, 12, seed: 9).Game);
        var first = TestPositions.Evaluate(evaluator, request);
        var second = TestPositions.Evaluate(evaluator, request);
        Assert.Equal(1, evaluator.PositionsEvaluated);
        Assert.Equal(1, evaluator.Cache.Hits);
        Assert.Equal(first.Policy, second.Policy);
        Assert.Equal(first.ValueForSideToMove, second.ValueForSideToMove);
    }

    [Fact]
    public void TheCacheStaysWithinItsCapacity()
    {
        var cache = new EvaluationCache(10);
        var geometry = BoardGeometry.Get(5);
        var request = new EvaluationRequest(geometry, 0);
        var evaluation = new Evaluation(geometry);
        for (ulong key = 0; key < 100; key++)
        {
            request.Key = key;
            cache.Add(request, evaluation);
            Assert.True(cache.Count <= 10);
        }

        request.Key = 99;
        Assert.True(cache.TryGet(request, evaluation));
        request.Key = 0;
        Assert.False(cache.TryGet(request, evaluation));
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(7, 9)]
    public void ASymmetrisedNetworkTransformsPolicyAndOwnershipWithTheBoard(int width, int height)
    {
        var geometry = BoardGeometry.Get(width, height);
        using var network = TestPositions.SmallNetwork(seed: 8);
        using var evaluator = new BatchingEvaluator(network, Exact(SymmetryMode.Average) with { CacheMegabytes = 0 });
        var (game, moves) = TestPositions.RandomGame(width, height, 24, seed: 31);
        var original = TestPositions.Evaluate(evaluator, TestPositions.Request(game));
        bool anyDifferent = false;
        foreach (var symmetry in Symmetry.For(geometry))
        {
            var transformed = TestPositions.Evaluate(evaluator, TestPositions.Request(TestPositions.Transformed(geometry, moves, symmetry)));
            foreach (var point in geometry.Points)
            {
                int from = geometry.DenseIndex(point);
                int to = geometry.DenseIndex(symmetry.Apply(point, geometry));
                Assert.Equal(original.Policy[from], transformed.Policy[to], 1e-5f);
                Assert.Equal(original.Ownership[from], transformed.Ownership[to], 1e-5f);
                anyDifferent |= from != to && Math.Abs(original.Policy[from] - original.Policy[to]) > 1e-4;
            }

            Assert.Equal(original.Policy[^1], transformed.Policy[^1], 1e-5f);
            Assert.Equal(original.ValueForSideToMove, transformed.ValueForSideToMove, 1e-5);
        }

        // Otherwise the test would pass for a network that ignores the board.
        Assert.True(anyDifferent);
    }

    [Fact]
    public void WithoutSymmetrisingTheNetworkIsNotInvariant()
    {
        // The control for the test above: a random network does see orientation, so the averaging is what makes it equivariant.
        var geometry = BoardGeometry.Get(9);
        using var network = TestPositions.SmallNetwork(seed: 8);
        using var evaluator = new BatchingEvaluator(network, Exact() with { CacheMegabytes = 0 });
        var (game, moves) = TestPositions.RandomGame(9, 9, 24, seed: 31);
        var original = TestPositions.Evaluate(evaluator, TestPositions.Request(game));
        var symmetry = new Symmetry(3);
        var transformed = TestPositions.Evaluate(evaluator, TestPositions.Request(TestPositions.Transformed(geometry, moves, symmetry)));
        double difference = geometry.Points.Sum(p =>
            Math.Abs(original.Policy[geometry.DenseIndex(p)] - transformed.Policy[geometry.DenseIndex(symmetry.Apply(p, geometry))]));
        Assert.True(difference > 1e-3, $"difference {difference}");
    }

    [Fact]
    public void ARequestForEverySymmetryIsAveragedInRandomModeAndNotAnsweredFromTheCache()
    {
        // The same weights twice: one evaluator always averages, the other draws a symmetry and caches.
        using var averaging = new BatchingEvaluator(TestPositions.SmallNetwork(seed: 8), Exact(SymmetryMode.Average) with { CacheMegabytes = 0 });
        using var drawing = new BatchingEvaluator(TestPositions.SmallNetwork(seed: 8), Exact(SymmetryMode.Random) with { CacheMegabytes = 1, Seed = 5 });
        var request = TestPositions.Request(TestPositions.RandomGame(9, 9, 24, seed: 31).Game);
        var expected = TestPositions.Evaluate(averaging, request);
        var drawn = TestPositions.Evaluate(drawing, request);   // one symmetry's answer, now in the cache
        Assert.True(expected.Policy.Zip(drawn.Policy).Sum(p => Math.Abs(p.First - p.Second)) > 1e-3,
            "one symmetry's answer should differ from the average (the control)");

        request.AllSymmetries = true;
        for (int look = 0; look < 2; look++)
        {
            var steady = TestPositions.Evaluate(drawing, request);
            for (int move = 0; move < expected.Policy.Length; move++)
            {
                Assert.Equal(expected.Policy[move], steady.Policy[move], 1e-5f);
            }

            Assert.Equal(expected.ValueForSideToMove, steady.ValueForSideToMove, 1e-5);
        }

        Assert.Equal(0, drawing.Cache.Hits);
    }

    [Fact]
    public void RandomSymmetriesStillGiveValidEvaluations()
    {
        using var network = TestPositions.SmallNetwork();
        using var evaluator = new BatchingEvaluator(network, Exact(SymmetryMode.Random) with { CacheMegabytes = 0, Seed = 3 });
        foreach (var (width, height) in new[] { (9, 9), (13, 7), (19, 19) })
        {
            var request = TestPositions.Request(TestPositions.RandomGame(width, height, 30, seed: width).Game);
            for (int i = 0; i < 4; i++)
            {
                AssertIsDistributionOverLegalMoves(request, TestPositions.Evaluate(evaluator, request));
            }
        }
    }

    [Fact]
    public void Bf16EvaluationsStayCloseToFp32()
    {
        using var network = TestPositions.SmallNetwork(seed: 6);
        using var fp32 = new BatchingEvaluator(network, Exact());
        using var bf16 = new BatchingEvaluator(network, Exact() with { Precision = Precision.BFloat16 });
        Assert.Contains("bf16", bf16.Name);
        var request = TestPositions.Request(TestPositions.RandomGame(9, 9, 30, seed: 4).Game);
        var a = TestPositions.Evaluate(fp32, request);
        var b = TestPositions.Evaluate(bf16, request);
        AssertIsDistributionOverLegalMoves(request, b);
        double totalVariation = 0.5 * a.Policy.Zip(b.Policy).Sum(pair => Math.Abs(pair.First - pair.Second));
        Assert.True(totalVariation < 0.05, $"policy total variation {totalVariation}");
        Assert.Equal(a.ValueForSideToMove, b.ValueForSideToMove, 0.05);
    }

    [Fact]
    public void TheDefaultPrecisionIsBf16OnlyWhereTheCpuHasItAndItMeasuredFaster()
    {
        bool native = File.Exists("/proc/cpuinfo") && File.ReadAllText("/proc/cpuinfo").Split([' ', '\t', '\n']).Any(f => f is "avx512_bf16" or "amx_bf16");
        var verdict = Bf16Speed.Verdict;
        bool forced = Environment.GetEnvironmentVariable(Bf16Speed.OverrideVariable) is { Length: > 0 };
        Assert.Equal(native || forced ? verdict.Default : Precision.Float32, new EvaluatorOptions().Precision);
        if (!forced && verdict.Fp32PositionsPerSecond > 0)
        {
            Assert.Equal(verdict.Bf16PositionsPerSecond >= Bf16Speed.RequiredSpeedUp * verdict.Fp32PositionsPerSecond, verdict.Bf16IsFaster);
        }
    }

    [Fact]
    public void NewWeightsReplaceTheOldAndEmptyTheCache()
    {
        using var first = TestPositions.SmallNetwork(seed: 1);
        using var second = TestPositions.SmallNetwork(seed: 2);
        using var evaluator = new BatchingEvaluator(first, Exact());
        var request = TestPositions.Request(TestPositions.RandomGame(9, 9, 10, seed: 1).Game);
        var before = TestPositions.Evaluate(evaluator, request);
        evaluator.UpdateWeights(second);
        var after = TestPositions.Evaluate(evaluator, request);
        Assert.NotEqual(before.Policy, after.Policy);
        using var direct = new BatchingEvaluator(second, Exact());
        Assert.Equal(TestPositions.Evaluate(direct, request).Policy, after.Policy);
    }

    [Fact]
    public void EvaluatingAfterDisposeFailsClearly()
    {
        using var network = TestPositions.SmallNetwork();
        var evaluator = new BatchingEvaluator(network, Exact());
        evaluator.Dispose();
        var request = TestPositions.Request(new GameState(9));
        Assert.Throws<ObjectDisposedException>(() => TestPositions.Evaluate(evaluator, request));
    }
}
