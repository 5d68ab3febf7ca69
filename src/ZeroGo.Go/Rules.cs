namespace ZeroGo.Go;

/// <summary>Which repetitions are forbidden.</summary>
public enum KoRule
{
    /// <summary>Only the immediate recapture of a single-stone ko.</summary>
    Simple,
    /// <summary>No move may recreate an earlier position with the same player to move.</summary>
    Situational,
    /// <summary>No move may recreate any earlier position (the default, as in Chinese and Tromp-Taylor rules).</summary>
    Positional,
}

/// <summary>The rules a game is played under. Scoring is always by area (Tromp-Taylor count).</summary>
public sealed record Rules
{
    public static Rules Default { get; } = new();

    /// <summary>Tromp-Taylor: positional superko, suicide allowed.</summary>
    public static Rules TrompTaylor { get; } = new() { SuicideAllowed = true };

    /// <summary>Points given to White.</summary>
    public double Komi { get; init; } = 7.5;

    public KoRule KoRule { get; init; } = KoRule.Positional;

    /// <summary>Multi-stone suicide allowed (Tromp-Taylor, New Zealand); forbidden by default.</summary>
    public bool SuicideAllowed { get; init; }

    public override string ToString() =>
        $"komi {Komi.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {KoRule.ToString().ToLowerInvariant()} ko, suicide {(SuicideAllowed ? "allowed" : "forbidden")}";
}
