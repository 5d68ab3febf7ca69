using ZeroGo.Search;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// What a query gets when it does not say otherwise: the analysis config file's values, then
/// <c>-override-config</c>'s, then the query's own <c>overrideSettings</c> (see <see cref="AnalysisSettingKeys"/>).
/// </summary>
public sealed record AnalysisSettings
{
    /// <summary>The search every analysis starts from: one thread, no noise, the GTP engine's exploration constants.</summary>
    public static AnalysisSettings Default { get; } = new();

    /// <summary>Root visits per analysed turn (KataGo's example analysis config says 500).</summary>
    public int MaxVisits { get; init; } = 500;

    public int? MaxPlayouts { get; init; }

    public TimeSpan? MaxTime { get; init; }

    public ReportPerspective Perspective { get; init; } = ReportPerspective.SideToMove;

    public SearchOptions Search { get; init; } = SearchOptions.Default;

    public SearchLimits Limits => new() { MaxVisits = MaxVisits, MaxPlayouts = MaxPlayouts, MaxTime = MaxTime };
}
