using ZeroGo.Desktop.Players;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Play;

/// <summary>How a game against the AI is set up (command-line options of <c>zerogo play</c>).</summary>
public sealed record PlaySettings
{
    public int Width { get; init; } = 9;

    public int Height { get; init; } = 9;

    /// <summary>The visit budget at full strength; levels use a share of it.</summary>
    public int Visits { get; init; } = 400;

    public Color HumanColor { get; init; } = Color.Black;

    public double Komi { get; init; } = 7.5;

    /// <summary>Fixed handicap stones for Black (0 or 2..9).</summary>
    public int Handicap { get; init; }

    public StrengthLevel Level { get; init; } = StrengthLevel.Default;

    public string HumanName { get; init; } = "You";

    /// <summary>When the AI gives a lost game up (<see cref="ResignationRule.Never"/>: it plays every game out).</summary>
    public ResignationRule Resignation { get; init; } = ResignationRule.Default;

    public Rules Rules => new() { Komi = Komi };
}
