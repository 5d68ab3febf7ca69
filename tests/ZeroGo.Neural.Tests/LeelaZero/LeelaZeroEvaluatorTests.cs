using ZeroGo.Go;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Search;
using ZeroGo.Testing;

namespace ZeroGo.Neural.Tests.LeelaZero;

/// <summary>The evaluator as the search sees it, and the heatmap's path for evaluators that are not Leela Zero's.</summary>
public sealed class LeelaZeroEvaluatorTests
{
    private static readonly BoardGeometry Geometry = BoardGeometry.Get(19);

    [SkippableFact]
    public void EvaluationIsMaskedToLegalMovesAndSumsToOne()
    {
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(1, 8, seed: 3));
        var moves = SampleMoves();
        var request = LeelaZeroTestPositions.RequestAfter(moves, 40, evaluator.HistoryLength);
        var result = new Evaluation(Geometry);

        evaluator.Evaluate([request], [result]);

        Assert.Equal(7, evaluator.HistoryLength);
        Assert.Contains("1x8", evaluator.Name);
        Assert.Equal(1.0, result.Policy.Sum(), 4);
        for (int i = 0; i < Geometry.Area; i++)
        {
            if (!request.LegalMask[i])
            {
                Assert.Equal(0f, result.Policy[i]);
            }
        }

        Assert.InRange(result.ValueForSideToMove, -1f, 1f);
        Assert.False(result.HasOwnership);

        var raw = new LeelaZeroOutput();
        evaluator.EvaluateRaw([request], 0, [raw]);
        Assert.Equal(raw.Value, result.ValueForSideToMove);
        Assert.True(raw.Policy.Where((_, i) => i < Geometry.Area && !request.LegalMask[i]).Sum() > 0f,
            "the raw policy should put some weight on occupied points, which the search's policy removes");
    }

    [SkippableFact]
    public void BatchesGiveTheSameAnswerAsSinglePositions()
    {
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(2, 8, seed: 4), new LeelaZeroEvaluatorOptions { MaxBatchSize = 3 });
        var moves = SampleMoves();
        var requests = new[] { 0, 5, 17, 33, 80, 120, 121 }.Select(n => LeelaZeroTestPositions.RequestAfter(moves, n, 7)).ToArray();
        var batched = requests.Select(_ => new Evaluation(Geometry)).ToArray();
        evaluator.Evaluate(requests, batched);

        for (int i = 0; i < requests.Length; i++)
        {
            var single = new Evaluation(Geometry);
            evaluator.Evaluate([requests[i]], [single]);
            Assert.True(Math.Abs(single.ValueForSideToMove - batched[i].ValueForSideToMove) < 1e-5f);
            for (int p = 0; p < single.Policy.Length; p++)
            {
                Assert.True(Math.Abs(single.Policy[p] - batched[i].Policy[p]) < 1e-5f, $"position {i}, index {p}");
            }
        }
    }

    [SkippableFact]
    public void ConcurrentCallersGetTheSameAnswersAsOneCaller()
    {
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(1, 8, seed: 10), new LeelaZeroEvaluatorOptions { Threads = 1 });
        var moves = SampleMoves();
        var requests = Enumerable.Range(0, 12).Select(n => LeelaZeroTestPositions.RequestAfter(moves, n * 7, 7)).ToArray();
        var expected = requests.Select(_ => new Evaluation(Geometry)).ToArray();
        evaluator.Evaluate(requests, expected);

        var concurrent = requests.Select(_ => new Evaluation(Geometry)).ToArray();
        Parallel.For(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (int repeat = 0; repeat < 3; repeat++)
            {
                evaluator.Evaluate([requests[i]], [concurrent[i]]);
            }
        });

        for (int i = 0; i < requests.Length; i++)
        {
            Assert.True(Math.Abs(expected[i].ValueForSideToMove - concurrent[i].ValueForSideToMove) < 1e-5f);
            Assert.True(expected[i].Policy.Zip(concurrent[i].Policy).All(pair => Math.Abs(pair.First - pair.Second) < 1e-5f));
        }

        evaluator.Dispose();
        Assert.Throws<ObjectDisposedException>(() => evaluator.Evaluate([requests[0]], [new Evaluation(Geometry)]));
    }

    [SkippableFact]
    public void HistoryChangesTheOutput()
    {
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(1, 8, seed: 5));
        var request = LeelaZeroTestPositions.RequestAfter(SampleMoves(), 30, 7);
        var withHistory = new LeelaZeroOutput();
        var without = new LeelaZeroOutput();
        evaluator.EvaluateRaw([request], 0, [withHistory]);
        request.HistoryCount = 0;
        evaluator.EvaluateRaw([request], 0, [without]);

        Assert.NotEqual(withHistory.Value, without.Value);
    }

    [Fact]
    public void NineByNineIsRefused()
    {
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(0, 4, seed: 6));
        var geometry = BoardGeometry.Get(9);
        var request = new EvaluationRequest(geometry, 7) { ToMove = Color.Black };
        var error = Assert.Throws<NotSupportedException>(() => evaluator.Evaluate([request], [new Evaluation(geometry)]));
        Assert.Contains("19x19", error.Message);
    }

    [SkippableFact]
    public void HeatmapOfAnyEvaluatorMatchesTheDirectLeelaZeroPath()
    {
        // Hiding the Leela Zero evaluator behind a plain IEvaluator forces the generic path: the position (and its
        // legal moves) transformed by the symmetry, evaluated as the search would, the policy mapped back. It must
        // equal the direct path's raw output masked to the legal moves and renormalised, symmetry by symmetry.
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(1, 8, seed: 7));
        var opaque = new OpaqueEvaluator(evaluator);
        var request = LeelaZeroTestPositions.RequestAfter(SampleMoves(), 45, 7);
        var expectedBySymmetry = new float[8][];
        for (int s = 0; s < 8; s++)
        {
            var raw = LeelaZeroHeatmap.Compute(evaluator, request, s).Policy;
            float legalSum = raw.Where((_, i) => request.LegalMask[i]).Sum();
            expectedBySymmetry[s] = raw.Select((p, i) => request.LegalMask[i] ? p / legalSum : 0f).ToArray();
        }

        foreach (int? symmetry in new int?[] { 0, 1, 2, 3, 4, 5, 6, 7, null })
        {
            var expected = symmetry is { } one
                ? expectedBySymmetry[one]
                : Enumerable.Range(0, 362).Select(i => expectedBySymmetry.Average(policy => policy[i])).ToArray();
            var direct = LeelaZeroHeatmap.Compute(evaluator, request, symmetry);
            var generic = LeelaZeroHeatmap.Compute(opaque, request, symmetry);
            Assert.True(Math.Abs(direct.Winrate - generic.Winrate) < 1e-5f);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - generic.Policy[i]) < 1e-5f,
                    $"symmetry {symmetry}, index {i}: {expected[i]} vs {generic.Policy[i]}");
            }
        }

        // Different symmetries really differ (so the comparison above is not vacuous).
        var identity = LeelaZeroHeatmap.Compute(evaluator, request, 0);
        var rotated = LeelaZeroHeatmap.Compute(evaluator, request, 5);
        Assert.True(identity.Policy.Zip(rotated.Policy).Max(pair => Math.Abs(pair.First - pair.Second)) > 1e-3f);
    }

    [SkippableFact]
    public void HeatmapTextHasLeelazLayout()
    {
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(1, 8, seed: 8));
        var request = LeelaZeroTestPositions.RequestAfter(SampleMoves(), 3, 7);
        var result = LeelaZeroHeatmap.Compute(evaluator, request, 0);
        var lines = LeelaZeroHeatmap.Format(request.Board, result).Split('\n');

        Assert.Equal(21, lines.Length);
        Assert.All(lines.Take(19), line => Assert.Equal(19 * 4, line.Length));
        Assert.StartsWith("pass: ", lines[19]);
        Assert.Matches(@"^winrate: 0\.\d{6}$", lines[20]);
        // Occupied points print 0; the top row comes first (ZeroGo row 0 is the top).
        var parsed = ParsedHeatmap.Parse(lines);
        for (int i = 0; i < 361; i++)
        {
            if (request.Board[Geometry.FromDense(i)] != Color.Empty)
            {
                Assert.Equal(0, parsed.PerMille[i]);
            }
            else
            {
                Assert.Equal(LeelaZeroHeatmap.PerMille(result.Policy[i]), parsed.PerMille[i]);
            }
        }
    }

    [Fact]
    public void HeatmapAnswerRefusesBadArguments()
    {
        using var evaluator = new LeelaZeroEvaluator(LeelaZeroRandomWeights.Create(0, 4, seed: 9));
        var error = Assert.Throws<ArgumentException>(() => LeelaZeroHeatmap.Answer(evaluator, new GameState(19), "9"));
        Assert.Equal("invalid symmetry \"9\": use 0..7 or average", error.Message);
    }

    [Fact]
    public void HeatmapWorksForOtherEvaluatorsAndBoardSizes()
    {
        // A uniform evaluator on 9x9 with two stones: the 79 empty points and pass share the probability evenly
        // (1000 / 80 = 12.5 per mille, printed truncated), occupied points print 0, in every symmetry.
        var state = new GameState(9);
        state.Play(Color.Black, Move.At(state.Geometry.PointAt(2, 2)));
        state.Play(Color.White, Move.At(state.Geometry.PointAt(6, 6)));
        foreach (var argument in new[] { null, "6", "average" })
        {
            var lines = LeelaZeroHeatmap.Answer(new UniformEvaluator(), state, argument).Split('\n');
            Assert.Equal(9 + 2, lines.Length);
            var values = lines.Take(9).SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).ToArray();
            Assert.Equal(81, values.Length);
            Assert.Equal(79, values.Count(v => v == 12));
            Assert.Equal(0, values[2 * 9 + 2]);
            Assert.Equal(0, values[6 * 9 + 6]);
            Assert.Equal("pass: 12", lines[9]);
            Assert.Equal("winrate: 0.500000", lines[10]);
        }
    }

    private static IReadOnlyList<(Color Color, Move Move)> SampleMoves()
    {
        var sgf = TestData.RequireShared(Path.Combine("games", "alphago_lee_sedol", "LS_vs_AG_G3.sgf"));
        return LeelaZeroTestPositions.ReadMoves(sgf, Geometry);
    }

    /// <summary>Any evaluator that is not a <see cref="LeelaZeroEvaluator"/> as far as the heatmap can tell.</summary>
    private sealed class OpaqueEvaluator(IEvaluator inner) : IEvaluator
    {
        public int HistoryLength => inner.HistoryLength;

        public string Name => "opaque " + inner.Name;

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results) =>
            inner.Evaluate(requests, results);
    }
}
