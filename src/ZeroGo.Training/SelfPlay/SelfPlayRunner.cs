using System.Diagnostics;
using System.Globalization;
using ZeroGo.Go;
using ZeroGo.Search;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.SelfPlay;

/// <summary>
/// Plays self-play games, many at once (one thread each; they block in the shared batched evaluator, which
/// is what fills its batches). Per move: a full search with probability p (policy target, exploration noise)
/// or a cheap one; temperature-1 sampling for the opening; resignation, except in a share of games that are
/// played through to count false resignations. Finished games are handed to <see cref="GameFinished"/>.
/// </summary>
public sealed class SelfPlayRunner
{
    private readonly Func<int, IMoveSearcher> _createSearcher;
    private readonly SelfPlaySettings _settings;
    private readonly int _size;
    private readonly double _komi;
    private readonly ulong _seed;
    private readonly int _generation;

    /// <param name="createSearcher">Makes a searcher for one game (argument: game number, for seeding).</param>
    public SelfPlayRunner(Func<int, IMoveSearcher> createSearcher, SelfPlaySettings settings, int size, double komi, ulong seed, int generation)
    {
        _createSearcher = createSearcher;
        _settings = settings;
        _size = size;
        _komi = komi;
        _seed = seed;
        _generation = generation;
    }

    /// <summary>Called under a lock, in finishing order, for each finished game (write it to disk here).</summary>
    public event Action<SelfPlayGame, SelfPlayProgress>? GameFinished;

    /// <summary>
    /// Plays the games numbered <paramref name="gameNumbers"/>; returns the totals. Once <paramref name="stopStarting"/>
    /// says so, no new game starts and the games in progress are finished (a worker switching networks).
    /// </summary>
    public SelfPlayProgress Run(IReadOnlyList<int> gameNumbers, CancellationToken cancel = default, Func<bool>? stopStarting = null)
    {
        var clock = Stopwatch.StartNew();
        var gate = new object();
        int next = 0, done = 0, playThrough = 0, wouldResign = 0, falseResign = 0;
        long moves = 0, visits = 0;
        Exception? failure = null;
        SelfPlayProgress Snapshot() => new(done, gameNumbers.Count, Interlocked.Read(ref moves), Interlocked.Read(ref visits),
            clock.Elapsed, playThrough, wouldResign, falseResign);

        int threads = Math.Max(1, Math.Min(_settings.ConcurrentGames, gameNumbers.Count));
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                try
                {
                    while (!cancel.IsCancellationRequested)
                    {
                        int number;
                        lock (gate)
                        {
                            if (next >= gameNumbers.Count || failure is not null || stopStarting?.Invoke() == true)
                            {
                                return;
                            }

                            number = gameNumbers[next++];
                        }

                        var game = PlayGame(number, ref moves, ref visits, cancel);
                        if (game is null)
                        {
                            return;
                        }

                        lock (gate)
                        {
                            done++;
                            if (game.PlayedThrough)
                            {
                                playThrough++;
                                if (game.WouldHaveResigned.IsPlayer())
                                {
                                    wouldResign++;
                                    falseResign += game.FalseResignation ? 1 : 0;
                                }
                            }

                            GameFinished?.Invoke(game, Snapshot());
                        }
                    }
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                    }
                }
            })
            { IsBackground = true, Name = $"selfplay {t}" };
            workers[t].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"self-play failed: {failure.Message}", failure);
        }

        return Snapshot();
    }

    private SelfPlayGame? PlayGame(int number, ref long totalMoves, ref long totalVisits, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var random = new FastRandom(_seed * 0x9E3779B97F4A7C15UL + (ulong)number * 0xD1B54A32D192ED03UL + (ulong)_generation);
        using var searcher = _createSearcher(number);
        var state = new GameState(BoardGeometry.Get(_size), new Rules { Komi = _komi });
        var builder = new GameRecordBuilder(state);
        var comments = new List<string>();
        // Before the run's resignation guard lifts, every game plays through (its would-be resignations still count).
        bool playThrough = random.NextDouble() < _settings.ResignPlayThroughShare || _generation < _settings.ResignFromGeneration;
        // Self-play resigns from the first move on (no opening bound): its false-resignation share is measured instead.
        var rule = new ResignationRule(_settings.ResignWinRate, _settings.ResignConsecutiveMoves, MinMoveShareOfArea: 0);
        var hopeless = new Dictionary<Color, ResignationCounter> { [Color.Black] = new(rule), [Color.White] = new(rule) };
        var resigned = Color.Empty;
        var wouldHaveResigned = Color.Empty;
        int cap = Math.Max(4, (int)(_settings.MoveCapFactor * _size * _size));
        int evaluations = 0;
        while (!state.IsOver && state.Moves.Count < cap)
        {
            if (cancel.IsCancellationRequested)
            {
                return null;
            }

            bool full = random.NextDouble() < _settings.FullSearchProbability;
            var result = searcher.Search(state, full);
            evaluations += result.NewPlayouts;
            Interlocked.Add(ref totalVisits, result.NewPlayouts);
            var color = state.ToMove;

            // Resignation: the side to move's win rate stayed hopeless for several of its moves.
            if (hopeless[color].ShouldResign(state.Moves.Count, result.WinRate, state.Geometry.Area))
            {
                if (!playThrough)
                {
                    resigned = color;
                    break;
                }

                if (!wouldHaveResigned.IsPlayer())
                {
                    wouldHaveResigned = color;
                }
            }

            var move = ChooseMove(state, result, searcher.ChoosesWithNoise, ref random);
            builder.Add(color, move, result.Policy, isPolicyTarget: full, rootValue: (float)(2 * result.WinRate - 1), visits: result.Visits);
            comments.Add(string.Create(CultureInfo.InvariantCulture,
                $"{color.Letter()} win rate {100 * result.WinRate:0.0}%, {result.Visits} visits{(full ? " (full search)" : "")}"));
            state.Play(color, move);
            Interlocked.Increment(ref totalMoves);
        }

        var record = builder.Finish(state, resigned, $"selfplay {RunDirectory.GenerationName(_generation)} game {number}", number, _generation);
        return new SelfPlayGame(record, comments, resigned, wouldHaveResigned, playThrough, evaluations, clock.Elapsed);
    }

    /// <summary>Opening moves in proportion to the policy target (temperature 1); later, the search's choice.</summary>
    private Move ChooseMove(GameState state, MoveSearchResult result, bool searchChoseWithNoise, ref FastRandom random)
    {
        if (searchChoseWithNoise || state.Moves.Count >= _settings.TemperatureMoves)
        {
            return result.BestMove;
        }

        double draw = random.NextDouble(), sum = 0;
        var geometry = state.Geometry;
        for (int i = 0; i < result.Policy.Length; i++)
        {
            sum += result.Policy[i];
            if (draw < sum && result.Policy[i] > 0)
            {
                var move = i == geometry.Area ? Move.Pass : Move.At(geometry.FromDense(i));
                if (state.IsLegal(state.ToMove, move))
                {
                    return move;
                }
            }
        }

        return result.BestMove;
    }
}
