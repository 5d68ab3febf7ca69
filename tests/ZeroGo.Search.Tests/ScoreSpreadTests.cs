using System.Runtime.CompilerServices;

namespace ZeroGo.Search.Tests;

/// <summary>
/// scoreStdev from the running sums each backup adds to: the population spread of the scores backed up into a
/// node, exact where the scores are known, and still right where a big subtree has a large lead and a small spread
/// (the case that single-precision squares would ruin).
/// </summary>
public sealed class ScoreSpreadTests
{
    private static Node BackedUp(IEnumerable<float> scores)
    {
        var node = default(Node);
        foreach (float score in scores)
        {
            node.Visits++;
            node.ScoreSum += score;
            node.ScoreSquareSum += (double)score * score;
        }

        return node;
    }

    [Fact]
    public void IsThePopulationStandardDeviationOfTheBackedUpScores()
    {
        float[] scores = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, population variance 4
        Assert.Equal(2.0, ScoreSpread.StandardDeviation(BackedUp(scores)), 9);
    }

    [Fact]
    public void IsZeroUnderTwoVisitsAndWhereEveryScoreAgrees()
    {
        Assert.Equal(0, ScoreSpread.StandardDeviation(BackedUp([7.5f])));
        Assert.Equal(0, ScoreSpread.StandardDeviation(BackedUp(Enumerable.Repeat(-12.3f, 100_000))));
    }

    [Fact]
    public void KeepsASmallSpreadUnderALargeLeadOverManyVisits()
    {
        // 200,000 visits alternating 49 and 51: mean 50, spread exactly 1.
        var scores = Enumerable.Range(0, 200_000).Select(i => i % 2 == 0 ? 49f : 51f);
        Assert.Equal(1.0, ScoreSpread.StandardDeviation(BackedUp(scores)), 3);
    }

    [Fact]
    public void TheStoreCountsANodeAtItsRealSize()
    {
        // The memory cap counts NodeBytes per node: it must be what a node really takes.
        Assert.Equal(NodeStore.NodeBytes, Unsafe.SizeOf<Node>());
    }
}
