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

    /// <summary>Stop early when the SPRT decides (null: play every game).</summary>
    public Sprt? Sprt { get; init; }

    public int EffectiveMoveCap => MoveCap > 0 ? MoveCap : 3 * Size * Size;
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
/// Plays a match between two players: colours alternate (A is Black in even games), games run in parallel,
/// each ends by two passes, a resignation or the move cap, and is counted by Tromp-Taylor area.
/// </summary>
public sealed class ArenaMatch(IArenaPlayerFactory a, IArenaPlayerFactory b, ArenaOptions options)
{
    /// <summary>Called (under a lock, in finishing order) after each game with the running statistics.</summary>
    public event Action<ArenaGame, MatchStatistics>? GameFinished;

    public MatchStatistics Run(CancellationToken cancel = default)
    {
        var stats = new MatchStatistics();
        int next = 0;
        bool stop = false;
        var gate = new object();
        int parallel = Math.Max(1, Math.Min(options.Parallel, Math.Min(a.MaxParallelGames, b.MaxParallelGames)));
        parallel = Math.Min(parallel, options.Games);
        var workers = Enumerable.Range(0, parallel).Select(slot => Task.Factory.StartNew(() =>
        {
            using var playerA = a.Create(slot, options.Seed * 7919 + (ulong)slot * 2 + 1);
            using var playerB = b.Create(slot, options.Seed * 7919 + (ulong)slot * 2 + 2);
            while (!cancel.IsCancellationRequested)
            {
                int index;
                lock (gate)
                {
                    if (stop || next >= options.Games)
                    {
                        return;
                    }

                    index = next++;
                }

                var game = PlayOne(index, playerA, playerB, cancel);
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
        }, cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(workers, CancellationToken.None);
        return stats;
    }

    private ArenaGame? PlayOne(int index, IArenaPlayer playerA, IArenaPlayer playerB, CancellationToken cancel)
    {
        bool aIsBlack = index % 2 == 0;
        var black = aIsBlack ? playerA : playerB;
        var white = aIsBlack ? playerB : playerA;
        var state = new GameState(BoardGeometry.Get(options.Size), new Rules { Komi = options.Komi });
        var builder = new GameRecordBuilder(state);
        var comments = new List<string?>();
        black.NewGame(state.Clone());
        white.NewGame(state.Clone());
        var resigned = Color.Empty;
        int cap = options.EffectiveMoveCap;
        while (!state.IsOver && state.Moves.Count < cap)
        {
            if (cancel.IsCancellationRequested)
            {
                return null;
            }

            var mover = state.ToMove == Color.Black ? black : white;
            var choice = mover.GenerateMove(state);
            if (choice.Move.IsResign)
            {
                resigned = state.ToMove;
                break;
            }

            var verdict = state.TryPlay(choice.Move);
            if (verdict != MoveLegality.Legal)
            {
                throw new InvalidOperationException(
                    $"{mover.Name} played an illegal move {choice.Move} as {state.ToMove} in game {index + 1}: {verdict.Describe()}");
            }

            builder.Add(state.Moves[^1].Color, choice.Move, ReadOnlySpan<float>.Empty, false, 0, 0);
            comments.Add(choice.Comment);
        }

        var record = builder.Finish(state, resigned, $"arena game {index + 1}", index + 1, -1);
        double score = resigned.IsPlayer() ? 0 : state.ScoreForBlack();
        var winner = resigned.IsPlayer() ? resigned.Opponent() : state.Winner();
        return new ArenaGame(index, aIsBlack, winner, score, resigned, !state.IsOver && !resigned.IsPlayer(),
            record, comments, black.Name, white.Name);
    }
}
