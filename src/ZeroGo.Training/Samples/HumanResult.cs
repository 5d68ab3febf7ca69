namespace ZeroGo.Training.Samples;

/// <summary>
/// The result of a human game as a value target. A win by resignation or by points says who was ahead; a win
/// on time, by forfeit or by disconnection says little about the positions (AlphaGo's and KataGo's trainers drop
/// them), so such a game keeps its winner for people but gives no value target.
/// </summary>
/// <param name="Winner">+1 Black, -1 White, 0 unknown or draw.</param>
/// <param name="HasValueTarget">True when the positions may learn the value from this result.</param>
/// <param name="Text">The result as written.</param>
public readonly record struct HumanResult(sbyte Winner, bool HasValueTarget, string Text)
{
    /// <summary>
    /// Reads "B+Resign", "W+R", "B+2.5", "W+" (points), "B+Time", "W+T", "B+F", "B+Forfeit", "W+Offline";
    /// anything else (void, draw, "?") has no winner.
    /// </summary>
    public static HumanResult Parse(string? text)
    {
        string trimmed = (text ?? "").Trim();
        string upper = trimmed.ToUpperInvariant();
        sbyte winner = upper.StartsWith("B+", StringComparison.Ordinal) ? (sbyte)1
            : upper.StartsWith("W+", StringComparison.Ordinal) ? (sbyte)-1
            : (sbyte)0;
        if (winner == 0)
        {
            return new HumanResult(0, false, trimmed);
        }

        string how = upper[2..];
        bool decidedOnBoard = how.Length == 0 || how is "R" or "RESIGN" || double.TryParse(how,
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        return new HumanResult(winner, decidedOnBoard, trimmed);
    }

    /// <summary>Why the result gives no value target (null when it does).</summary>
    public string? WhyNoValue => HasValueTarget ? null
        : Winner == 0 ? $"no winner in result '{Text}'"
        : $"result '{Text}' was not decided on the board";
}
