using ZeroGo.Go;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.SelfPlay;

/// <summary>One finished self-play game: its training record and what people read in its SGF.</summary>
public sealed record SelfPlayGame(
    GameRecord Record,
    IReadOnlyList<string> Comments,
    Color ResignedBy,
    /// <summary>In a play-through game: the first player the resignation rule would have resigned for (Empty if none).</summary>
    Color WouldHaveResigned,
    bool PlayedThrough,
    int Evaluations,
    TimeSpan Elapsed)
{
    /// <summary>A play-through game where the player that would have resigned went on to win.</summary>
    public bool FalseResignation =>
        PlayedThrough && WouldHaveResigned.IsPlayer()
        && Record.Winner == (WouldHaveResigned == Color.Black ? 1 : -1);
}

/// <summary>Running totals of a self-play session (thread-safe snapshot object).</summary>
public sealed record SelfPlayProgress(
    int GamesDone,
    int GamesTarget,
    long Moves,
    long Visits,
    TimeSpan Elapsed,
    int PlayThroughGames,
    int WouldHaveResigned,
    int FalseResignations)
{
    public double GamesPerHour => Elapsed.TotalHours > 0 ? GamesDone / Elapsed.TotalHours : 0;

    public double MovesPerSecond => Elapsed.TotalSeconds > 0 ? Moves / Elapsed.TotalSeconds : 0;

    public double VisitsPerSecond => Elapsed.TotalSeconds > 0 ? Visits / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time to finish the target, from the rate so far (null before the first game).</summary>
    public TimeSpan? Eta => GamesDone == 0 ? null : TimeSpan.FromSeconds(Elapsed.TotalSeconds / GamesDone * (GamesTarget - GamesDone));

    /// <summary>Share of play-through games where a resignation would have been wrong.</summary>
    public double FalseResignationRate => WouldHaveResigned == 0 ? 0 : (double)FalseResignations / WouldHaveResigned;
}
