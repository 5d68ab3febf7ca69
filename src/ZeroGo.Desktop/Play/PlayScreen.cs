using System.Globalization;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Formats;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Play;

/// <summary>
/// The play window: the board, the side panel and the keys/buttons of a game against the AI. Input becomes calls
/// on <see cref="PlayController"/>; <see cref="BuildFrame"/> turns its state into what is drawn.
/// </summary>
public sealed class PlayScreen : IScreen
{
    private readonly PlayController _controller;
    private readonly ScreenInput _input = new();
    private Point _hover = Point.None;
    private bool _showNumbers;
    private bool _showCoordinates = true;
    private bool _resignArmed;
    private int _viewMove = -1;
    private Action? _wake;
    private int _layerBlock;
    private int _layerChannel = -1;
    private (ulong Position, int Block, int Channel)? _layerKey;
    private float[]? _layerValues;

    public PlayScreen(PlayController controller)
    {
        _controller = controller;
    }

    /// <summary>Saves the game (Ctrl+S); null while no SGF writer is wired. Returns the path written.</summary>
    public Func<PlayController, string>? SaveGame { get; set; }

    /// <summary>The layers view's network hook (null: the view explains that it needs a network).</summary>
    public ILayerSource? Layers { get; set; }

    public PlayController Controller => _controller;

    public Action? Wake
    {
        get => _wake;
        set
        {
            _wake = value;
            _controller.Wake = value;
        }
    }

    public string Title => $"ZeroGo · play {_controller.Game.Geometry} · {(_controller.IsThinking ? "thinking…" : StatusWord())}";

    public bool WantsQuit => _input.WantsQuit;

    public TimeSpan? NextUpdate => _controller.IsThinking ? TimeSpan.FromMilliseconds(250) : _input.ToastWait;

    private string StatusWord() => _controller.Phase switch
    {
        GamePhase.Playing => _controller.Game.ToMove == _controller.HumanColor ? "your move" : "ZeroGo to play",
        _ => _controller.ResultText ?? "game over",
    };

    public bool Handle(InputEvent input, SceneLayout? layout)
    {
        switch (input)
        {
            case QuitRequested:
                return _input.Quit();
            case MouseMoved move:
                return ScreenInput.MoveHover(ref _hover, move, layout);
            case MouseLeft:
                _hover = Point.None;
                return true;
            case MouseClicked click:
                return Click(click, layout);
            case WheelTurned wheel when _input.Heat == HeatOverlay.Layers && Layers is not null:
                // In the layers view the wheel picks a channel (-1 = the strongest channels together).
                _layerChannel = Math.Clamp(_layerChannel + (wheel.Delta > 0 ? 1 : -1), -1, Layers.Channels - 1);
                return true;
            case WheelTurned wheel:
                return Step(wheel.Delta > 0 ? -1 : 1);
            case KeyPressed key:
                return Key(key);
            default:
                return false;
        }
    }

    /// <summary>The layers view's picture for the position shown (one forward pass, cached per position/block/channel).</summary>
    private float[]? LayerValues(GameState shown)
    {
        if (Layers is null)
        {
            return null;
        }

        var key = (shown.SituationHash, _layerBlock, _layerChannel);
        if (_layerKey != key)
        {
            _layerValues = LayerPicture.Values(Layers.BlockActivations(shown.Clone(), _layerBlock), _layerChannel);
            _layerKey = key;
        }

        return _layerValues;
    }

    private bool Click(MouseClicked click, SceneLayout? layout)
    {
        if (layout is null)
        {
            return false;
        }

        if (_input.SharedClick(click, layout, Command) is { } shared)
        {
            return shared;
        }

        var point = layout.Board.PointAt(click.X, click.Y);
        if (point.IsNone || !layout.Board.BoardRect.Contains(click.X, click.Y))
        {
            return false;
        }

        if (_controller.Phase == GamePhase.Scoring)
        {
            if (!_controller.ToggleDead(point))
            {
                Toast("Click a group to mark it dead or alive");
            }

            return true;
        }

        if (_viewMove >= 0)
        {
            _viewMove = -1;
            Toast("Back to the current position");
            return true;
        }

        if (_controller.TryHumanMove(point) is { } refusal)
        {
            Toast($"Illegal at {GtpVertex.Format(point, _controller.Game.Geometry)}: {refusal}");
        }

        return true;
    }

    private bool Key(KeyPressed key)
    {
        if (_input.SharedKey(key, Command) is { } shared)
        {
            return shared;
        }

        if (key.Ctrl)
        {
            return key.Name == "z" && Command("undo");
        }

        return key.Name switch
        {
            "escape" => _controller.IsThinking ? Command("stop") : false,
            "space" => Command(_controller.IsThinking ? "stop" : "ai"),
            "u" or "backspace" => Command("undo"),
            "p" => Command("pass"),
            "r" => Command("resign"),
            "n" => Command("new"),
            "c" => _input.SharedCommand("candidates") ?? false,
            "o" => Command("ownership"),
            "y" => Command("policy"),
            "l" => Command("layers"),
            "m" => ScreenInput.Toggle(ref _showNumbers),
            "x" => ScreenInput.Toggle(ref _showCoordinates),
            "[" when _input.Heat == HeatOverlay.Layers && Layers is not null => LayerBlock(-1),
            "]" when _input.Heat == HeatOverlay.Layers && Layers is not null => LayerBlock(1),
            "left" => Step(-1),
            "right" => Step(1),
            "home" => Jump(0),
            "end" => Jump(-1),
            _ => false,
        };
    }

    /// <summary>Runs a button or key command by its id.</summary>
    public bool Command(string id)
    {
        if (id != "resign")
        {
            _resignArmed = false;
        }

        switch (id)
        {
            case "undo":
                _viewMove = -1;
                _controller.Undo();
                return true;
            case "pass":
                _viewMove = -1;
                _controller.Pass();
                return true;
            case "resign":
                if (_controller.Phase != GamePhase.Playing)
                {
                    return false;
                }

                if (!_resignArmed)
                {
                    _resignArmed = true;
                    Toast("Press r (or Resign) again to resign");
                    return true;
                }

                _resignArmed = false;
                _controller.Resign();
                return true;
            case "new":
                _viewMove = -1;
                _controller.NewGame();
                return true;
            case "ai":
                _viewMove = -1;
                _controller.RequestAiMove();
                return true;
            case "stop":
                _controller.StopThinking();
                Toast("Stopped: ZeroGo plays its best move so far");
                return true;
            case "policy":
                _input.SharedCommand(id);
                if (_input.Heat == HeatOverlay.Policy && (_controller.LiveAnalysis ?? _controller.LastAnalysis)?.Policy is null)
                {
                    Toast("No policy yet: the playout engine has none (a network has)");
                }

                return true;
            case "layers":
                if (Layers is null)
                {
                    Toast("The layers view needs a network (--model FILE)");
                    return true;
                }

                _input.Heat = ScreenInput.ToggleHeat(_input.Heat, HeatOverlay.Layers);
                return true;
            case "save":
                if (SaveGame is null)
                {
                    Toast("Saving needs the SGF writer, which is not in this build");
                    return true;
                }

                try
                {
                    Toast("Saved " + System.IO.Path.GetFileName(SaveGame(_controller)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    Toast("Could not save: " + e.Message);
                }

                return true;
            default:
                return _input.SharedCommand(id) ?? false;
        }
    }

    private bool LayerBlock(int delta)
    {
        _layerBlock = Math.Clamp(_layerBlock + delta, 0, Layers!.BlockCount - 1);
        return true;
    }

    private bool Step(int delta)
    {
        int count = _controller.Game.Moves.Count;
        int current = _viewMove < 0 ? count : _viewMove;
        int next = Math.Clamp(current + delta, 0, count);
        return Jump(next == count ? -1 : next);
    }

    private bool Jump(int move)
    {
        if (move == _viewMove)
        {
            return false;
        }

        _viewMove = move >= _controller.Game.Moves.Count ? -1 : move;
        return true;
    }

    private void Toast(string text) => _input.ShowToast(text);

    public bool Update(DateTime now)
    {
        bool changed = _controller.Update();
        return _input.ExpireToast(now) | changed;
    }

    public (BoardView Board, PanelView Panel) BuildFrame()
    {
        var game = _controller.Game;
        var board = game.Board;
        var marked = game.LastMove;
        var shown = game;
        if (_viewMove >= 0)
        {
            shown = game.Clone();
            while (shown.Moves.Count > _viewMove && shown.Undo())
            {
            }

            board = shown.Board;
            marked = shown.LastMove;
        }

        var analysis = _controller.LiveAnalysis ?? _controller.LastAnalysis;
        var view = new BoardView(board)
        {
            MarkedMove = marked,
            ShowCoordinates = _showCoordinates,
            Analysis = _viewMove < 0 ? analysis : null,
            ShowCandidates = _input.ShowCandidates && _viewMove < 0 && _controller.IsThinking,
            Heat = _viewMove < 0 || _input.Heat == HeatOverlay.Layers ? _input.Heat : HeatOverlay.None,
            LayerValues = _input.Heat == HeatOverlay.Layers ? LayerValues(shown) : null,
            MoveNumbers = _showNumbers ? ScreenInput.MoveNumbers(game, _viewMove < 0 ? game.Moves.Count : _viewMove) : null,
        };
        if (_controller.Phase == GamePhase.Scoring && _controller.Score is { } score && _viewMove < 0)
        {
            view.Territory = score.Territory;
        }

        if (_viewMove < 0 && _controller.IsHumanTurn && !_hover.IsNone)
        {
            view.Ghost = _hover;
            view.GhostColor = game.ToMove;
            view.GhostIllegal = board[_hover] == Color.Empty && game.CheckMove(Move.At(_hover)) != MoveLegality.Legal;
        }

        // Hovering a candidate shows its principal variation.
        if (view.ShowCandidates && analysis is not null && !_hover.IsNone)
        {
            var (candidate, _) = analysis.Find(Move.At(_hover));
            if (candidate is { Pv.Count: > 1 })
            {
                view.Variation = candidate.Pv;
                view.VariationColor = analysis.ToMove;
            }
        }

        return (view, BuildPanel(analysis));
    }

    private PanelView BuildPanel(AnalysisSnapshot? analysis)
    {
        var game = _controller.Game;
        var settings = _controller.Settings;
        var human = _controller.HumanColor;
        string aiName = "ZeroGo";
        var panel = new PanelView
        {
            Title = "ZeroGo",
            Subtitle = $"Play · {game.Geometry} · you are {(human == Color.Black ? "Black" : "White")}",
            ToMove = _controller.Phase == GamePhase.Playing ? game.ToMove : Color.Empty,
        };
        _input.FillPanel(panel);
        var humanLine = new PlayerLine(settings.HumanName, "human", game.Board.CapturesBy(human));
        var aiLine = new PlayerLine(aiName, settings.Level.Name, game.Board.CapturesBy(human.Opponent()));
        panel.Black = human == Color.Black ? humanLine : aiLine;
        panel.White = human == Color.White ? humanLine : aiLine;
        foreach (var line in _controller.Opponent.Name.Split(" · "))
        {
            panel.Info.Add(line);
        }

        panel.Info.Add($"Komi {game.Rules.Komi.ToString("0.#", CultureInfo.InvariantCulture)} · handicap {game.HandicapStones} · area scoring");
        panel.Info.Add($"Move {game.Moves.Count}" + (_viewMove >= 0 ? $" · viewing move {_viewMove} (→ / End to return)" : ""));
        if (_input.Heat == HeatOverlay.Layers && Layers is not null)
        {
            panel.Info.Add($"Layers: block {_layerBlock + 1} of {Layers.BlockCount} · " +
                (_layerChannel < 0 ? "strongest 8 channels" : $"channel {_layerChannel + 1} of {Layers.Channels}"));
        }

        if (analysis is not null)
        {
            panel.WinRateBlack = analysis.WinRateBlack;
            panel.ScoreLeadBlack = double.IsNaN(analysis.ScoreLead) ? null : analysis.ScoreLeadBlack;
        }

        panel.WinRateHistory = _controller.WinRateHistory.Count(v => v is not null) >= 2 ? _controller.WinRateHistory : null;
        panel.CurrentMove = _viewMove < 0 ? game.Moves.Count : _viewMove;

        (panel.Status, panel.StatusKind) = Status();
        panel.Comment = _controller.Phase == GamePhase.Scoring
            ? $"Territory is marked with small squares; dead stones (guessed from {_controller.DeadStonesSource ?? "ownership"}) are crossed out. Click a group to mark it dead or alive; the count updates. u returns to play, n starts a new game."
            : SearchSummary(analysis);

        bool playing = _controller.Phase == GamePhase.Playing;
        panel.Buttons.Add(new PanelButton("undo", "Undo", "u"));
        panel.Buttons.Add(new PanelButton("pass", "Pass", "p", playing && !_controller.IsThinking));
        panel.Buttons.Add(new PanelButton("resign", _resignArmed ? "Confirm?" : "Resign", "r", playing, _resignArmed));
        panel.Buttons.Add(new PanelButton("new", "New game", "n"));
        panel.Buttons.Add(_controller.IsThinking ? new PanelButton("stop", "Play now", "esc") : new PanelButton("ai", "AI move", "space", playing));
        panel.Buttons.Add(new PanelButton("save", "Save SGF", "ctrl+s", SaveGame is not null));
        _input.AddOverlayButtons(panel);

        panel.Help.AddRange(HelpLines);
        return panel;
    }

    /// <summary>The top candidates of the last (or running) search as text: move, win rate, visits, expected line.</summary>
    private string? SearchSummary(AnalysisSnapshot? analysis)
    {
        if (analysis is null || analysis.Candidates.Count == 0)
        {
            return null;
        }

        var geometry = _controller.Game.Geometry;
        var lines = new List<string> { $"ZeroGo's {(analysis.IsFinal ? "last" : "current")} search, {analysis.TotalVisits} visits ({(analysis.ToMove == Color.Black ? "Black" : "White")} to play):" };
        foreach (var candidate in analysis.Candidates.Take(5))
        {
            string pv = string.Join(" ", candidate.Pv.Take(6).Select(m => GtpVertex.Format(m, geometry)));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{GtpVertex.Format(candidate.Move, geometry),-4} {candidate.WinRate * 100:0.0}%  {candidate.Visits} visits  → {pv}"));
        }

        return string.Join("\n", lines);
    }

    private (string, StatusKind) Status()
    {
        var game = _controller.Game;
        if (_controller.Phase == GamePhase.Scoring && _controller.Score is { } score)
        {
            return ($"Game over: {score.ResultText}  (Black {score.BlackArea}, White {score.WhiteArea} + komi {score.Komi.ToString("0.#", CultureInfo.InvariantCulture)})", StatusKind.Result);
        }

        if (_controller.Phase == GamePhase.Resigned)
        {
            return ($"Game over: {_controller.LastEvent ?? _controller.ResultText}", StatusKind.Result);
        }

        if (_controller.IsThinking)
        {
            var live = _controller.LiveAnalysis;
            string progress = live?.Best is { } best
                ? $" {live.TotalVisits} visits · best {GtpVertex.Format(best.Move, game.Geometry)} {(best.WinRate * 100).ToString("0", CultureInfo.InvariantCulture)}%"
                : "";
            return ("ZeroGo is thinking…" + progress, StatusKind.Thinking);
        }

        if (_controller.LastEvent is { } happened)
        {
            return (happened + (game.ToMove == _controller.HumanColor ? " · your move" : ""), StatusKind.Info);
        }

        if (game.Moves.Count > 0 && game.LastMove.IsPlay && game.ToMove == _controller.HumanColor)
        {
            string time = _controller.LastThinkTime is { } t ? $" in {t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
            return ($"ZeroGo played {GtpVertex.Format(game.LastMove, game.Geometry)}{time} · your move", StatusKind.Info);
        }

        return (game.ToMove == _controller.HumanColor ? $"Your move ({(game.ToMove == Color.Black ? "Black" : "White")})" : "ZeroGo to play", StatusKind.Info);
    }

    internal static readonly (string Keys, string Action)[] HelpLines =
    [
        ("click", "play a stone (at the end: mark a group dead/alive)"),
        ("space", "AI move for the side to play (while thinking: play now)"),
        ("esc", "stop thinking: play the best move so far"),
        ("u / ctrl+z", "undo (your move and the AI's answer)"),
        ("p", "pass          r  resign (twice)"),
        ("n", "new game"),
        ("← → / wheel", "step through the game      home / end"),
        ("c", "candidates with win rate and visits"),
        ("o", "ownership shading"),
        ("y", "policy heat map"),
        ("l", "layers view: [ ] block, wheel channel"),
        ("m / x", "move numbers / coordinates"),
        ("ctrl+s", "save the game as SGF"),
        ("h / F1", "this help         ctrl+q  quit"),
    ];

    public void Dispose() => _controller.Dispose();
}
