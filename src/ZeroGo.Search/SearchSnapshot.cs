using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// What the search thinks of one root move. Win rates and score leads are from the view of the side to move
/// at the root (the player choosing among these moves); win rates are on the [0, 1] scale.
/// </summary>
public sealed record CandidateInfo
{
    public required Move Move { get; init; }

    public required int Visits { get; init; }

    /// <summary>Mean outcome as a win probability for the root's side to move.</summary>
    public required double WinRate { get; init; }

    /// <summary>Mean expected score lead (points) for the root's side to move.</summary>
    public required double ScoreLead { get; init; }

    /// <summary>
    /// Standard deviation (points) of the score leads backed up into this move's subtree, weighted by visits: how
    /// far the outcomes the search met spread around <see cref="ScoreLead"/>. 0 under 2 visits and when every
    /// evaluation agrees. From the running sums of the backups, so exact whatever the tree's size.
    /// </summary>
    public double ScoreStdev { get; init; }

    /// <summary>Policy prior (root noise included when self-play adds it).</summary>
    public required double Prior { get; init; }

    /// <summary>Lower confidence bound of <see cref="WinRate"/> (may be below 0 with few visits; -1 under 2 visits).</summary>
    public required double Lcb { get; init; }

    /// <summary>The expected continuation starting with <see cref="Move"/> (most visited child at each ply).</summary>
    public required IReadOnlyList<Move> PrincipalVariation { get; init; }

    /// <summary>Visits of the node each move of <see cref="PrincipalVariation"/> leads to (same length; KataGo's pvVisits).</summary>
    public IReadOnlyList<int> PrincipalVariationVisits { get; init; } = [];

    /// <summary>
    /// Mean ownership over the evaluations below this move (+1 = the root's side to move owns the point), dense
    /// order; null unless <see cref="SearchOptions.TrackMoveOwnership"/> is on and the evaluator predicts ownership.
    /// </summary>
    public float[]? Ownership { get; init; }

    /// <summary>Rank in the engine's preference, 0 = the move it would play.</summary>
    public required int Order { get; init; }
}

/// <summary>
/// A consistent picture of a running or finished search, safe to keep and read on any thread
/// (a GUI or GTP polls <see cref="MctsSearch.Snapshot"/> or listens to <see cref="MctsSearch.Progress"/>).
/// </summary>
public sealed record SearchSnapshot
{
    public required BoardGeometry Geometry { get; init; }

    /// <summary>The player to move at the root; every value below is from this player's view.</summary>
    public required Color ToMove { get; init; }

    /// <summary>Visits of the root, reused ones included.</summary>
    public required int RootVisits { get; init; }

    /// <summary>Visits made by the current (or last) search call.</summary>
    public required int Playouts { get; init; }

    /// <summary>Win probability of the root position for <see cref="ToMove"/>.</summary>
    public required double WinRate { get; init; }

    public required double ScoreLead { get; init; }

    /// <summary>Spread (points) of every score backed up into the root, its own first evaluation included, as <see cref="CandidateInfo.ScoreStdev"/>.</summary>
    public double ScoreStdev { get; init; }

    /// <summary>Root children that were visited, best first (<see cref="CandidateInfo.Order"/>).</summary>
    public required IReadOnlyList<CandidateInfo> Candidates { get; init; }

    /// <summary>Mean ownership over the evaluations of this search (+1 = <see cref="ToMove"/> owns the point), dense order; null when the evaluator predicts none.</summary>
    public float[]? Ownership { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required int TreeNodes { get; init; }

    public required long TreeBytes { get; init; }

    /// <summary>Why the search ended; <see cref="StopReason.None"/> while it runs.</summary>
    public required StopReason StopReason { get; init; }

    public double PlayoutsPerSecond => Elapsed.TotalSeconds > 0 ? Playouts / Elapsed.TotalSeconds : 0;

    /// <summary>The move the engine prefers (pass when nothing was searched).</summary>
    public Move BestMove => Candidates.Count > 0 ? Candidates[0].Move : Move.Pass;
}

/// <summary>The outcome of <see cref="MctsSearch.Run"/>: the final snapshot and the move to play.</summary>
public sealed record SearchResult
{
    public required SearchSnapshot Snapshot { get; init; }

    /// <summary>The move chosen (LCB or visits; <see cref="Move.Resign"/> when <see cref="ShouldResign"/>).</summary>
    public required Move Move { get; init; }

    /// <summary>True when the options' resignation threshold was crossed.</summary>
    public required bool ShouldResign { get; init; }

    public StopReason StopReason => Snapshot.StopReason;
}
