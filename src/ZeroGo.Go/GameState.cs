namespace ZeroGo.Go;

/// <summary>A move together with the player who made it (GTP and SGF allow non-alternating play).</summary>
public readonly record struct PlayedMove(Color Color, Move Move);

/// <summary>
/// A game in progress: the current <see cref="Board"/>, whose turn it is, the rules, the history that superko
/// and undo need, passes and scoring. Every move is checked against the full rules here; the board alone
/// knows only simple ko. Not thread-safe; search threads work on copies (<see cref="Clone"/>).
/// </summary>
public sealed class GameState
{
    private readonly Board _board;
    private readonly Board _scratch;
    private readonly List<PlayedMove> _moves = [];
    private readonly List<UndoRecord> _undo = [];
    private readonly Dictionary<ulong, int> _positionsSeen = [];
    private readonly Dictionary<ulong, int> _situationsSeen = [];
    private readonly List<ulong> _positionHistory = [];
    private readonly List<int> _stoneCountHistory = [];

    public GameState(BoardGeometry geometry, Rules? rules = null)
    {
        _board = new Board(geometry);
        _scratch = new Board(geometry);
        Rules = rules ?? Rules.Default;
        RecordPosition();
    }

    public GameState(int size, Rules? rules = null)
        : this(BoardGeometry.Get(size), rules)
    {
    }

    private GameState(GameState source)
    {
        _board = source._board.Clone();
        _scratch = new Board(source.Geometry);
        Rules = source.Rules;
        ToMove = source.ToMove;
        ConsecutivePasses = source.ConsecutivePasses;
        HandicapStones = source.HandicapStones;
        Resigned = source.Resigned;
        _moves.AddRange(source._moves);
        _undo.AddRange(source._undo);
        _positionHistory.AddRange(source._positionHistory);
        _stoneCountHistory.AddRange(source._stoneCountHistory);
        foreach (var (key, count) in source._positionsSeen)
        {
            _positionsSeen[key] = count;
        }

        foreach (var (key, count) in source._situationsSeen)
        {
            _situationsSeen[key] = count;
        }
    }

    /// <summary>The current position. Read it freely; change it only through this object.</summary>
    public Board Board => _board;

    public BoardGeometry Geometry => _board.Geometry;

    public Rules Rules { get; set; }

    public Color ToMove { get; private set; } = Color.Black;

    public int ConsecutivePasses { get; private set; }

    /// <summary>Two consecutive passes or a resignation end the game (GTP <c>play</c> may still add moves, as in GNU Go).</summary>
    public bool IsOver => ConsecutivePasses >= 2 || Resigned != Color.Empty;

    /// <summary>The player who resigned, or <see cref="Color.Empty"/>.</summary>
    public Color Resigned { get; private set; }

    /// <summary>Number of handicap stones placed at the start (0 when none).</summary>
    public int HandicapStones { get; private set; }

    public IReadOnlyList<PlayedMove> Moves => _moves;

    /// <summary>Position hash after each move, starting with the initial position (length = moves + 1).</summary>
    public IReadOnlyList<ulong> PositionHistory => _positionHistory;

    /// <summary>
    /// Stones on the board in each position of <see cref="PositionHistory"/> (same length): a move that captures
    /// nothing adds one, so superko checks need only positions with one stone more than now.
    /// </summary>
    public IReadOnlyList<int> StoneCountHistory => _stoneCountHistory;

    public Move LastMove => _moves.Count == 0 ? Move.Pass : _moves[^1].Move;

    /// <summary>Hash of stones plus side to move: equal situations have equal hashes.</summary>
    public ulong SituationHash => SituationKey(_board.Hash, ToMove);

    public GameState Clone() => new(this);

    /// <summary>Whether <paramref name="color"/> may play <paramref name="move"/> now under the full rules.</summary>
    public MoveLegality CheckMove(Color color, Move move)
    {
        if (move.IsPass || move.IsResign)
        {
            return MoveLegality.Legal;
        }

        var point = move.Point;
        var boardVerdict = _board.CheckMove(point, color, Rules.SuicideAllowed);
        if (boardVerdict != MoveLegality.Legal || Rules.KoRule == KoRule.Simple)
        {
            return boardVerdict;
        }

        return RepeatsEarlierPosition(point, color) ? MoveLegality.Superko : MoveLegality.Legal;
    }

    public MoveLegality CheckMove(Move move) => CheckMove(ToMove, move);

    public bool IsLegal(Color color, Move move) => CheckMove(color, move) == MoveLegality.Legal;

    private bool RepeatsEarlierPosition(Point point, Color color)
    {
        ulong after = _board.HashAfterQuietMove(point, color) ?? HashAfterPlayingOnScratch(point, color);
        return Rules.KoRule switch
        {
            KoRule.Positional => _positionsSeen.ContainsKey(after),
            KoRule.Situational => _situationsSeen.ContainsKey(SituationKey(after, color.Opponent())),
            _ => false,
        };
    }

    private ulong HashAfterPlayingOnScratch(Point point, Color color)
    {
        _scratch.CopyFrom(_board);
        _scratch.Play(point, color);
        return _scratch.Hash;
    }

    /// <summary>Plays the move for the side to move if legal; returns the verdict either way.</summary>
    public MoveLegality TryPlay(Move move) => TryPlay(ToMove, move);

    /// <summary>Plays the move for <paramref name="color"/> if legal; the opponent moves next.</summary>
    public MoveLegality TryPlay(Color color, Move move)
    {
        var verdict = CheckMove(color, move);
        if (verdict == MoveLegality.Legal)
        {
            PlayUnchecked(color, move);
        }

        return verdict;
    }

    /// <summary>Plays a move that must be legal; throws <see cref="IllegalMoveException"/> otherwise.</summary>
    public void Play(Color color, Move move)
    {
        var verdict = TryPlay(color, move);
        if (verdict != MoveLegality.Legal)
        {
            throw new IllegalMoveException(color, move, verdict);
        }
    }

    public void Play(Move move) => Play(ToMove, move);

    /// <summary>
    /// Plays a move skipping the ko and superko checks (records replayed "as recorded", as GNU Go and GUIs do).
    /// Occupied points and off-board points still throw; suicide follows the board (stones are removed).
    /// </summary>
    public void PlayUnchecked(Color color, Move move)
    {
        if (move.IsPlay && (!Geometry.IsOnBoard(move.Point) || _board[move.Point] != Color.Empty))
        {
            throw new IllegalMoveException(color, move, _board.CheckMove(move.Point, color, true));
        }

        _undo.Add(new UndoRecord(_board.TakeSnapshot(), ToMove, ConsecutivePasses));
        if (move.IsResign)
        {
            // Ends the game without changing the position: not a pass, and the unchanged position is listed
            // again in PositionHistory (one entry per move) without counting as a repetition for superko.
            _moves.Add(new PlayedMove(color, move));
            _positionHistory.Add(_board.Hash);
            _stoneCountHistory.Add(StonesOnBoard);
            Resigned = color;
            return;
        }

        if (move.IsPlay)
        {
            _board.Play(move.Point, color);
            ConsecutivePasses = 0;
        }
        else
        {
            _board.PlayPass();
            ConsecutivePasses++;
        }

        _moves.Add(new PlayedMove(color, move));
        ToMove = color.Opponent();
        RecordPosition();
    }

    /// <summary>Takes back the last move (captures, ko and passes restored). False when there is none.</summary>
    public bool Undo()
    {
        if (_undo.Count == 0)
        {
            return false;
        }

        var record = _undo[^1];
        if (_moves[^1].Move.IsResign)
        {
            Resigned = Color.Empty;
            _positionHistory.RemoveAt(_positionHistory.Count - 1);
            _stoneCountHistory.RemoveAt(_stoneCountHistory.Count - 1);
        }
        else
        {
            ForgetPosition();
        }

        _undo.RemoveAt(_undo.Count - 1);
        _moves.RemoveAt(_moves.Count - 1);
        _board.Restore(record.BoardBefore);
        ToMove = record.ToMoveBefore;
        ConsecutivePasses = record.PassesBefore;
        return true;
    }

    /// <summary>
    /// Puts stones on the board before play starts (handicap or setup): no captures, history restarts from here.
    /// Throws when a point is occupied or a chain would be left without liberties.
    /// </summary>
    public void PlaceStones(IEnumerable<Point> points, Color color)
    {
        var requested = points.ToList();
        foreach (var point in requested)
        {
            if (!Geometry.IsOnBoard(point))
            {
                throw new ArgumentException($"setup point {point} is off the board");
            }

            if (_board[point] != Color.Empty)
            {
                throw new ArgumentException("setup point is already occupied");
            }
        }

        if (requested.Distinct().Count() != requested.Count)
        {
            throw new ArgumentException("a setup point is listed twice");
        }

        var before = _board.Clone();
        foreach (var point in requested)
        {
            _board.PlaceSetupStone(point, color);
        }

        if (_board.HasChainWithoutLiberties())
        {
            _board.CopyFrom(before);
            throw new ArgumentException("setup stones would leave a chain without liberties");
        }

        ResetHistoryToCurrentPosition();
    }

    /// <summary>Handicap stones for Black on an empty board; White moves next.</summary>
    public void PlaceHandicap(IReadOnlyCollection<Point> points)
    {
        if (_moves.Count > 0 || _board.EmptyCount != Geometry.Area)
        {
            throw new InvalidOperationException("handicap stones go on an empty board");
        }

        PlaceStones(points, Color.Black);
        HandicapStones = points.Count;
        ToMove = points.Count > 0 ? Color.White : Color.Black;
        ResetHistoryToCurrentPosition();
    }

    /// <summary>Applies setup properties (SGF AB/AW/AE) at the current position; history restarts here.</summary>
    public void ApplySetup(IEnumerable<Point> black, IEnumerable<Point> white, IEnumerable<Point> empty)
    {
        foreach (var point in empty)
        {
            _board.RemoveSetupStone(point);
        }

        foreach (var point in black)
        {
            _board.PlaceSetupStone(point, Color.Black);
        }

        foreach (var point in white)
        {
            _board.PlaceSetupStone(point, Color.White);
        }

        ResetHistoryToCurrentPosition();
    }

    /// <summary>Sets whose turn it is (SGF PL, GTP non-alternating play).</summary>
    public void SetToMove(Color color)
    {
        if (!color.IsPlayer())
        {
            throw new ArgumentOutOfRangeException(nameof(color));
        }

        // The current position is now a situation with the other side to move: re-key it, so situational
        // superko sees what really stands and Undo forgets exactly the key that was recorded.
        Decrement(_situationsSeen, SituationHash);
        ToMove = color;
        Increment(_situationsSeen, SituationHash);
    }

    private void ResetHistoryToCurrentPosition()
    {
        _moves.Clear();
        _undo.Clear();
        _positionsSeen.Clear();
        _situationsSeen.Clear();
        _positionHistory.Clear();
        _stoneCountHistory.Clear();
        ConsecutivePasses = 0;
        Resigned = Color.Empty;
        RecordPosition();
    }

    /// <summary>Every point <paramref name="color"/> may legally play now (passes not included).</summary>
    public List<Point> LegalPoints(Color color)
    {
        var legal = new List<Point>();
        foreach (var point in Geometry.Points)
        {
            if (CheckMove(color, Move.At(point)) == MoveLegality.Legal)
            {
                legal.Add(point);
            }
        }

        return legal;
    }

    /// <summary>Tromp-Taylor area of each player, without komi.</summary>
    public (int Black, int White) AreaScore() => _board.AreaScore();

    /// <summary>Black's area minus White's area minus komi: positive means Black wins.</summary>
    public double ScoreForBlack()
    {
        var (black, white) = _board.AreaScore();
        return black - white - Rules.Komi;
    }

    /// <summary>The winner (by resignation, else by area count), or <see cref="Color.Empty"/> for a draw.</summary>
    public Color Winner()
    {
        if (Resigned != Color.Empty)
        {
            return Resigned.Opponent();
        }

        double score = ScoreForBlack();
        return score > 0 ? Color.Black : score < 0 ? Color.White : Color.Empty;
    }

    /// <summary>Result text as SGF and GTP write it: "B+3.5", "W+0.5", or "0" for a draw.</summary>
    public static string FormatResult(double scoreForBlack)
    {
        if (scoreForBlack == 0)
        {
            return "0";
        }

        string margin = Math.Abs(scoreForBlack).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return (scoreForBlack > 0 ? "B+" : "W+") + margin;
    }

    private static ulong SituationKey(ulong positionHash, Color toMove) =>
        toMove == Color.White ? positionHash ^ Zobrist.WhiteToMove : positionHash;

    private int StonesOnBoard => Geometry.Area - _board.EmptyCount;

    private void RecordPosition()
    {
        _positionHistory.Add(_board.Hash);
        _stoneCountHistory.Add(StonesOnBoard);
        Increment(_positionsSeen, _board.Hash);
        Increment(_situationsSeen, SituationHash);
    }

    private void ForgetPosition()
    {
        Decrement(_positionsSeen, _board.Hash);
        Decrement(_situationsSeen, SituationHash);
        _positionHistory.RemoveAt(_positionHistory.Count - 1);
        _stoneCountHistory.RemoveAt(_stoneCountHistory.Count - 1);
    }

    private static void Increment(Dictionary<ulong, int> counts, ulong key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Decrement(Dictionary<ulong, int> counts, ulong key)
    {
        int count = counts.GetValueOrDefault(key);
        if (count <= 1)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count - 1;
        }
    }

    private sealed record UndoRecord(Board.Snapshot BoardBefore, Color ToMoveBefore, int PassesBefore);
}

/// <summary>Thrown when a move that must be legal is not; carries the reason.</summary>
public sealed class IllegalMoveException(Color color, Move move, MoveLegality reason)
    : InvalidOperationException($"illegal move for {color}: {move} ({reason.Describe()})")
{
    public Color Color { get; } = color;

    public Move Move { get; } = move;

    public MoveLegality Reason { get; } = reason;
}
