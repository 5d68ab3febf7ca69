using System.Globalization;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>The outcome of one <c>key = value</c> setting: applied, or a known key with a bad value, or a key we do not use.</summary>
public sealed record SettingOutcome(AnalysisSettings Settings, bool Known, string? Error)
{
    public bool Applied => Known && Error is null;
}

/// <summary>
/// KataGo's search parameter names that map onto ZeroGo's search, as written in an analysis config file, in
/// <c>-override-config</c> and in a query's <c>overrideSettings</c>. Values arrive as text (a JSON number, bool or
/// string's text). Keys not listed here have no ZeroGo meaning and are reported by the caller.
/// </summary>
public static class AnalysisSettingKeys
{
    /// <summary>Longest thinking time accepted; KataGo configs say 1e20 for "no limit".</summary>
    private static readonly TimeSpan LongestTime = TimeSpan.FromDays(1);

    public static IReadOnlyCollection<string> Names { get; } =
    [
        "maxVisits", "maxPlayouts", "maxTime", "reportAnalysisWinratesAs", "numSearchThreads",
        "numSearchThreadsPerAnalysisThread", "cpuctExploration", "fpuReductionMax", "rootFpuReductionMax",
        "rootPolicyTemperature", "analysisPVLen", "rootNoiseEnabled", "useLcbForSelection", "lcbStdevs",
        "staticScoreUtilityFactor", "dynamicScoreUtilityFactor",
    ];

    /// <summary>Applies <paramref name="key"/> = <paramref name="value"/> to <paramref name="settings"/> (key case as KataGo spells it).</summary>
    public static SettingOutcome Apply(AnalysisSettings settings, string key, string value)
    {
        try
        {
            var search = settings.Search;
            AnalysisSettings? updated = key switch
            {
                "maxVisits" => settings with { MaxVisits = PositiveInt(value) },
                "maxPlayouts" => settings with { MaxPlayouts = PositiveInt(value) },
                "maxTime" => settings with { MaxTime = Seconds(value) },
                "reportAnalysisWinratesAs" => settings with { Perspective = Perspective(value) },
                "numSearchThreads" or "numSearchThreadsPerAnalysisThread" =>
                    settings with { Search = search with { Threads = PositiveInt(value) } },
                "cpuctExploration" => settings with { Search = search with { CPuctInit = Number(value) } },
                "fpuReductionMax" => settings with { Search = search with { FpuReduction = Number(value) } },
                "rootFpuReductionMax" => settings with { Search = search with { RootFpuReduction = Number(value) } },
                "rootPolicyTemperature" => settings with { Search = search with { RootPolicyTemperature = Number(value) } },
                // KataGo's PV length leaves out the move itself; ours counts it.
                "analysisPVLen" => settings with { Search = search with { MaxPvLength = PositiveInt(value) + 1 } },
                "rootNoiseEnabled" => settings with { Search = search with { DirichletEpsilon = Bool(value) ? 0.25 : 0 } },
                "useLcbForSelection" => settings with { Search = search with { UseLcb = Bool(value) } },
                "lcbStdevs" => settings with { Search = search with { LcbZ = Number(value) } },
                "staticScoreUtilityFactor" => settings with { Search = search with { StaticScoreUtility = Number(value) } },
                "dynamicScoreUtilityFactor" => settings with { Search = search with { DynamicScoreUtility = Number(value) } },
                _ => null,
            };
            if (updated is null)
            {
                return new SettingOutcome(settings, Known: false, Error: null);
            }

            updated.Search.Validate();
            return new SettingOutcome(updated, Known: true, Error: null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return new SettingOutcome(settings, Known: true, Error: $"{key}: {e.Message}");
        }
    }

    private static int PositiveInt(string value)
    {
        double number = Number(value);
        if (number < 1 || number > int.MaxValue || number != Math.Floor(number))
        {
            throw new FormatException($"expected a positive integer, got '{value}'");
        }

        return (int)number;
    }

    private static double Number(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            throw new FormatException($"expected a number, got '{value}'");
        }

        return number;
    }

    private static TimeSpan Seconds(string value)
    {
        double seconds = Number(value);
        if (seconds <= 0)
        {
            throw new FormatException($"expected a positive number of seconds, got '{value}'");
        }

        return seconds >= LongestTime.TotalSeconds ? LongestTime : TimeSpan.FromSeconds(seconds);
    }

    private static bool Bool(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"expected true or false, got '{value}'"),
    };

    private static ReportPerspective Perspective(string value) =>
        ReportPerspectiveExtensions.TryParse(value, out var perspective)
            ? perspective
            : throw new FormatException($"expected BLACK, WHITE or SIDETOMOVE, got '{value}'");
}
