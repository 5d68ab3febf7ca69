namespace ZeroGo.Search;

/// <summary>
/// The visit-weighted standard deviation of the score leads backed up into a node: the spread of the outcomes the
/// search met in that move's subtree (<see cref="CandidateInfo.ScoreStdev"/>), from the running sums every backup
/// adds to (<see cref="Node.ScoreSum"/>, <see cref="Node.ScoreSquareSum"/>), as KataGo keeps them: a snapshot reads
/// it in constant time whatever the tree's size, where walking the subtree under the tree lock stalled a GUI's
/// frequent snapshots of a big tree.
/// </summary>
internal static class ScoreSpread
{
    /// <summary>
    /// Standard deviation (population, weighted by visits) of the scores backed up into <paramref name="node"/>;
    /// the same from either player's view (squares do not change sign); 0 under 2 visits.
    /// </summary>
    public static double StandardDeviation(in Node node)
    {
        if (node.Visits < 2)
        {
            return 0;
        }

        double mean = node.ScoreSum / node.Visits;
        double meanSquare = node.ScoreSquareSum / node.Visits;
        double variance = meanSquare - mean * mean;
        // Where every backed-up score agreed, rounding leaves a remainder of about visits x 1e-16 of the mean square
        // (either sign; 4e-12 measured over 100,000 visits): a spread under 3e-5 of the lead is no spread.
        return variance <= meanSquare * 1e-9 ? 0 : Math.Sqrt(variance);
    }
}
