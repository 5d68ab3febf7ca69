namespace ZeroGo.Desktop.Players;

/// <summary>How a level turns an analysis into a move, from the strongest way to the weakest.</summary>
public enum MoveChoice
{
    /// <summary>The most visited candidate (full strength).</summary>
    Best,
    /// <summary>A candidate drawn with probability ∝ visits^(1/T) (KaTrain-style weakened search).</summary>
    SampleVisits,
    /// <summary>A move drawn from the policy ∝ prior^(1/T), no search (KaTrain's policy players); falls back to visits.</summary>
    SamplePolicy,
}

/// <summary>
/// A named strength: what share of the visit budget the AI spends and how it picks among the candidates. The
/// steps are made of visits (each level has a fraction of the next one's search, which costs strength as surely
/// as anything) and, at the bottom, of moves drawn at random: a move drawn from the policy is the weakest player,
/// one drawn from a short search's visits the next. Levels that only sample a little (temperature 0.1-0.3 over
/// visits) played like full strength and could not be told apart against GNU Go; these shares are measured steps
/// on 9x9 (docs/desktop.md: 0 %, 5 %, 33 %, 48 %, 70 % against GNU Go levels 1 and 10 at 400 visits for full).
/// </summary>
public sealed record StrengthLevel(string Key, string Name, string Description, double VisitShare, MoveChoice Choice, double Temperature)
{
    public static IReadOnlyList<StrengthLevel> All { get; } =
    [
        new("beginner", "Beginner", "draws moves from the policy at temperature 1", 0.04, MoveChoice.SamplePolicy, 1.0),
        new("casual", "Casual", "a 25th of the visits, draws among the candidates (T 0.7)", 0.04, MoveChoice.SampleVisits, 0.7),
        new("club", "Club", "a 20th of the visits, the best move", 0.05, MoveChoice.Best, 0),
        new("strong", "Strong", "a third of the visits, the best move", 0.35, MoveChoice.Best, 0),
        new("full", "Full strength", "all visits, the best move", 1.0, MoveChoice.Best, 0),
    ];

    public static StrengthLevel Default => All[^1];

    /// <summary>The level named <paramref name="key"/> (case-insensitive key or name), or null.</summary>
    public static StrengthLevel? Find(string key) =>
        All.FirstOrDefault(l => l.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || l.Name.Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The level's share of <paramref name="fullVisits"/>, at least 2: the root and one move, so even a tiny budget
    /// leaves a searched candidate to play (with 1 the search only evaluates the root, and the level would pass).
    /// </summary>
    public int VisitsFor(int fullVisits) => Math.Max(2, (int)Math.Round(fullVisits * VisitShare));
}
