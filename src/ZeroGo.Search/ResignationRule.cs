using System.Globalization;

namespace ZeroGo.Search;

/// <summary>
/// When a player gives a game up (the desktop's AI, the GTP engine), as Leela Zero and KataGo do: its own win rate has stayed below
/// <see cref="WinRateBelow"/> for <see cref="ConsecutiveMoves"/> of its moves in a row, and the game is past its
/// opening (<see cref="MinMoveShareOfArea"/> of the board's points played), where a small network's value is least
/// reliable. Without it a lost AI plays on until every one of its stones is captured.
/// </summary>
public sealed record ResignationRule(double WinRateBelow, int ConsecutiveMoves, double MinMoveShareOfArea)
{
    /// <summary>Below 3 % three moves running, after a quarter of the board's points (20 moves on 9x9, 90 on 19x19).</summary>
    public static ResignationRule Default { get; } = new(0.03, 3, 0.25);

    /// <summary>Plays every game out.</summary>
    public static ResignationRule Never { get; } = new(0, int.MaxValue, 0);

    public bool Enabled => WinRateBelow > 0 && ConsecutiveMoves < int.MaxValue;

    public int MinMoves(int area) => (int)Math.Ceiling(area * MinMoveShareOfArea);

    /// <summary>Why it resigned, for the board's status line and the game record.</summary>
    public string Reason => string.Create(CultureInfo.InvariantCulture,
        $"its win rate stayed below {WinRateBelow * 100:0.#}% for {ConsecutiveMoves} moves");
}
