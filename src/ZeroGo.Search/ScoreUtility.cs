namespace ZeroGo.Search;

/// <summary>
/// The lead's share of a move's worth in selection (KataGo's static and dynamic score utility,
/// <see cref="SearchOptions.StaticScoreUtility"/>): <c>static·f(lead) + dynamic·f(lead − centre)</c>,
/// f(x) = 2/π·atan(x / √area), returned on the [0, 1] win-rate scale PUCT compares (half the [-1, 1] utility).
/// The atan keeps it bounded: a lead of √area points is worth half the factor, a huge one at most all of it.
/// </summary>
internal readonly struct ScoreUtility
{
    private readonly double _static;
    private readonly double _dynamic;
    private readonly double _inverseScale;

    public ScoreUtility(SearchOptions options, int area)
    {
        _static = options.StaticScoreUtility;
        _dynamic = options.DynamicScoreUtility;
        _inverseScale = 1 / Math.Sqrt(area);
    }

    public bool IsOff => _static == 0 && _dynamic == 0;

    /// <summary>
    /// The bonus of an expected <paramref name="lead"/> (points, from the view of the side choosing), with
    /// <paramref name="centre"/> the root's expected lead in that same view.
    /// </summary>
    public float Of(double lead, double centre) =>
        (float)(0.5 * (_static * Curve(lead) + _dynamic * Curve(lead - centre)));

    private double Curve(double points) => 2 / Math.PI * Math.Atan(points * _inverseScale);
}
