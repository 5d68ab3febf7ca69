namespace ZeroGo.Desktop.Players;

/// <summary>How a level turns an analysis into a move.</summary>
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
/// A named strength: what share of the visit budget the AI spends and how it picks among the candidates.
/// Fewer visits alone do not make a weak player, so the lower levels also draw moves at random with temperature.
/// </summary>
public sealed record StrengthLevel(string Key, string Name, string Description, double VisitShare, MoveChoice Choice, double Temperature)
{
    public static IReadOnlyList<StrengthLevel> All { get; } =
    [
        new("beginner", "Beginner", "draws moves from the policy at temperature 1", 0.10, MoveChoice.SamplePolicy, 1.0),
        new("casual", "Casual", "quarter of the visits, samples candidates (T 0.7)", 0.25, MoveChoice.SampleVisits, 0.7),
        new("club", "Club", "half the visits, samples candidates (T 0.3)", 0.5, MoveChoice.SampleVisits, 0.3),
        new("strong", "Strong", "all visits, samples among the best (T 0.1)", 1.0, MoveChoice.SampleVisits, 0.1),
        new("full", "Full strength", "all visits, always the most visited move", 1.0, MoveChoice.Best, 0),
    ];

    public static StrengthLevel Default => All[^1];

    /// <summary>The level named <paramref name="key"/> (case-insensitive key or name), or null.</summary>
    public static StrengthLevel? Find(string key) =>
        All.FirstOrDefault(l => l.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || l.Name.Equals(key, StringComparison.OrdinalIgnoreCase));

    public int VisitsFor(int fullVisits) => Math.Max(1, (int)Math.Round(fullVisits * VisitShare));
}
