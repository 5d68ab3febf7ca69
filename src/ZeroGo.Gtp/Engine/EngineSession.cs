using ZeroGo.Go;

namespace ZeroGo.Gtp.Engine;

/// <summary>
/// One engine's game as a controller (GTP, later the desktop board) drives it: the game state, board size, rules
/// and komi, the clocks, and the move generator. Every change goes through a method that checks its input
/// first and changes nothing when it fails, so a rejected command never leaves a half-applied state.
/// Not thread-safe: one controller thread owns a session.
/// </summary>
public sealed class EngineSession
{
    private readonly Dictionary<Color, PlayerClock> _clocks = [];

    public EngineSession(IMoveGenerator moveGenerator, Rules? rules = null, int boardSize = 19)
    {
        MoveGenerator = moveGenerator;
        Rules = rules ?? Rules.Default;
        State = new GameState(BoardGeometry.Get(boardSize), Rules);
    }

    /// <summary>The game. Read it freely; change it through the session so rules and clocks stay in step.</summary>
    public GameState State { get; private set; }

    public BoardGeometry Geometry => State.Geometry;

    /// <summary>Komi, ko rule and suicide rule for this and later games (boardsize/clear_board keep them).</summary>
    public Rules Rules { get; private set; }

    public IMoveGenerator MoveGenerator { get; set; }

    public TimeControl TimeControl { get; private set; } = TimeControl.None;

    /// <summary>Raised after every change of position or rules (the desktop board redraws on it).</summary>
    public event EventHandler? Changed;

    /// <summary>A new empty board of the given size; komi, rules and time settings stay.</summary>
    public void SetBoardSize(int width, int height)
    {
        var geometry = BoardGeometry.Get(width, height);
        State = new GameState(geometry, Rules);
        _clocks.Clear();
        OnChanged();
    }

    public void ClearBoard() => SetBoardSize(Geometry.Width, Geometry.Height);

    /// <summary>
    /// Replaces the game with one built elsewhere (loadsgf, the desktop's open file): its board size, rules and
    /// komi become the session's; the clocks are forgotten. The session owns <paramref name="state"/> from now on.
    /// </summary>
    public void LoadState(GameState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Rules = state.Rules;
        State = state;
        _clocks.Clear();
        OnChanged();
    }

    public void SetKomi(double komi)
    {
        if (!double.IsFinite(komi))
        {
            throw new ArgumentOutOfRangeException(nameof(komi), "komi must be a finite number");
        }

        SetRules(Rules with { Komi = komi });
    }

    /// <summary>Changes the rules for the game in progress too (earlier positions still count for superko).</summary>
    public void SetRules(Rules rules)
    {
        Rules = rules;
        State.Rules = rules;
        OnChanged();
    }

    /// <summary>Plays <paramref name="move"/> for <paramref name="color"/> when legal; returns the verdict either way.</summary>
    public MoveLegality Play(Color color, Move move)
    {
        if (move.IsResign)
        {
            return MoveLegality.Legal;
        }

        var verdict = State.TryPlay(color, move);
        if (verdict == MoveLegality.Legal)
        {
            OnChanged();
        }

        return verdict;
    }

    /// <summary>
    /// Asks the move generator for <paramref name="color"/>'s move and plays it (a resignation is returned, not
    /// played). Throws when the generator returns an illegal move: that is a bug to surface, not to hide.
    /// </summary>
    public Move GenerateMove(Color color, CancellationToken cancellation = default)
    {
        var move = SuggestMove(color, cancellation);
        if (!move.IsResign)
        {
            State.Play(color, move);
            OnChanged();
        }

        return move;
    }

    /// <summary>The generator's move for <paramref name="color"/> without playing it (GNU Go's reg_genmove).</summary>
    public Move SuggestMove(Color color, CancellationToken cancellation = default)
    {
        if (!color.IsPlayer())
        {
            throw new ArgumentOutOfRangeException(nameof(color));
        }

        var move = MoveGenerator.GenerateMove(State.Clone(), color, TimeBudgetFor(color), cancellation);
        if (move.IsPlay && !State.IsLegal(color, move))
        {
            throw new InvalidOperationException(
                $"move generator '{MoveGenerator.Name}' chose an illegal move ({State.CheckMove(color, move).Describe()})");
        }

        return move;
    }

    /// <summary>
    /// Stops the move generator's background thinking (pondering), if it has any; the GTP server calls it when a
    /// command arrives so the command never competes with a search left running.
    /// </summary>
    public void StopPondering() => (MoveGenerator as IPonderingMoveGenerator)?.StopPondering();

    public bool Undo()
    {
        bool undone = State.Undo();
        if (undone)
        {
            OnChanged();
        }

        return undone;
    }

    /// <summary>Black's handicap stones on the empty board; White moves next. Throws when the board is not empty.</summary>
    public void PlaceHandicap(IReadOnlyCollection<Point> points)
    {
        State.PlaceHandicap(points);
        OnChanged();
    }

    /// <summary>Whether the board has no stones and no moves were played (handicap commands need it).</summary>
    public bool IsBoardEmpty => State.Moves.Count == 0 && State.Board.EmptyCount == Geometry.Area;

    public void SetTimeControl(TimeControl control)
    {
        TimeControl = control;
        _clocks.Clear();
    }

    public void SetTimeLeft(Color color, PlayerClock clock)
    {
        if (!color.IsPlayer() || clock.TimeLeft < TimeSpan.Zero || clock.StonesLeft < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clock));
        }

        _clocks[color] = clock;
    }

    /// <summary>What the controller last said about <paramref name="color"/>'s clock, if anything.</summary>
    public PlayerClock? ClockOf(Color color) => _clocks.TryGetValue(color, out var clock) ? clock : null;

    public TimeBudget TimeBudgetFor(Color color) => TimeBudget.Plan(TimeControl, ClockOf(color), State.Board.EmptyCount);

    private void OnChanged() => Changed?.Invoke(this, EventArgs.Empty);
}
