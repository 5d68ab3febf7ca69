using ZeroGo.Go;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Arena;

/// <summary>Settings of one arena match.</summary>
public sealed record ArenaOptions
{
    public int Size { get; init; } = 9;

    public double Komi { get; init; } = 7.5;

    public int Games { get; init; } = 10;

    /// <summary>Games played at once (each with its own pair of players).</summary>
    public int Parallel { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Moves after which the game is counted as it stands (0: 3 × board area).</summary>
    public int MoveCap { get; init; }

    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Random moves that open every game before the players take over (null: <see cref="DefaultOpeningMoves"/>
    /// for the size; 0: none). Networks without noise and GNU Go are deterministic: without a random opening a
    /// match of 40 games between two of them is the same two games repeated. Games 2k and 2k+1 share their
    /// opening with colours swapped, so an unbalanced opening favours neither player.
    /// </summary>
    public int? OpeningMoves { get; init; }

    public int EffectiveOpeningMoves => OpeningMoves ?? DefaultOpeningMoves(Size);

    /// <summary>About one random stone per 16 points, 2..8 (9x9: 5).</summary>
    public static int DefaultOpeningMoves(int size) => Math.Clamp(size * size / 16, 2, 8);

    /// <summary>Times a game is tried when a player fails in it (fresh players each time) before the match stops.</summary>
    public int AttemptsPerGame { get; init; } = 2;

    /// <summary>Stop early when the SPRT decides (null: play every game).</summary>
    public Sprt? Sprt { get; init; }

    public int EffectiveMoveCap => MoveCap > 0 ? MoveCap : 3 * Size * Size;

    /// <summary>
    /// Games of this match already played (by 0-based index, A's result), as a resumed match read them back
    /// (<see cref="SavedArenaGames"/>): they count in the statistics and are not played again.
    /// </summary>
    public IReadOnlyDictionary<int, GameOutcome> AlreadyPlayed { get; init; } = new Dictionary<int, GameOutcome>();
}

/// <summary>One finished arena game.</summary>
public sealed record ArenaGame(
    int Index,
    bool AIsBlack,
    Color Winner,
    double ScoreForBlack,
    Color ResignedBy,
    bool HitMoveCap,
    GameRecord Record,
    IReadOnlyList<string?> Comments,
    string BlackName,
    string WhiteName)
{
    public GameOutcome OutcomeForA =>
        Winner == Color.Empty ? GameOutcome.Draw : (Winner == Color.Black) == AIsBlack ? GameOutcome.Win : GameOutcome.Loss;

    /// <summary>SGF result text: "B+R", "W+3.5", "0".</summary>
    public string ResultText => ResignedBy.IsPlayer()
        ? (ResignedBy == Color.White ? "B+R" : "W+R")
        : GameState.FormatResult(ScoreForBlack);
}

/// <summary>
/// Plays a match between two players: colours alternate (A is Black in even games), games run in parallel, each
/// starts with a few random moves (shared by the two games of a colour-swapped pair), ends by two passes, a
/// resignation or the move cap, and is counted by Tromp-Taylor area.
/// A player that fails (engine crash, timeout, nonsense answer, illegal move) never decides a game: the game is
/// replayed with freshly created players up to <see cref="ArenaOptions.AttemptsPerGame"/> times, and when it
/// still fails the match stops with <see cref="ArenaAbortedException"/>.
/// </summary>
public sealed class ArenaMatch(IArenaPlayerFactory a, IArenaPlayerFactory b, ArenaOptions options)
{
    /// <summary>Called (under a lock, in finishing order) after each game with the running statistics.</summary>
    public event Action<ArenaGame, MatchStatistics>? GameFinished;

    /// <summary>Called (under a lock) when a game failed through a player's fault, before it is retried or the match stops.</summary>
    public event Action<ArenaGameFailure>? GameFailed;

    public MatchStatistics Run(CancellationToken cancel = default)
    {
        var stats = new MatchStatistics();
        foreach (var (index, outcome) in options.AlreadyPlayed)
        {
            if (index < options.Games)
            {
                stats = stats.Add(outcome);
            }
        }

        int next = 0;
        bool stop = options.Sprt?.Decide(stats) is not null;
        ArenaPlayerException? abortCause = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? unexpected = null;
        var gate = new object();
        int parallel = Math.Max(1, Math.Min(options.Parallel, Math.Min(a.MaxParallelGames, b.MaxParallelGames)));
        int toPlay = Enumerable.Range(0, options.Games).Count(i => !options.AlreadyPlayed.ContainsKey(i));
        parallel = Math.Max(1, Math.Min(parallel, toPlay));
        int attempts = Math.Max(1, options.AttemptsPerGame);
        var workers = Enumerable.Range(0, parallel).Select(slot => Task.Factory.StartNew(() =>
        {
            var pair = new PlayerPair(a, b, slot, options.Seed);
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    int index;
                    lock (gate)
                    {
                        while (next < options.Games && options.AlreadyPlayed.ContainsKey(next))
                        {
                            next++;
                        }

                        if (stop || next >= options.Games)
                        {
                            return;
                        }

                        index = next++;
                    }

                    ArenaGame? game = null;
                    for (int attempt = 1; ; attempt++)
                    {
                        try
                        {
                            pair.EnsureCreated(index + 1);
                            game = PlayOne(index, pair.A!, pair.B!, cancel);
                            break;
                        }
                        catch (ArenaPlayerException failure)
                        {
                            // The engine may be broken for good (dead process, out-of-step pipe): start fresh ones.
                            pair.Dispose();
                            bool retrying = attempt < attempts && !cancel.IsCancellationRequested;
                            lock (gate)
                            {
                                retrying &= !stop;
                                GameFailed?.Invoke(new ArenaGameFailure(index, failure, retrying));
                                if (!retrying)
                                {
                                    stop = true;
                                    abortCause ??= failure;
                                }
                            }

                            if (!retrying)
                            {
                                return;
                            }
                        }
                    }

                    if (game is null)
                    {
                        return;
                    }

                    lock (gate)
                    {
                        stats = stats.Add(game.OutcomeForA);
                        GameFinished?.Invoke(game, stats);
                        if (options.Sprt?.Decide(stats) is not null)
                        {
                            stop = true;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // Not a player's fault (e.g. the GameFinished handler could not write): stop everyone, rethrow once.
                lock (gate)
                {
                    stop = true;
                    unexpected ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }
            }
            finally
            {
                pair.Dispose();
            }
        }, cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(workers, CancellationToken.None);
        unexpected?.Throw();
        if (abortCause is not null)
        {
            throw new ArenaAbortedException(abortCause, stats);
        }

        return stats;
    }

    private ArenaGame? PlayOne(int index, IArenaPlayer playerA, IArenaPlayer playerB, CancellationToken cancel)
    {
        int number = index + 1;
        bool aIsBlack = index % 2 == 0;
        var black = aIsBlack ? playerA : playerB;
        var white = aIsBlack ? playerB : playerA;
        var state = new GameState(BoardGeometry.Get(options.Size), new Rules { Komi = options.Komi });
        var builder = new GameRecordBuilder(state);
        var comments = new List<string?>();
        Guard(black, number, "starting a game", () => black.NewGame(state.Clone()));
        Guard(white, number, "starting a game", () => white.NewGame(state.Clone()));
        var resigned = Color.Empty;
        int cap = options.EffectiveMoveCap;
        PlayOpening(index, state, builder, comments);
        while (!state.IsOver && state.Moves.Count < cap)
        {
            if (cancel.IsCancellationRequested)
            {
                return null;
            }

            var mover = state.ToMove == Color.Black ? black : white;
            var choice = Guard(mover, number, $"choosing move {state.Moves.Count + 1}", () => mover.GenerateMove(state));
            if (choice.Move.IsResign)
            {
                resigned = state.ToMove;
                break;
            }

            var color = state.ToMove;
            var verdict = state.TryPlay(choice.Move);
            if (verdict != MoveLegality.Legal)
            {
                throw new ArenaPlayerException(mover.Name, number,
                    $"illegal move {choice.Move} as {color} at move {state.Moves.Count + 1}: {verdict.Describe()}");
            }

            builder.Add(state.Moves[^1].Color, choice.Move, ReadOnlySpan<float>.Empty, false, 0, 0);
            comments.Add(choice.Comment);
        }

        var record = builder.Finish(state, resigned, $"arena game {number}", number, -1);
        double score = resigned.IsPlayer() ? 0 : state.ScoreForBlack();
        var winner = resigned.IsPlayer() ? resigned.Opponent() : state.Winner();
        return new ArenaGame(index, aIsBlack, winner, score, resigned, !state.IsOver && !resigned.IsPlayer(),
            record, comments, black.Name, white.Name);
    }

    /// <summary>The random opening of game <paramref name="index"/>: the same for both games of a colour-swapped pair.</summary>
    private void PlayOpening(int index, GameState state, GameRecordBuilder builder, List<string?> comments)
    {
        int moves = Math.Min(options.EffectiveOpeningMoves, options.EffectiveMoveCap);
        var opener = new RandomPlayer(options.Seed * 0x9E3779B97F4A7C15UL + (ulong)(index / 2) * 2 + 1);
        for (int i = 0; i < moves && !state.IsOver; i++)
        {
            var move = opener.GenerateMove(state).Move;
            if (move.IsPass || state.TryPlay(move) != MoveLegality.Legal)
            {
                break;   // nowhere left to play at random: the players take over
            }

            builder.Add(state.Moves[^1].Color, move, ReadOnlySpan<float>.Empty, false, 0, 0);
            comments.Add("random opening move");
        }
    }

    private static void Guard(IArenaPlayer player, int gameNumber, string doing, Action action) =>
        Guard(player, gameNumber, doing, () =>
        {
            action();
            return 0;
        });

    /// <summary>Runs a player's call; whatever it throws becomes an <see cref="ArenaPlayerException"/> naming it.</summary>
    private static T Guard<T>(IArenaPlayer player, int gameNumber, string doing, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not ArenaPlayerException and not OperationCanceledException)
        {
            throw new ArenaPlayerException(player.Name, gameNumber, $"{doing}: {e.Message}", e);
        }
    }

    /// <summary>The two players of one parallel slot, created on first use and again after a failure.</summary>
    private sealed class PlayerPair(IArenaPlayerFactory factoryA, IArenaPlayerFactory factoryB, int slot, ulong seed) : IDisposable
    {
        private int _generation;

        public IArenaPlayer? A { get; private set; }

        public IArenaPlayer? B { get; private set; }

        public void EnsureCreated(int gameNumber)
        {
            // Fresh players after a failure get other seeds, so a seeded player does not repeat the same game.
            ulong salt = (ulong)_generation * 1_000_003UL;
            A ??= Create(factoryA, slot, gameNumber, seed * 7919 + (ulong)slot * 2 + 1 + salt);
            B ??= Create(factoryB, slot, gameNumber, seed * 7919 + (ulong)slot * 2 + 2 + salt);
        }

        private static IArenaPlayer Create(IArenaPlayerFactory factory, int slot, int gameNumber, ulong seed)
        {
            try
            {
                return factory.Create(slot, seed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ArenaPlayerException(factory.Name, gameNumber, $"could not start: {e.Message}", e);
            }
        }

        public void Dispose()
        {
            if (A is not null || B is not null)
            {
                _generation++;
            }

            DisposeQuietly(A);
            DisposeQuietly(B);
            A = null;
            B = null;
        }

        private static void DisposeQuietly(IArenaPlayer? player)
        {
            try
            {
                player?.Dispose();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // a crashed engine may fail to say goodbye; it is being replaced anyway
            }
        }
    }
}
