using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Store;

/// <summary>
/// What the machines of one run share: the run's config, its networks (one per generation) and the finished
/// self-play games (chunk bytes, one game each, under a unique id). The run folder is one implementation (one
/// machine, or a shared file system), PostgreSQL the other (many machines). The trainer writes config and
/// networks; workers read them and add games. Every call may throw <see cref="StoreUnavailableException"/>
/// (worth retrying) or <see cref="StoreFatalException"/> (one clear line, retrying will not help).
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>Where the store is, for people (a URL without its password, or a folder).</summary>
    string Description { get; }

    /// <summary>Creates or migrates what the store needs (the trainer's job; workers only check).</summary>
    void Prepare();

    /// <summary>Whether the store is ready for workers (prepared by a trainer); false means wait.</summary>
    bool IsPrepared();

    RunConfig? LoadConfig();

    void SaveConfig(RunConfig config);

    /// <summary>The newest published generation, or null while none is.</summary>
    int? NewestGeneration();

    /// <summary>
    /// Publishes the model at <paramref name="modelStem"/> as <paramref name="generation"/> with the result line of
    /// the gate that decided on it (null without a gate); a no-op when the generation is there.
    /// </summary>
    void PublishNetwork(int generation, string modelStem, string? gate = null);

    /// <summary>Copies the network of <paramref name="generation"/> into <paramref name="folder"/>; returns its model stem.</summary>
    string FetchNetwork(int generation, string folder);

    /// <summary>Adds a finished game; true when it was new, false when a game with its id was already there.</summary>
    bool AddGame(StoredGame game);

    /// <summary>The ids of every game in the store.</summary>
    IReadOnlyCollection<Guid> GameIds();

    /// <summary>The games with these ids (those the store has).</summary>
    IReadOnlyList<StoredGame> ReadGames(IReadOnlyCollection<Guid> ids);

    /// <summary>Games made with the network of <paramref name="generation"/>.</summary>
    int CountGames(int generation);

    /// <summary>Blocks until a generation newer than <paramref name="known"/> may have appeared or the timeout passes.</summary>
    void WaitForNewGeneration(int? known, TimeSpan timeout, CancellationToken cancel);

    StoreStatus Status(TimeSpan recent);
}

/// <summary>One finished self-play game as stored: its id, the generation that played it, who played it, the chunk bytes.</summary>
public sealed record StoredGame(Guid Id, int Generation, string Worker, int Moves, byte[] Chunk, DateTimeOffset? UploadedAt = null);

/// <summary>A connection problem that may pass (server restarting, network down): retry with backoff.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A problem retrying will not fix (wrong credentials, missing database, newer schema, no permission).</summary>
public sealed class StoreFatalException(string message, Exception? inner = null) : Exception(message, inner);
