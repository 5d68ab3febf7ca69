using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Players;
using ZeroGo.Desktop.Scoring;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Play;

/// <summary>Where a game stands.</summary>
public enum GamePhase
{
    Playing,
    /// <summary>Two passes: dead stones are marked and the count shown; the player may toggle groups.</summary>
    Scoring,
    /// <summary>Someone resigned.</summary>
    Resigned,
}

/// <summary>
/// The rules of a game against the AI, without any drawing: plays the human's clicks, runs the opponent on a
/// background thread with a copy of the game, applies its move on the owner's thread in <see cref="Update"/>,
/// and handles undo, pass, resign, new game and end-of-game counting. All members belong to one thread (the
/// window's) except that <see cref="LiveAnalysis"/> is published by the worker.
/// </summary>
public sealed class PlayController : IDisposable
{
    private readonly object _gate = new();
    private readonly IOwnershipEstimator _ownershipEstimator;
    private readonly PlayoutOwnership _playoutOwnership = new();
    private CancellationTokenSource? _thinkingCancel;
    private int _generation;
    private (int Generation, OpponentReply? Reply, Exception? Error, TimeSpan Elapsed)? _finished;
    private AnalysisSnapshot? _live;
    private int _liveVersion;
    private int _seenLiveVersion;
    private List<double?> _winRates = [null];
    private readonly Dictionary<int, string> _moveComments = [];

    /// <param name="ownership">
    /// Ownership of the final position for the first guess of dead stones: the network's when the AI has one;
    /// null means random playouts (also the fallback when the estimator has no ownership).
    /// </param>
    public PlayController(PlaySettings settings, IOpponent opponent, Action? wake = null, IOwnershipEstimator? ownership = null)
    {
        _ownershipEstimator = ownership ?? _playoutOwnership;
        Settings = settings;
        Opponent = opponent;
        Wake = wake;
        Game = NewState(settings);
        StartAiIfItsTurn();
    }

    public PlaySettings Settings { get; }

    public IOpponent Opponent { get; }

    /// <summary>Called from the worker thread when it has news (the window loop wakes up).</summary>
    public Action? Wake { get; set; }

    public GameState Game { get; private set; }

    public Color HumanColor => Settings.HumanColor;

    public GamePhase Phase { get; private set; } = GamePhase.Playing;

    public bool IsThinking => _thinkingCancel is not null;

    /// <summary>The newest snapshot of the running search (null when none).</summary>
    public AnalysisSnapshot? LiveAnalysis
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    /// <summary>The analysis behind the AI's last move (or the last finished analysis).</summary>
    public AnalysisSnapshot? LastAnalysis { get; private set; }

    /// <summary>Black's win rate as the engine saw each position (index = moves played), null where it did not look.</summary>
    public IReadOnlyList<double?> WinRateHistory => _winRates;

    /// <summary>What marked the dead stones of the last count ("the network's ownership"); null before any count.</summary>
    public string? DeadStonesSource { get; private set; }

    /// <summary>The count after two passes (null while playing).</summary>
    public ScoreResult? Score { get; private set; }

    public GameScorer? Scorer { get; private set; }

    /// <summary>"B+3.5", "W+R" … once the game is over.</summary>
    public string? ResultText { get; private set; }

    /// <summary>A line for the status box: what just happened.</summary>
    public string? LastEvent { get; private set; }

    /// <summary>How long the AI took for its last move.</summary>
    public TimeSpan? LastThinkTime { get; private set; }

    /// <summary>Comments recorded per move number (the AI's analysis), for saving the game.</summary>
    public IReadOnlyDictionary<int, string> MoveComments => _moveComments;

    public bool IsHumanTurn => Phase == GamePhase.Playing && Game.ToMove == HumanColor && !IsThinking;

    /// <summary>
    /// Plays the human's stone at <paramref name="point"/>. Returns null when played, else why not: the rule that
    /// forbids it ("occupied", "suicide", "ko", "superko …") or that it is not the human's turn.
    /// </summary>
    public string? TryHumanMove(Point point)
    {
        if (Phase != GamePhase.Playing)
        {
            return "the game is over (u takes back, n starts a new game)";
        }

        if (IsThinking)
        {
            return "ZeroGo is thinking (Esc makes it play now)";
        }

        var verdict = Game.TryPlay(Move.At(point));
        if (verdict != MoveLegality.Legal)
        {
            return verdict.Describe();
        }

        _generation++;
        RecordWinRateSlot();
        LastEvent = null;
        StartAiIfItsTurn();
        return null;
    }

    /// <summary>Asks the AI to play the side to move now (also for the human's side: "AI move").</summary>
    public void RequestAiMove()
    {
        if (Phase == GamePhase.Playing && !IsThinking)
        {
            StartThinking();
        }
    }

    /// <summary>Interrupts the search: the AI plays the best move found so far.</summary>
    public void StopThinking() => _thinkingCancel?.Cancel();

    public void Pass()
    {
        if (Phase != GamePhase.Playing || IsThinking)
        {
            return;
        }

        Game.Play(Move.Pass);
        _generation++;
        RecordWinRateSlot();
        LastEvent = $"{Name(Game.ToMove.Opponent())} passed";
        if (!EnterScoringIfOver())
        {
            StartAiIfItsTurn();
        }
    }

    public void Resign()
    {
        if (Phase != GamePhase.Playing)
        {
            return;
        }

        CancelThinking();
        Phase = GamePhase.Resigned;
        var winner = HumanColor.Opponent();
        ResultText = winner.Letter() + "+R";
        LastEvent = $"You resigned: {ResultText}";
    }

    /// <summary>Takes back the last move pair so it is the human's turn again (or one move after a game end).</summary>
    public void Undo()
    {
        CancelThinking();
        if (Phase != GamePhase.Playing)
        {
            Phase = GamePhase.Playing;
            Score = null;
            Scorer = null;
            ResultText = null;
            if (Game.Moves.Count > 0 && Game.Moves[^1].Move.IsPass)
            {
                UndoOne();
            }

            // After the AI resigned it is its turn: take back the human's move so the human plays again.
            while (Game.Moves.Count > 0 && Game.ToMove != HumanColor)
            {
                UndoOne();
            }

            LastEvent = "Back to play";
            StartAiIfItsTurn();
            return;
        }

        if (Game.Moves.Count == 0)
        {
            LastEvent = "Nothing to undo";
            return;
        }

        UndoOne();
        while (Game.Moves.Count > 0 && Game.ToMove != HumanColor)
        {
            UndoOne();
        }

        LastEvent = "Move taken back";
        StartAiIfItsTurn();
    }

    public void NewGame()
    {
        CancelThinking();
        Game = NewState(Settings);
        Phase = GamePhase.Playing;
        Score = null;
        Scorer = null;
        ResultText = null;
        LastAnalysis = null;
        _winRates = [null];
        _moveComments.Clear();
        LastEvent = "New game";
        StartAiIfItsTurn();
    }

    /// <summary>At the end of the game, marks the group at <paramref name="point"/> dead or alive and recounts.</summary>
    public bool ToggleDead(Point point)
    {
        if (Phase != GamePhase.Scoring || Scorer is null || !Scorer.ToggleChain(point))
        {
            return false;
        }

        Score = Scorer.Score();
        ResultText = Score.ResultText;
        return true;
    }

    /// <summary>Applies a finished AI move; true when anything visible changed (new move or new progress).</summary>
    public bool Update()
    {
        bool changed = false;
        (int Generation, OpponentReply? Reply, Exception? Error, TimeSpan Elapsed)? finished;
        lock (_gate)
        {
            finished = _finished;
            _finished = null;
            if (_liveVersion != _seenLiveVersion)
            {
                _seenLiveVersion = _liveVersion;
                changed = true;
            }
        }

        if (finished is not { } result || result.Generation != _generation)
        {
            return changed;
        }

        _thinkingCancel?.Dispose();
        _thinkingCancel = null;
        lock (_gate)
        {
            _live = null;
        }

        if (result.Error is { } error)
        {
            LastEvent = "The AI failed: " + error.Message;
            return true;
        }

        var reply = result.Reply!;
        LastThinkTime = result.Elapsed;
        LastAnalysis = reply.Analysis ?? LastAnalysis;
        if (reply.Analysis is { } analysis)
        {
            _winRates[^1] = analysis.WinRateBlack;
            _moveComments[Game.Moves.Count + 1] = Describe(analysis, reply.Move, Game.Geometry);
        }

        var color = Game.ToMove;
        if (reply.Move.IsResign)
        {
            if (color != HumanColor)
            {
                Phase = GamePhase.Resigned;
                ResultText = HumanColor.Letter() + "+R";
                LastEvent = $"ZeroGo resigned: {ResultText}" + (reply.Note is null ? "" : $" ({reply.Note})");
                return true;
            }

            // Asked to move for the human, the AI never gives the human's game up: it plays its best move.
            reply = reply with { Move = reply.Analysis?.Best?.Move ?? Move.Pass };
        }

        var verdict = Game.TryPlay(reply.Move);
        if (verdict != MoveLegality.Legal)
        {
            LastEvent = $"The AI chose an illegal move ({verdict.Describe()}); it passes";
            Game.Play(Move.Pass);
        }
        else
        {
            LastEvent = reply.Move.IsPass ? $"{Name(color)} passes" + (reply.Note is null ? "" : $" ({reply.Note})") : null;
        }

        _generation++;
        RecordWinRateSlot();
        if (!EnterScoringIfOver())
        {
            StartAiIfItsTurn();
        }

        return true;
    }

    private string Name(Color color) => color == HumanColor ? "You" : "ZeroGo";

    private static string Describe(AnalysisSnapshot analysis, Move played, BoardGeometry geometry)
    {
        var best = analysis.Best;
        string text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"ZeroGo: win rate {analysis.WinRate * 100:0.0}% for the player to move, {analysis.TotalVisits} visits");
        if (best is not null && best.Move != played)
        {
            text += $"; the search preferred {Formats.GtpVertex.Format(best.Move, geometry)}";
        }

        return text;
    }

    private void RecordWinRateSlot()
    {
        while (_winRates.Count < Game.Moves.Count + 1)
        {
            _winRates.Add(null);
        }

        while (_winRates.Count > Game.Moves.Count + 1)
        {
            _winRates.RemoveAt(_winRates.Count - 1);
        }
    }

    private void UndoOne()
    {
        _moveComments.Remove(Game.Moves.Count);
        Game.Undo();
        _generation++;
        RecordWinRateSlot();
    }

    private bool EnterScoringIfOver()
    {
        if (!Game.IsOver)
        {
            return false;
        }

        // Dead stones: a chain whose points the opponent owns is dead, by the network's ownership of the final
        // position when the AI has a network, else by random playouts; the player corrects mistakes by clicking.
        var estimator = _ownershipEstimator;
        var ownership = estimator.EstimateOwnershipBlack(Game);
        if (ownership is null)
        {
            estimator = _playoutOwnership;
            ownership = estimator.EstimateOwnershipBlack(Game);
        }

        DeadStonesSource = estimator.Name;
        Scorer = new GameScorer(Game.Board, ownership, Game.Rules.Komi);
        Score = Scorer.Score();
        ResultText = Score.ResultText;
        Phase = GamePhase.Scoring;
        LastEvent = "Two passes: the game is over";
        return true;
    }

    private void StartAiIfItsTurn()
    {
        if (Phase == GamePhase.Playing && Game.ToMove != HumanColor && !IsThinking)
        {
            StartThinking();
        }
    }

    private void StartThinking()
    {
        var copy = Game.Clone();
        int generation = _generation;
        var cancel = new CancellationTokenSource();
        _thinkingCancel = cancel;
        var opponent = Opponent;
        var thread = new Thread(() =>
        {
            OpponentReply? reply = null;
            Exception? error = null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                reply = opponent.ChooseMove(copy, cancel.Token, snapshot =>
                {
                    lock (_gate)
                    {
                        _live = snapshot;
                        _liveVersion++;
                    }

                    Wake?.Invoke();
                });
            }
            catch (Exception e)
            {
                error = e;
            }

            lock (_gate)
            {
                _finished = (generation, reply, error, clock.Elapsed);
            }

            Wake?.Invoke();
        })
        {
            IsBackground = true,
            Name = "ZeroGo AI",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
    }

    private void CancelThinking()
    {
        if (_thinkingCancel is { } cancel)
        {
            cancel.Cancel();
            _thinkingCancel = null;
        }

        _generation++;
        lock (_gate)
        {
            _live = null;
            _finished = null;
        }
    }

    private static GameState NewState(PlaySettings settings)
    {
        var state = new GameState(BoardGeometry.Get(settings.Width, settings.Height), settings.Rules);
        if (settings.Handicap >= 2)
        {
            state.PlaceHandicap(Handicap.FixedPoints(state.Geometry, settings.Handicap).ToList());
        }

        return state;
    }

    public void Dispose() => CancelThinking();
}
