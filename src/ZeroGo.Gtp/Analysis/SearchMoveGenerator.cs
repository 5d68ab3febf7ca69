using ZeroGo.Go;
using ZeroGo.Gtp.Engine;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Analysis;

/// <summary>
/// The search engine behind <c>genmove</c> and the analysis commands: one <see cref="MctsSearch"/> kept across
/// moves (tree reuse), limited by visits and by the clock through <see cref="SearchTimeManager"/>, optionally
/// pondering on the opponent's time. Called on the GTP command thread, one call at a time (as IMoveGenerator
/// promises); the search's own threads report analysis through callbacks.
/// </summary>
/// <remarks>
/// Wiring (the CLI's gtp verb): <c>var engine = new SearchMoveGenerator(evaluator, options, visits);
/// session.MoveGenerator = engine; table.Register(new AnalysisCommands(engine));</c>
/// </remarks>
public sealed class SearchMoveGenerator : IPonderingMoveGenerator
{
    private volatile Task<SearchResult>? _ponder;

    private ResignationCounter _resignation = new(ResignationRule.Never);

    public SearchMoveGenerator(IEvaluator evaluator, SearchOptions? options = null, int? visits = SearchLimits.DefaultMoveVisits,
        TimeSpan? maxTimePerMove = null, bool ponder = false)
    {
        if (visits is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(visits), "visits must be positive");
        }

        Search = new MctsSearch(evaluator, options);
        Visits = visits;
        MaxTimePerMove = maxTimePerMove;
        Ponder = ponder;
    }

    /// <summary>The search (its tree survives between moves; its snapshot may be polled by a GUI).</summary>
    public MctsSearch Search { get; }

    /// <summary>Root visits per move (null: only the clock limits; a move with neither limit gets <see cref="SearchLimits.DefaultMoveVisits"/>).</summary>
    public int? Visits { get; set; }

    /// <summary>Longest thinking time per move, clock or not.</summary>
    public TimeSpan? MaxTimePerMove { get; set; }

    /// <summary>Keep searching the position after our move until the next command needs the engine.</summary>
    public bool Ponder { get; set; }

    /// <summary>When <c>genmove</c> gives the game up (default: never; <c>zerogo gtp</c> sets <see cref="ResignationRule.Default"/>).</summary>
    public ResignationRule Resignation
    {
        get => _resignation.Rule;
        set => _resignation = new ResignationCounter(value);
    }

    /// <summary>The result of the last move generated (for logs and tests).</summary>
    public SearchResult? LastResult { get; private set; }

    public string Name => $"mcts {Search.Evaluator.Name}" + (Visits is int v ? $" {v} visits" : "");

    public Move GenerateMove(GameState state, Color color, TimeBudget time, CancellationToken cancellation)
    {
        var result = Think(state, color, LimitsFor(time), null, TimeSpan.Zero, cancellation);
        var move = Decide(state, result);
        StartPonderingAfter(state, color, move);
        return move;
    }

    /// <summary>
    /// The answer to a move request for <paramref name="state"/> (before the move) searched into
    /// <paramref name="result"/>: its move, or a resignation when <see cref="Resignation"/> says the game is lost.
    /// </summary>
    public Move Decide(GameState state, SearchResult result) =>
        !result.Move.IsResign && _resignation.ShouldResign(state.Moves.Count, result.Snapshot.WinRate, state.Geometry.Area)
            ? Move.Resign
            : result.Move;

    /// <summary>
    /// Searches <paramref name="state"/> with <paramref name="color"/> to move within <paramref name="limits"/>,
    /// calling <paramref name="report"/> every <paramref name="interval"/> (when positive) with the analysis,
    /// never exploring the moves <paramref name="restrictions"/> rule out.
    /// </summary>
    public SearchResult Think(GameState state, Color color, SearchLimits limits, Action<SearchSnapshot>? report,
        TimeSpan interval, CancellationToken cancellation, MoveRestrictions? restrictions = null)
    {
        StopPondering();
        Search.Restrictions = restrictions ?? MoveRestrictions.None;
        var position = state.Clone();
        if (position.ToMove != color)
        {
            position.SetToMove(color);
        }

        Search.SetPosition(position);
        Action<SearchSnapshot>? handler = null;
        if (report is not null && interval > TimeSpan.Zero)
        {
            handler = snapshot =>
            {
                if (snapshot.Candidates.Count > 0)
                {
                    report(snapshot);
                }
            };
            Search.ProgressInterval = interval;
            Search.Progress += handler;
        }

        try
        {
            var result = Search.Run(limits, cancellation);
            LastResult = result;
            return result;
        }
        finally
        {
            if (handler is not null)
            {
                Search.Progress -= handler;
            }
        }
    }

    /// <summary>Visits and time for one move: the configured visits, the clock's share, the per-move cap.</summary>
    public SearchLimits LimitsFor(TimeBudget time)
    {
        var thinking = SearchTimeManager.ThinkingTime(time);
        if (MaxTimePerMove is TimeSpan cap && (thinking is null || cap < thinking))
        {
            thinking = cap;
        }

        int? visits = Visits ?? (thinking is null ? SearchLimits.DefaultMoveVisits : null);
        return new SearchLimits { MaxVisits = visits, MaxTime = thinking };
    }

    /// <summary>Starts pondering on the position after <paramref name="move"/> when <see cref="Ponder"/> is on.</summary>
    public void StartPonderingAfter(GameState state, Color color, Move move)
    {
        if (!Ponder || move.IsResign)
        {
            return;
        }

        var next = state.Clone();
        if (next.ToMove != color)
        {
            next.SetToMove(color);
        }

        if (next.TryPlay(color, move) == MoveLegality.Legal)
        {
            StartPondering(next);
        }
    }

    /// <summary>Searches <paramref name="state"/> in the background when <see cref="Ponder"/> is on (until the next call).</summary>
    public void StartPondering(GameState state)
    {
        if (!Ponder)
        {
            return;
        }

        StopPondering();
        Search.Restrictions = MoveRestrictions.None;
        Search.SetPosition(state.Clone());
        _ponder = Search.Start(SearchLimits.Infinite);
    }

    /// <summary>Ends pondering (keeps its tree for the next move).</summary>
    public void StopPondering()
    {
        Search.Stop();
        _ponder = null;
    }

    /// <summary>True from <see cref="StartPondering"/> until it is stopped or ends on its own (memory cap), even before its thread runs.</summary>
    public bool IsPondering => _ponder is { IsCompleted: false };
}
