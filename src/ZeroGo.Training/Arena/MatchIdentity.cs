using System.Globalization;

namespace ZeroGo.Training.Arena;

/// <summary>
/// What makes two runs of the arena the same match, so that a stopped one can resume in its folder: the engines
/// (a model by its weights' hash, not its path: a file replaced in between is another player), board size, komi,
/// seed (which fixes the random openings), opening moves and move cap. Not the number of games (a resumed match may
/// be lengthened) nor how many run at once.
/// </summary>
public static class MatchIdentity
{
    public static string Of(IArenaPlayerFactory a, IArenaPlayerFactory b, ArenaOptions options, double scoreUtility = 0)
    {
        string identity = string.Create(CultureInfo.InvariantCulture,
            $"{a.Identity} vs {b.Identity}; {options.Size}x{options.Size}, komi {options.Komi}, seed {options.Seed}, {options.EffectiveOpeningMoves} opening moves, move cap {options.EffectiveMoveCap}");
        return scoreUtility == 0 ? identity : identity + string.Create(CultureInfo.InvariantCulture, $", score utility {scoreUtility}");
    }
}
