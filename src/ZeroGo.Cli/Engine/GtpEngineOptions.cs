using ZeroGo.Neural;
using ZeroGo.Search;

namespace ZeroGo.Cli.Engine;

/// <summary>Which move generator <c>zerogo gtp</c> (and other verbs that play) runs.</summary>
public enum EngineKind
{
    /// <summary>The search guided by a network (a model file, the bundled model or a fresh network).</summary>
    Network,

    /// <summary>Uniform random over legal moves that don't fill an own eye (the baseline).</summary>
    Random,
}

/// <summary>Everything needed to build a playing engine, as parsed from the command line.</summary>
public sealed record GtpEngineOptions
{
    public EngineKind Engine { get; init; } = EngineKind.Network;

    /// <summary>A ZeroGo model (STEM, STEM.json or STEM.weights) or a Leela Zero weight file; null: the bundled model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>
    /// Where bundled models are looked for (their <c>*.json</c> manifests); null: the repository's <c>models/</c>
    /// found from the program's own folder (<see cref="BundledModels.FindDefaultFolder"/>).
    /// </summary>
    public string? ModelsFolder { get; init; }

    /// <summary>Root visits per move (null: only the clock limits, with <see cref="SearchLimits.DefaultMoveVisits"/> when there is no clock and no --time).</summary>
    public int? Visits { get; init; } = SearchLimits.DefaultMoveVisits;

    /// <summary>Search threads (each gathers a few leaves per network call).</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Longest thinking time per move (the budget when the controller sends no time_settings).</summary>
    public TimeSpan? TimePerMove { get; init; }

    public string Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>Search inference precision (default: the machine's, <see cref="PrecisionExtensions.InferenceDefault"/>); heatmap always evaluates in fp32.</summary>
    public Precision Precision { get; init; } = PrecisionExtensions.InferenceDefault;

    public ulong Seed { get; init; }

    /// <summary>How much the expected lead counts beside winning (<see cref="SearchOptions.WithScoreUtility"/>; 0: win rate only).</summary>
    public double ScoreUtility { get; init; }

    /// <summary>
    /// <c>genmove</c> resigns when its win rate has stayed below this share for three of its moves in a row, past a
    /// quarter of the board's points (<see cref="ResignationRule"/>); 0: never.
    /// </summary>
    public double ResignBelow { get; init; } = ResignationRule.Default.WinRateBelow;

    /// <summary>The rule <see cref="ResignBelow"/> makes.</summary>
    public ResignationRule Resignation => ResignBelow <= 0 ? ResignationRule.Never : ResignationRule.Default with { WinRateBelow = ResignBelow };

    /// <summary>What is wrong with a <c>--score-utility</c> weight (of gtp or arena), or null when it is usable.</summary>
    public static string? ScoreUtilityProblem(double weight) =>
        weight is >= 0 and <= 1 ? null : $"--score-utility must be in [0, 1] (got {weight}; 0.3 is KataGo's play default)";

    /// <summary>Describes what is wrong with the options, or null when they are usable.</summary>
    public string? Validate()
    {
        if (Visits is <= 0)
        {
            return $"--visits must be positive (got {Visits})";
        }

        if (Threads is < 1 or > 256)
        {
            return $"--threads must be 1..256 (got {Threads})";
        }

        if (TimePerMove is { } time && (time <= TimeSpan.Zero || time > TimeSpan.FromDays(1)))
        {
            return $"--time must be a positive number of seconds up to one day (got {time.TotalSeconds})";
        }

        if (ResignBelow is < 0 or > 0.5 || double.IsNaN(ResignBelow))
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"--resign-below must be a percentage from 0 (never resign) to 50 (got {ResignBelow * 100})");
        }

        if (ScoreUtilityProblem(ScoreUtility) is { } scoreProblem)
        {
            return scoreProblem;
        }

        if (ModelPath is not null && string.IsNullOrWhiteSpace(ModelPath))
        {
            return "--model needs a file name";
        }

        return null;
    }
}
