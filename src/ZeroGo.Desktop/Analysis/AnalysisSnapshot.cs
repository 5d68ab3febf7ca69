using ZeroGo.Go;

namespace ZeroGo.Desktop.Analysis;

/// <summary>One move the engine considered, from the point of view of the player to move at the analysed position.</summary>
/// <param name="Move">The candidate.</param>
/// <param name="Visits">Search visits (or playouts) spent on it.</param>
/// <param name="WinRate">Win probability for the player to move, 0..1.</param>
/// <param name="ScoreLead">Expected lead of the player to move in points (0 when the source predicts none).</param>
/// <param name="Prior">The policy's probability for the move, 0..1 (NaN when the source has no policy).</param>
/// <param name="Lcb">Lower confidence bound of <paramref name="WinRate"/>.</param>
/// <param name="Pv">Principal variation starting with <paramref name="Move"/>.</param>
public sealed record CandidateMove(
    Move Move, int Visits, double WinRate, double ScoreLead, double Prior, double Lcb, IReadOnlyList<Move> Pv);

/// <summary>
/// What an analysis source knows about one position: candidates best first, the root value, the policy and
/// ownership. Immutable once published, so the UI thread may draw it while the search thread makes the next one.
/// </summary>
public sealed class AnalysisSnapshot
{
    public required Color ToMove { get; init; }

    /// <summary>Best first (most visits, ties by win rate).</summary>
    public required IReadOnlyList<CandidateMove> Candidates { get; init; }

    public int TotalVisits { get; init; }

    /// <summary>Win probability of the player to move at the root, 0..1.</summary>
    public double WinRate { get; init; } = 0.5;

    /// <summary>Expected score lead of the player to move (points); NaN when unknown.</summary>
    public double ScoreLead { get; init; } = double.NaN;

    /// <summary>Prior over dense points plus pass (length Area + 1); null when the source has no policy.</summary>
    public float[]? Policy { get; init; }

    /// <summary>Where the policy comes from, for the overlay's caption ("network", "playout win rates").</summary>
    public string PolicyName { get; init; } = "policy";

    /// <summary>Ownership per dense point, +1 = Black owns, -1 = White owns; null when unknown.</summary>
    public float[]? OwnershipBlack { get; init; }

    /// <summary>True for the last snapshot of an analysis (the search stopped).</summary>
    public bool IsFinal { get; init; }

    public double WinRateBlack => ToMove == Color.White ? 1 - WinRate : WinRate;

    public double ScoreLeadBlack => ToMove == Color.White ? -ScoreLead : ScoreLead;

    public CandidateMove? Best => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary>
    /// The move the engine itself would play when it differs from the first candidate's rules (a search does not
    /// pass while the count of the board as it stands loses, even when pass is its best candidate); null: the first candidate.
    /// </summary>
    public Move? Chosen { get; init; }

    /// <summary>The candidate for <paramref name="move"/> and its rank (0 = best), or null / -1.</summary>
    public (CandidateMove? Candidate, int Rank) Find(Move move)
    {
        for (int i = 0; i < Candidates.Count; i++)
        {
            if (Candidates[i].Move == move)
            {
                return (Candidates[i], i);
            }
        }

        return (null, -1);
    }

    /// <summary>Rank of <paramref name="move"/> by prior (1 = the policy's favourite), or 0 without a policy.</summary>
    public int PriorRank(BoardGeometry geometry, Move move)
    {
        if (Policy is null)
        {
            return 0;
        }

        int index = move.IsPass ? geometry.Area : geometry.DenseIndex(move.Point);
        float mine = Policy[index];
        int rank = 1;
        foreach (float p in Policy)
        {
            if (p > mine)
            {
                rank++;
            }
        }

        return rank;
    }
}
