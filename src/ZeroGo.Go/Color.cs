namespace ZeroGo.Go;

/// <summary>What occupies a board point; Black and White double as the two players.</summary>
public enum Color : byte
{
    Empty = 0,
    Black = 1,
    White = 2,
    /// <summary>The padding ring around the board (never a player).</summary>
    Border = 3,
}

public static class ColorExtensions
{
    /// <summary>The other player. Only meaningful for Black and White.</summary>
    public static Color Opponent(this Color color) => (Color)(3 - (int)color);

    public static bool IsPlayer(this Color color) => color is Color.Black or Color.White;

    /// <summary>"B"/"W" as SGF and GTP abbreviate the players.</summary>
    public static string Letter(this Color color) => color switch
    {
        Color.Black => "B",
        Color.White => "W",
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "not a player"),
    };
}
