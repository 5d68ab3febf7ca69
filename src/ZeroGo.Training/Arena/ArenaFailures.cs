namespace ZeroGo.Training.Arena;

/// <summary>
/// A player could not take part in a game: its engine failed to start, crashed, timed out, answered something
/// that is not a move, or chose an illegal move. The game it happened in is not scored.
/// </summary>
public sealed class ArenaPlayerException(string playerName, int gameNumber, string what, Exception? inner = null)
    : Exception($"{playerName} failed in arena game {gameNumber}: {what}", inner)
{
    public string PlayerName { get; } = playerName;

    /// <summary>1-based, as in the SGF file names.</summary>
    public int GameNumber { get; } = gameNumber;
}

/// <summary>
/// The match stopped because a game could not be finished even after a retry with fresh players. Games
/// finished before it were scored (<see cref="Statistics"/>); the failed game was not.
/// </summary>
public sealed class ArenaAbortedException(ArenaPlayerException cause, MatchStatistics statistics)
    : InvalidOperationException(
        $"arena stopped: {cause.Message}; game {cause.GameNumber} was not scored " +
        $"({statistics.Games} games finished before it: {statistics.Summary()})", cause)
{
    public ArenaPlayerException Cause { get; } = cause;

    public MatchStatistics Statistics { get; } = statistics;
}

/// <summary>A game that failed through a player's fault; <paramref name="Retrying"/> says whether it is replayed.</summary>
public readonly record struct ArenaGameFailure(int Index, ArenaPlayerException Error, bool Retrying);
