using System.Text.RegularExpressions;
using ZeroGo.Go;
using ZeroGo.Search;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Prediction;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Tests;

public sealed class MovePredictionTests
{
    /// <summary>
    /// Half the policy on one point (SGF "pd") while it is legal, the rest spread evenly; value +0.5 with no draw for
    /// the side to move (so P(win) 0.75, P(loss) 0.25).
    /// </summary>
    private sealed class FavouritePointEvaluator : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "favourite point";

        public int Calls { get; private set; }

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            Calls++;
            for (int r = 0; r < requests.Count; r++)
            {
                var mask = requests[r].LegalMask;
                var policy = results[r].Policy;
                int favourite = requests[r].Geometry.DenseIndex(requests[r].Geometry.PointAt(15, 3));
                UniformEvaluator.FillUniformPolicy(mask, policy);
                if (mask[favourite])
                {
                    float rest = 0.5f / (mask.Count(m => m) - 1);
                    for (int i = 0; i < policy.Length; i++)
                    {
                        policy[i] = i == favourite ? 0.5f : mask[i] ? rest : 0;
                    }
                }

                results[r].ValueForSideToMove = 0.5f;
                results[r].DrawProbability = 0;
            }
        }
    }

    private static GameRecord Game(string moves, string result)
    {
        var line = KifuMoveLine.Parse("1\t" + moves, "test");
        var row = new KifuIndexRow("1", "", "w", "b", 6.5, result, "");
        return KifuRecords.ToRecord(new KifuGame(line, "test", row, 6.5), out string? whyNot) ?? throw new InvalidOperationException(whyNot);
    }

    [Fact]
    public void Counts_top1_top5_and_the_value_cross_entropy_against_the_result()
    {
        var evaluator = new FavouritePointEvaluator();
        var run = new MovePredictionRun(evaluator, batchSize: 3);

        // Black plays the favourite point first (top-1); the later moves tie with ~360 others (counted as misses).
        var tally = run.Run([Game(";B[pd];W[dd];B[pp];W[dp]", "B+Resign")]);

        Assert.Equal(4, tally.Positions);
        Assert.Equal((1, 1), (tally.Top1, tally.Top5));
        Assert.Equal(2, evaluator.Calls); // batches of 3 and 1
        // Black to move twice (won: -ln 0.75), White twice (lost: -ln 0.25).
        Assert.Equal((2 * -Math.Log(0.75) + 2 * -Math.Log(0.25)) / 4, tally.ValueLoss, 1e-6);
    }

    [Fact]
    public void Games_without_a_value_target_count_for_moves_but_not_for_the_value_loss()
    {
        var tally = new MovePredictionRun(new FavouritePointEvaluator(), 64).Run(
        [
            Game(";B[pd];W[dd]", "W+Time"),
            Game(";B[qd];W[pd]", "W+Resign"),
        ]);

        Assert.Equal(4, tally.Positions);
        Assert.Equal(2, tally.ValuePositions);
        Assert.Equal(2, tally.Top1); // B[pd] in game 1, W[pd] in game 2
        Assert.Equal((-Math.Log(0.25) - Math.Log(0.75)) / 2, tally.ValueLoss, 1e-6);
    }

    [Fact]
    public void Last_line_has_the_documented_format()
    {
        var tally = new MovePredictionRun(new FavouritePointEvaluator(), 64).Run([Game(";B[pd];W[dd];B[pp];W[dp]", "B+Resign")]);

        Assert.Matches(new Regex(@"^move prediction: \d+\.\d% top-1, \d+\.\d% top-5 over \d+ positions, value loss \d+\.\d{4}$"), tally.Line());
        Assert.Equal("move prediction: 25.0% top-1, 25.0% top-5 over 4 positions, value loss 0.8370", tally.Line());
        Assert.EndsWith("value loss n/a", new MovePredictionTally().Line());
    }
}
