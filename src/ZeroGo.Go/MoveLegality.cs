namespace ZeroGo.Go;

/// <summary>Whether a move may be played, and if not, why (shown to players and GTP clients).</summary>
public enum MoveLegality
{
    Legal,
    OffBoard,
    Occupied,
    Suicide,
    /// <summary>Immediate recapture of a single-stone ko.</summary>
    Ko,
    /// <summary>Would repeat an earlier position (positional or situational superko).</summary>
    Superko,
    GameOver,
}

public static class MoveLegalityExtensions
{
    /// <summary>A short reason for people: "occupied", "suicide", "ko" …</summary>
    public static string Describe(this MoveLegality legality) => legality switch
    {
        MoveLegality.Legal => "legal",
        MoveLegality.OffBoard => "off the board",
        MoveLegality.Occupied => "occupied",
        MoveLegality.Suicide => "suicide",
        MoveLegality.Ko => "ko",
        MoveLegality.Superko => "superko (repeats an earlier position)",
        MoveLegality.GameOver => "the game is over",
        _ => legality.ToString(),
    };
}
