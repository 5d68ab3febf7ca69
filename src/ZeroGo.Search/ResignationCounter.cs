namespace ZeroGo.Search;

/// <summary>
/// Counts one player's consecutive hopeless moves for a <see cref="ResignationRule"/>. A move counts only when it
/// follows that player's previous move (two plies later): after an undo, or when the AI is asked to move for the
/// other side, the count starts again, so a take-back never makes it resign at once.
/// </summary>
public sealed class ResignationCounter(ResignationRule rule)
{
    private int _hopelessInARow;
    private int _lastMoveNumber = -1;

    public ResignationRule Rule { get; } = rule;

    /// <summary>
    /// Records the win rate of the player to move before move <paramref name="movesPlayed"/> + 1 on a board of
    /// <paramref name="area"/> points; true when the rule says resign now.
    /// </summary>
    public bool ShouldResign(int movesPlayed, double winRateForMover, int area)
    {
        bool continues = _lastMoveNumber >= 0 && movesPlayed == _lastMoveNumber + 2;
        _lastMoveNumber = movesPlayed;
        if (!Rule.Enabled || double.IsNaN(winRateForMover) || winRateForMover >= Rule.WinRateBelow)
        {
            _hopelessInARow = 0;
            return false;
        }

        _hopelessInARow = continues ? _hopelessInARow + 1 : 1;
        return _hopelessInARow >= Rule.ConsecutiveMoves && movesPlayed >= Rule.MinMoves(area);
    }
}
