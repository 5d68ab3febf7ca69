using System.Globalization;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Formats;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Replay;

/// <summary>
/// The replay window: the board, the side panel and the keys/buttons of stepping through a record with the
/// engine's review. Input becomes calls on <see cref="ReplayController"/>; <see cref="BuildFrame"/> turns its state
/// into what is drawn (also the frames of <c>zerogo render</c> and of the GIF, without a window).
/// </summary>
public sealed class ReplayScreen : IScreen
{
    private readonly ReplayController _controller;
    private readonly ScreenInput _input = new();
    private bool _showNumbers;
    private Point _hover = Point.None;
    private Action? _wake;
    private TextPrompt? _openPrompt;

    public ReplayScreen(ReplayController controller)
    {
        _controller = controller;
    }

    public ReplayController Controller => _controller;

    /// <summary>The open-file prompt (ctrl+o) while it is open, else null.</summary>
    public TextPrompt? OpenPrompt => _openPrompt;

    public HeatOverlay Heat
    {
        get => _input.Heat;
        set => _input.Heat = value;
    }

    public bool ShowCandidates
    {
        get => _input.ShowCandidates;
        set => _input.ShowCandidates = value;
    }

    public Action? Wake
    {
        get => _wake;
        set
        {
            _wake = value;
            _controller.Wake = value;
        }
    }

    public string Title => $"ZeroGo · replay {System.IO.Path.GetFileName(_controller.Record.Path ?? "game")} · move {_controller.MoveNumber}";

    public bool WantsQuit => _input.WantsQuit;

    public TimeSpan? NextUpdate => _controller.AutoplayWait ?? _input.ToastWait;

    public bool Handle(InputEvent input, SceneLayout? layout)
    {
        if (_openPrompt is not null && input is KeyPressed or TextTyped && input is not KeyPressed { Ctrl: true, Name: "q" or "w" })
        {
            return PromptInput(_openPrompt, input);
        }

        switch (input)
        {
            case QuitRequested:
                return _input.Quit();
            case KeyPressed key:
                return Key(key);
            case WheelTurned wheel:
                return _controller.Step(wheel.Delta > 0 ? -1 : 1);
            case FileDropped dropped:
                return Open(dropped.Path);
            case MouseMoved move:
                return ScreenInput.MoveHover(ref _hover, move, layout) && _input.ShowCandidates;
            case MouseClicked click when layout is not null:
                if (_input.SharedClick(click, layout, Command) is { } shared)
                {
                    return shared;
                }

                int moves = _controller.Review.MoveCount;
                if (!layout.Graph.IsEmpty && layout.Graph.Contains(click.X, click.Y) && moves > 0)
                {
                    return _controller.GoToMove((int)Math.Round((click.X - layout.Graph.Left) / layout.Graph.Width * moves));
                }

                return false;
            default:
                return false;
        }
    }

    private bool Key(KeyPressed key)
    {
        if (_input.SharedKey(key, Command) is { } shared)
        {
            return shared;
        }

        if (key.Ctrl)
        {
            return key.Name switch
            {
                "o" => Command("open"),
                "n" => Command("open-next"),
                _ => false,
            };
        }

        return key.Name switch
        {
            "left" or "backspace" => _controller.Step(-1),
            "right" => _controller.Step(1),
            "up" => Variation(-1),
            "down" => Variation(1),
            "pageup" => _controller.Step(-10),
            "pagedown" => _controller.Step(10),
            "home" => _controller.GoToMove(0),
            "end" => _controller.GoToEndOfLine(),
            "space" => Command("autoplay"),
            "m" => Command("mistake"),
            "c" => Command("candidates"),
            "o" => Command("ownership"),
            "y" => Command("policy"),
            "n" => ScreenInput.Toggle(ref _showNumbers),
            "escape" => _controller.Autoplaying ? Command("autoplay") : false,
            _ => false,
        };
    }

    /// <summary>Runs a button or key command by its id.</summary>
    public bool Command(string id)
    {
        switch (id)
        {
            case "prev":
                return _controller.Step(-1);
            case "next":
                return _controller.Step(1);
            case "autoplay":
                _controller.ToggleAutoplay();
                return true;
            case "mistake":
                if (_controller.JumpToNextMistake() is { } none)
                {
                    Toast(none);
                }

                return true;
            case "save":
                Toast(_controller.SaveAnalysis());
                return true;
            case "open":
                _openPrompt = new TextPrompt("Open SGF file", _controller.StartingFolder(), text => PathCompletion.Complete(text, ".sgf"));
                return true;
            case "open-next":
                return _controller.NextFileInFolder() is { } next && Open(next);
            default:
                return _input.SharedCommand(id) ?? false;
        }
    }

    private bool Variation(int delta)
    {
        if (!_controller.SwitchVariation(delta))
        {
            Toast("No variations here");
        }

        return true;
    }

    /// <summary>Opens <paramref name="path"/> (drop, next in folder), saying how it went in a toast.</summary>
    private bool Open(string path)
    {
        Toast(_controller.Open(path) is { } error ? "Cannot open: " + error : "Opened " + System.IO.Path.GetFileName(path));
        return true;
    }

    /// <summary>Keys and text while the open prompt is up: it takes them all (letters type, they do not toggle).</summary>
    private bool PromptInput(TextPrompt prompt, InputEvent input)
    {
        switch (prompt.Handle(input))
        {
            case PromptOutcome.Edited:
                return true;
            case PromptOutcome.Cancelled:
                _openPrompt = null;
                return true;
            case PromptOutcome.Submitted:
                string path = PathCompletion.ExpandHome(prompt.Text.Trim().Trim('"', '\''));
                if (path.Length == 0)
                {
                    prompt.Error = "Type the path of an .sgf file";
                    return true;
                }

                if (_controller.Open(path) is { } error)
                {
                    prompt.Error = error;
                    return true;
                }

                _openPrompt = null;
                Toast("Opened " + System.IO.Path.GetFileName(path));
                return true;
            default:
                return false;
        }
    }

    private void Toast(string text) => _input.ShowToast(text);

    public bool Update(DateTime now)
    {
        bool changed = _controller.Update(now);
        if (_controller.TakeFailure() is { } failure)
        {
            Toast(failure);
        }

        return _input.ExpireToast(now) | changed;
    }

    public (BoardView Board, PanelView Panel) BuildFrame()
    {
        var state = _controller.ShownPosition();
        int moveNumber = _controller.MoveNumber;
        var played = _controller.Record.MoveIn(_controller.Node);
        var analysis = _controller.CurrentAnalysis;
        var view = new BoardView(state.Board)
        {
            MarkedMove = played?.Move ?? Move.Pass,
            Analysis = analysis,
            ShowCandidates = _input.ShowCandidates && analysis is not null,
            Heat = _input.Heat,
            MoveNumbers = _showNumbers ? ScreenInput.MoveNumbers(state, state.Moves.Count) : null,
        };
        if (_controller.HighlightMove > 0 && moveNumber == _controller.HighlightMove && played is { Move.IsPlay: true } highlighted)
        {
            view.Highlight = highlighted.Move.Point;
            view.HighlightCaption = $"Move {moveNumber}" + SurpriseCaption(moveNumber);
        }

        if (analysis is not null && !_hover.IsNone && _input.ShowCandidates)
        {
            var (candidate, _) = analysis.Find(Move.At(_hover));
            if (candidate is { Pv.Count: > 0 })
            {
                view.Variation = candidate.Pv;
                view.VariationColor = analysis.ToMove;
                view.ShowCandidates = false;
            }
        }

        return (view, BuildPanel(state, moveNumber, played));
    }

    private string SurpriseCaption(int moveNumber)
    {
        var before = _controller.Review[moveNumber - 1];
        if (before is null)
        {
            return "";
        }

        if (!double.IsNaN(before.NextPrior) && before.NextPriorRank > 0)
        {
            string published = _controller.PublishedPriorOfShownMove() is { } known ? $" · {ShortName(known)} {FormatPercent(known.Prior)}" : "";
            return string.Create(CultureInfo.InvariantCulture, $" · prior {FormatPercent(before.NextPrior)} (rank {before.NextPriorRank}){published}");
        }

        return before.NextVisitRank > 0 ? $" · search rank {before.NextVisitRank}" : " · the search never tried it";
    }

    private PanelView BuildPanel(GameState state, int moveNumber, (Color Color, Move Move)? played)
    {
        var record = _controller.Record;
        var review = _controller.Review;
        var geometry = record.Geometry;
        var info = record.Info;
        var panel = new PanelView
        {
            Title = "ZeroGo",
            Subtitle = $"Replay · {System.IO.Path.GetFileName(record.Path ?? "game")} · {geometry}",
            ToMove = state.ToMove,
            Black = new PlayerLine(record.BlackName, "Black", state.Board.CapturesBy(Color.Black)),
            White = new PlayerLine(record.WhiteName, "White", state.Board.CapturesBy(Color.White)),
        };
        _input.FillPanel(panel);
        panel.Prompt = _openPrompt is { } prompt ? new PromptView(prompt.Label, prompt.Text, prompt.Error) : null;
        string moveText = played is { } p ? $" · {p.Color.Letter()} {GtpVertex.Format(p.Move, geometry)}" : "";
        panel.Info.Add($"Move {moveNumber} of {review.MoveCount}{moveText}");
        var (siblings, index) = GameRecord.Variations(_controller.Node);
        if (siblings.Count > 1)
        {
            panel.Info.Add($"Variation {index + 1} of {siblings.Count} (↑ ↓ to switch)");
        }

        string result = string.IsNullOrWhiteSpace(info.Result) ? "" : $"Result {info.Result} · ";
        panel.Info.Add($"{result}komi {state.Rules.Komi.ToString("0.#", CultureInfo.InvariantCulture)}" + (string.IsNullOrWhiteSpace(info.Date) ? "" : $" · {info.Date}"));
        if (_controller.Source is { } source)
        {
            panel.Info.Add($"Review: {review.Evaluated}/{review.MoveCount + 1} positions · {_controller.Visits} visits each");
            panel.Info.Add("Engine: " + source.Name);
        }

        var eval = _controller.OnMainLine ? review[moveNumber] : null;
        if (eval is not null)
        {
            panel.WinRateBlack = eval.WinRateBlack;
            panel.ScoreLeadBlack = eval.ToMove == Color.Black ? eval.ScoreLead : -eval.ScoreLead;
        }
        else if (_controller.CurrentAnalysis is { } live)
        {
            panel.WinRateBlack = live.WinRateBlack;
            panel.ScoreLeadBlack = double.IsNaN(live.ScoreLead) ? null : live.ScoreLeadBlack;
        }

        if (review.Evaluated >= 3)
        {
            panel.WinRateHistory = review.WinRatesBlack();
            panel.MistakeMoves = review.Mistakes(Color.Black).Concat(review.Mistakes(Color.White)).Select(m => m.MoveNumber).ToList();
            panel.CurrentMove = moveNumber;
        }

        AddMoveDetails(panel, moveNumber, played);
        panel.Comment = GameRecord.Comment(_controller.Node);
        panel.Buttons.Add(new PanelButton("prev", "◀ Back", "←"));
        panel.Buttons.Add(new PanelButton("autoplay", _controller.Autoplaying ? "Pause" : "Autoplay", "space", true, _controller.Autoplaying));
        panel.Buttons.Add(new PanelButton("next", "Next ▶", "→"));
        panel.Buttons.Add(new PanelButton("mistake", "Mistakes", "m"));
        _input.AddOverlayButtons(panel);
        panel.Buttons.Add(new PanelButton("save", "Save review", "ctrl+s", record.Path is not null));
        panel.Buttons.Add(new PanelButton("help", "Help", "h"));
        panel.Help.AddRange(HelpLines);
        return panel;
    }

    private void AddMoveDetails(PanelView panel, int moveNumber, (Color Color, Move Move)? played)
    {
        if (played is null || !_controller.OnMainLine)
        {
            return;
        }

        var geometry = _controller.Record.Geometry;
        var review = _controller.Review;
        var before = review[moveNumber - 1];
        if (before is not null)
        {
            if (!double.IsNaN(before.NextPrior))
            {
                panel.Details.Add(("Prior of the move played", $"{FormatPercent(before.NextPrior)} · rank {before.NextPriorRank}"));
            }

            if (_controller.PublishedPriorOfShownMove() is { } known)
            {
                panel.Details.Add((known.Program, known.Spoken));
            }

            panel.Details.Add(("Search rank (surprise)", before.NextVisitRank > 0 ? $"#{before.NextVisitRank}" : "not searched"));
            panel.Details.Add(("Engine preferred", GtpVertex.Format(before.Best, geometry) + (before.Best == played.Value.Move ? " (= played)" : "")));
        }

        if (review.Review(moveNumber) is { } moveReview)
        {
            panel.Details.Add(("Win rate before → after", string.Create(CultureInfo.InvariantCulture, $"{moveReview.WinRateBefore * 100:0.0}% → {moveReview.WinRateAfter * 100:0.0}%")));
            panel.Details.Add(("Loss", string.Create(CultureInfo.InvariantCulture, $"{moveReview.WinRateLoss * 100:0.0}% · {moveReview.PointsLoss:0.0} pts")));
        }

        var black = review.Mistakes(Color.Black, 4);
        var white = review.Mistakes(Color.White, 4);
        if (black.Count + white.Count > 0)
        {
            panel.Details.Add(("Black's biggest mistakes", string.Join(", ", black.Select(m => m.MoveNumber))));
            panel.Details.Add(("White's biggest mistakes", string.Join(", ", white.Select(m => m.MoveNumber))));
        }
    }

    /// <summary>"AlphaGo" of "AlphaGo's policy network": the caption over the board has room for a name only.</summary>
    private static string ShortName(PublishedPrior known) => known.Program.Split('\'', ' ')[0];

    private static string FormatPercent(double p) =>
        (p * 100).ToString(p >= 0.1 ? "0.0" : p >= 0.001 ? "0.00" : "0.####", CultureInfo.InvariantCulture) + "%";

    internal static readonly (string Keys, string Action)[] HelpLines =
    [
        ("← → / wheel", "previous / next move"),
        ("page up / down", "10 moves back / forward"),
        ("home / end", "start / end of the line"),
        ("↑ ↓", "switch between variations"),
        ("space", "autoplay on / off"),
        ("m", "jump to the next big mistake"),
        ("c", "candidates (hover one: its variation)"),
        ("o / y", "ownership / policy heat map"),
        ("n", "move numbers"),
        ("click graph", "jump to that move"),
        ("ctrl+o / drop", "open a file: type its path (tab completes) / drop it"),
        ("ctrl+n", "open the next .sgf in the same folder"),
        ("ctrl+s", "save the review into FILE-analysed.sgf"),
        ("h / F1", "this help         ctrl+q  quit"),
    ];

    public void Dispose() => _controller.Dispose();
}
