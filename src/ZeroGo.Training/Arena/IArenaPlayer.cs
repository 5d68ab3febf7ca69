using ZeroGo.Go;

namespace ZeroGo.Training.Arena;

/// <summary>
/// A player in an arena game. One instance plays one game at a time on one thread; parallel games each get
/// their own instance from an <see cref="IArenaPlayerFactory"/>.
/// </summary>
public interface IArenaPlayer : IDisposable
{
    string Name { get; }

    /// <summary>Starts a game from <paramref name="start"/> (board size, komi, rules).</summary>
    void NewGame(GameState start);

    /// <summary>
    /// Chooses a move for <see cref="GameState.ToMove"/> in <paramref name="state"/> (the whole game so far:
    /// players that keep their own board catch up on the moves played since their last turn). May resign.
    /// </summary>
    PlayerMove GenerateMove(GameState state);
}

/// <summary>A chosen move with an optional note for the SGF comment (win rate, visits).</summary>
public readonly record struct PlayerMove(Move Move, string? Comment = null);

/// <summary>Creates independent players for parallel games.</summary>
public interface IArenaPlayerFactory : IDisposable
{
    /// <summary>The name in results ("random", "gnugo:1", "model:gen-0003@64").</summary>
    string Name { get; }

    /// <summary>
    /// The name and whatever else decides how it plays that the name does not say (a model's weights), for
    /// <see cref="MatchIdentity"/>: a match resumes only with the same players.
    /// </summary>
    string Identity => Name;

    /// <summary>How many games may run at once for this kind of player (a network shares one batch).</summary>
    int MaxParallelGames { get; }

    IArenaPlayer Create(int slot, ulong seed);
}
