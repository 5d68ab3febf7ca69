using System.Collections.Concurrent;
using System.Globalization;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Formats;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Replay;

/// <summary>
/// Replaying a record: step, jump, autoplay, variations and comments, with the engine's view of every move (prior
/// and rank of the played move, win rate before and after, the preferred move, the biggest mistakes) computed by a
/// background worker while the user browses. Also builds the frames of <c>zerogo render</c> (without a worker).
/// </summary>
public sealed class ReplayScreen : IScreen
{
    private static readonly TimeSpan AutoplayInterval = TimeSpan.FromSeconds(1.2);

    private readonly object _recordLock = new();
    private readonly ConcurrentDictionary<SgfNode, AnalysisSnapshot> _analyses = new();
    private readonly IAnalysisSource? _source;
    private readonly int _visits;
    private readonly AutoResetEvent _workSignal = new(false);
    private readonly ScreenInput _input = new();
    private CancellationTokenSource? _workerCancel;
    private GameRecord _record;
    private GameReview _review;
    private SgfNode _node;
    private int _highlightMove;
    private bool _autoplay;
    private DateTime _nextAutoplay;
    private bool _showCandidates = true;
    private bool _showNumbers;
    private HeatOverlay _heat;
    private int _analysedCount;
    private int _seenAnalysedCount;
    private Point _hover = Point.None;
    private Action? _wake;
    private TextPrompt? _openPrompt;

    /// <param name="source">The engine for the review; null for no analysis (render without overlays).</param>
    public ReplayScreen(GameRecord record, IAnalysisSource? source, int visits, int startMove)
    {
        _record = record;
        _review = new GameReview(record);
        _source = source;
        _visits = Math.Max(1, visits);
        _highlightMove = startMove;
        _node = record.NodeAfterMove(startMove);
    }

    public GameRecord Record => _record;

    public GameReview Review => _review;

    public SgfNode Node => _node;

    /// <summary>The open-file prompt (ctrl+o) while it is open, else null.</summary>
    public TextPrompt? OpenPrompt => _openPrompt;

    /// <summary>Moves from the root to the node shown.</summary>
    public int MoveNumber => GameRecord.MoveNumberOf(_node);

    public HeatOverlay Heat
    {
        get => _heat;
        set => _heat = value;
    }

    public bool ShowCandidates
    {
        get => _showCandidates;
        set => _showCandidates = value;
    }

    public Action? Wake
    {
        get => _wake;
        set => _wake = value;
    }

    public string Title => $"ZeroGo · replay {System.IO.Path.GetFileName(_record.Path ?? "game")} · move {MoveNumber}";

    public bool WantsQuit => _input.WantsQuit;

    public TimeSpan? NextUpdate => _autoplay ? _nextAutoplay - DateTime.UtcNow : _input.ToastWait;

    /// <summary>Starts the review worker (the window calls this; render does not).</summary>
    public void StartAnalysis()
    {
        if (_source is null || _workerCancel is not null)
        {
            return;
        }

        var cancel = new CancellationTokenSource();
        _workerCancel = cancel;
        var thread = new Thread(() => AnalysisLoop(cancel.Token)) { IsBackground = true, Name = "ZeroGo review", Priority = ThreadPriority.BelowNormal };
        thread.Start();
    }

    /// <summary>Gives the analysis of a node from outside (render's one-off analysis; tests).</summary>
    public void SetAnalysis(SgfNode node, AnalysisSnapshot analysis) => _analyses[node] = analysis;

    /// <summary>Analyses the node shown now, on the calling thread (render).</summary>
    public AnalysisSnapshot? AnalyseCurrent(CancellationToken cancel = default)
    {
        if (_source is null)
        {
            return null;
        }

        GameState state;
        lock (_recordLock)
        {
            state = _record.StateAt(_node).Clone();
        }

        var analysis = _source.Analyse(state, _visits, cancel, null);
        _analyses[_node] = analysis;
        return analysis;
    }

    /// <summary>
    /// Reviews the positions before and after the move shown, on the calling thread (render: the highlighted
    /// move's surprise, win rate before and after).
    /// </summary>
    public void ReviewCurrentMove(CancellationToken cancel = default)
    {
        if (_source is null || !_record.MainLine.Contains(_node))
        {
            return;
        }

        int moveNumber = MoveNumber;
        foreach (int position in new[] { moveNumber - 1, moveNumber })
        {
            if (position < 0 || position > _review.MoveCount || _review[position] is not null)
            {
                continue;
            }

            var node = _record.NodeAfterMove(position);
            var state = _record.StateAt(node).Clone();
            var analysis = _source.Analyse(state, _visits, cancel, null);
            _analyses[node] = analysis;
            _review.Set(PositionEval.From(position, analysis, _record.Geometry, _review.MoveAt(position + 1)?.Move));
        }
    }

    private void AnalysisLoop(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            var (node, position) = NextWork();
            if (node is null)
            {
                _workSignal.WaitOne(500);
                continue;
            }

            GameState state;
            GameReview review;
            lock (_recordLock)
            {
                state = _record.StateAt(node).Clone();
                review = _review;
            }

            AnalysisSnapshot analysis;
            try
            {
                analysis = _source!.Analyse(state, _visits, cancel, null);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                Toast("Analysis failed: " + e.Message);
                _wake?.Invoke();
                return;
            }

            if (cancel.IsCancellationRequested)
            {
                return;
            }

            _analyses[node] = analysis;
            if (position >= 0)
            {
                var next = review.MoveAt(position + 1)?.Move;
                review.Set(PositionEval.From(position, analysis, _record.Geometry, next));
            }

            Interlocked.Increment(ref _analysedCount);
            _wake?.Invoke();
        }
    }

    /// <summary>The node shown first, then the main line from the move shown onwards, then the rest.</summary>
    private (SgfNode? Node, int Position) NextWork()
    {
        lock (_recordLock)
        {
            var current = _node;
            var mainLine = _record.MainLine;
            int currentPosition = mainLine.Contains(current) ? GameRecord.MoveNumberOf(current) : -1;
            if (!_analyses.ContainsKey(current) && (currentPosition < 0 || _review[currentPosition] is null))
            {
                return (current, currentPosition);
            }

            // The position before the shown move too (its prior and rank), then onwards.
            int start = Math.Max(0, (currentPosition < 0 ? 0 : currentPosition) - 1);
            for (int k = 0; k <= _review.MoveCount; k++)
            {
                int position = (start + k) % (_review.MoveCount + 1);
                if (_review[position] is null)
                {
                    return (_record.NodeAfterMove(position), position);
                }
            }

            return (null, -1);
        }
    }

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
                return Step(wheel.Delta > 0 ? -1 : 1);
            case FileDropped dropped:
                return Open(dropped.Path);
            case MouseMoved move:
                return ScreenInput.MoveHover(ref _hover, move, layout) && _showCandidates;
            case MouseClicked click when layout is not null:
                if (_input.SharedClick(click, layout, Command) is { } shared)
                {
                    return shared;
                }

                if (!layout.Graph.IsEmpty && layout.Graph.Contains(click.X, click.Y) && _review.MoveCount > 0)
                {
                    int move = (int)Math.Round((click.X - layout.Graph.Left) / layout.Graph.Width * _review.MoveCount);
                    return GoTo(_record.NodeAfterMove(Math.Clamp(move, 0, _review.MoveCount)));
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
            "left" or "backspace" => Step(-1),
            "right" => Step(1),
            "up" => Variation(-1),
            "down" => Variation(1),
            "pageup" => Step(-10),
            "pagedown" => Step(10),
            "home" => GoTo(_record.NodeAfterMove(0)),
            "end" => GoTo(LastOfLine()),
            "space" => Command("autoplay"),
            "m" => Command("mistake"),
            "c" => Command("candidates"),
            "o" => Command("ownership"),
            "y" => Command("policy"),
            "n" => ScreenInput.Toggle(ref _showNumbers),
            "escape" => _autoplay ? Command("autoplay") : false,
            _ => false,
        };
    }

    public bool Command(string id)
    {
        switch (id)
        {
            case "prev":
                return Step(-1);
            case "next":
                return Step(1);
            case "autoplay":
                _autoplay = !_autoplay;
                _nextAutoplay = DateTime.UtcNow + AutoplayInterval;
                return true;
            case "mistake":
                return NextMistake();
            case "candidates":
                return ScreenInput.Toggle(ref _showCandidates);
            case "ownership":
                _heat = ScreenInput.ToggleHeat(_heat, HeatOverlay.Ownership);
                return true;
            case "policy":
                _heat = ScreenInput.ToggleHeat(_heat, HeatOverlay.Policy);
                return true;
            case "help":
                return _input.ToggleHelp();
            case "save":
                Toast(SaveAnalysis());
                return true;
            case "open":
                _openPrompt = new TextPrompt("Open SGF file", StartingFolder(), text => PathCompletion.Complete(text, ".sgf"));
                return true;
            case "open-next":
                return OpenNextInFolder();
            default:
                return false;
        }
    }

    /// <summary>Writes the review into the record (ZG property and comments) next to the original file.</summary>
    public string SaveAnalysis()
    {
        if (_record.Path is null)
        {
            return "Nothing to save: the record has no file";
        }

        try
        {
            lock (_recordLock)
            {
                _review.StoreInRecord();
                string path = _record.Path.EndsWith("-analysed.sgf", StringComparison.OrdinalIgnoreCase)
                    ? _record.Path
                    : System.IO.Path.ChangeExtension(_record.Path, null) + "-analysed.sgf";
                SgfWriter.Save(path, _record.Root);
                return $"Saved {_review.Evaluated} evaluations to {System.IO.Path.GetFileName(path)}";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "Could not save: " + e.Message;
        }
    }

    /// <summary>Opens <paramref name="path"/> (drop, next in folder), saying how it went in a toast.</summary>
    private bool Open(string path)
    {
        Toast(TryOpen(path) is { } error ? "Cannot open: " + error : "Opened " + System.IO.Path.GetFileName(path));
        return true;
    }

    /// <summary>Shows the record at <paramref name="path"/> from its start; null when done, else why not.</summary>
    private string? TryOpen(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return $"{path} is a folder (tab lists its .sgf files)";
            }

            var record = GameRecord.Load(path);
            lock (_recordLock)
            {
                _record = record;
                _review = new GameReview(record);
                _analyses.Clear();
                _node = record.NodeAfterMove(0);
                _highlightMove = 0;
            }

            _workSignal.Set();
            return null;
        }
        catch (Exception e) when (e is SgfException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
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

                if (TryOpen(path) is { } error)
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

    /// <summary>Where the prompt starts: the open record's folder, else the working folder, with a trailing slash.</summary>
    private string StartingFolder()
    {
        string folder = _record.Path is { } path && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { Length: > 0 } parent
            ? parent
            : Environment.CurrentDirectory;
        return folder.EndsWith('/') ? folder : folder + "/";
    }

    private bool OpenNextInFolder()
    {
        if (_record.Path is null || System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_record.Path)) is not { } folder)
        {
            return false;
        }

        var files = Directory.GetFiles(folder, "*.sgf").OrderBy(f => f, StringComparer.Ordinal).ToList();
        int index = files.FindIndex(f => System.IO.Path.GetFullPath(f) == System.IO.Path.GetFullPath(_record.Path));
        return files.Count > 1 && Open(files[(index + 1) % files.Count]);
    }

    private bool NextMistake()
    {
        var mistakes = _review.Mistakes(Color.Black, 10).Concat(_review.Mistakes(Color.White, 10))
            .OrderByDescending(m => m.WinRateLoss).Select(m => m.MoveNumber).ToList();
        if (mistakes.Count == 0)
        {
            Toast(_review.Evaluated < _review.MoveCount + 1 ? "The review is still running…" : "No mistakes over 5% found");
            return true;
        }

        int current = MoveNumber;
        int index = mistakes.IndexOf(current);
        int next = mistakes[(index + 1) % mistakes.Count];
        _highlightMove = next;
        return GoTo(_record.NodeAfterMove(next));
    }

    private SgfNode LastOfLine()
    {
        var node = _node;
        while (GameRecord.Next(node) is { } next)
        {
            node = next;
        }

        return node;
    }

    private bool Step(int delta)
    {
        var node = _node;
        for (int i = 0; i < Math.Abs(delta); i++)
        {
            var next = delta > 0 ? GameRecord.Next(node) : node.Parent;
            if (next is null)
            {
                break;
            }

            node = next;
        }

        return GoTo(node);
    }

    private bool Variation(int delta)
    {
        var (siblings, index) = GameRecord.Variations(_node);
        if (siblings.Count < 2)
        {
            Toast("No variations here");
            return true;
        }

        return GoTo(siblings[(index + delta + siblings.Count) % siblings.Count]);
    }

    /// <summary>Shows <paramref name="node"/>; false when it is already shown.</summary>
    public bool GoTo(SgfNode node)
    {
        if (ReferenceEquals(node, _node))
        {
            return false;
        }

        lock (_recordLock)
        {
            _node = node;
        }

        _workSignal.Set();
        return true;
    }

    private void Toast(string text) => _input.ShowToast(text);

    public bool Update(DateTime now)
    {
        bool changed = false;
        int analysed = Volatile.Read(ref _analysedCount);
        if (analysed != _seenAnalysedCount)
        {
            _seenAnalysedCount = analysed;
            changed = true;
        }

        if (_autoplay && now >= _nextAutoplay)
        {
            _nextAutoplay = now + AutoplayInterval;
            if (!Step(1))
            {
                _autoplay = false;
            }

            changed = true;
        }

        return _input.ExpireToast(now) | changed;
    }

    public (BoardView Board, PanelView Panel) BuildFrame()
    {
        GameState state;
        lock (_recordLock)
        {
            state = _record.StateAt(_node);
        }

        var geometry = _record.Geometry;
        int moveNumber = MoveNumber;
        var played = _record.MoveIn(_node);
        _analyses.TryGetValue(_node, out var analysis);
        var view = new BoardView(state.Board)
        {
            MarkedMove = played?.Move ?? Move.Pass,
            Analysis = analysis,
            ShowCandidates = _showCandidates && analysis is not null,
            Heat = _heat,
            MoveNumbers = _showNumbers ? ScreenInput.MoveNumbers(state, state.Moves.Count) : null,
        };
        if (_highlightMove > 0 && moveNumber == _highlightMove && played is { Move.IsPlay: true } highlighted)
        {
            view.Highlight = highlighted.Move.Point;
            view.HighlightCaption = $"Move {moveNumber}" + SurpriseCaption(moveNumber);
        }

        if (analysis is not null && !_hover.IsNone && _showCandidates)
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
        var before = _review[moveNumber - 1];
        if (before is null)
        {
            return "";
        }

        if (!double.IsNaN(before.NextPrior) && before.NextPriorRank > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $" · prior {FormatPercent(before.NextPrior)} (rank {before.NextPriorRank})");
        }

        return before.NextVisitRank > 0 ? $" · search rank {before.NextVisitRank}" : " · the search never tried it";
    }

    private PanelView BuildPanel(GameState state, int moveNumber, (Color Color, Move Move)? played)
    {
        var geometry = _record.Geometry;
        var info = _record.Info;
        var panel = new PanelView
        {
            Title = "ZeroGo",
            Subtitle = $"Replay · {System.IO.Path.GetFileName(_record.Path ?? "game")} · {geometry}",
            ToMove = state.ToMove,
            Black = new PlayerLine(_record.BlackName, "Black", state.Board.CapturesBy(Color.Black)),
            White = new PlayerLine(_record.WhiteName, "White", state.Board.CapturesBy(Color.White)),
        };
        _input.FillPanel(panel);
        panel.Prompt = _openPrompt is { } prompt ? new PromptView(prompt.Label, prompt.Text, prompt.Error) : null;
        string moveText = played is { } p ? $" · {p.Color.Letter()} {GtpVertex.Format(p.Move, geometry)}" : "";
        panel.Info.Add($"Move {moveNumber} of {_review.MoveCount}{moveText}");
        var (siblings, index) = GameRecord.Variations(_node);
        if (siblings.Count > 1)
        {
            panel.Info.Add($"Variation {index + 1} of {siblings.Count} (↑ ↓ to switch)");
        }

        string result = string.IsNullOrWhiteSpace(info.Result) ? "" : $"Result {info.Result} · ";
        panel.Info.Add($"{result}komi {state.Rules.Komi.ToString("0.#", CultureInfo.InvariantCulture)}" + (string.IsNullOrWhiteSpace(info.Date) ? "" : $" · {info.Date}"));
        if (_source is not null)
        {
            panel.Info.Add($"Review: {_review.Evaluated}/{_review.MoveCount + 1} positions · {_visits} visits each");
            panel.Info.Add("Engine: " + _source.Name);
        }

        var eval = _record.MainLine.Contains(_node) ? _review[moveNumber] : null;
        if (eval is not null)
        {
            panel.WinRateBlack = eval.WinRateBlack;
            panel.ScoreLeadBlack = eval.ToMove == Color.Black ? eval.ScoreLead : -eval.ScoreLead;
        }
        else if (_analyses.TryGetValue(_node, out var live))
        {
            panel.WinRateBlack = live.WinRateBlack;
            panel.ScoreLeadBlack = double.IsNaN(live.ScoreLead) ? null : live.ScoreLeadBlack;
        }

        if (_review.Evaluated >= 3)
        {
            panel.WinRateHistory = _review.WinRatesBlack();
            panel.MistakeMoves = _review.Mistakes(Color.Black).Concat(_review.Mistakes(Color.White)).Select(m => m.MoveNumber).ToList();
            panel.CurrentMove = moveNumber;
        }

        AddMoveDetails(panel, moveNumber, played);
        panel.Comment = GameRecord.Comment(_node);
        panel.Buttons.Add(new PanelButton("prev", "◀ Back", "←"));
        panel.Buttons.Add(new PanelButton("autoplay", _autoplay ? "Pause" : "Autoplay", "space", true, _autoplay));
        panel.Buttons.Add(new PanelButton("next", "Next ▶", "→"));
        panel.Buttons.Add(new PanelButton("mistake", "Mistakes", "m"));
        ScreenInput.AddOverlayButtons(panel, _showCandidates, _heat);
        panel.Buttons.Add(new PanelButton("save", "Save review", "ctrl+s", _record.Path is not null));
        panel.Buttons.Add(new PanelButton("help", "Help", "h"));
        panel.Help.AddRange(HelpLines);
        return panel;
    }

    private void AddMoveDetails(PanelView panel, int moveNumber, (Color Color, Move Move)? played)
    {
        if (played is null || !_record.MainLine.Contains(_node))
        {
            return;
        }

        var geometry = _record.Geometry;
        var before = _review[moveNumber - 1];
        if (before is not null)
        {
            if (!double.IsNaN(before.NextPrior))
            {
                panel.Details.Add(("Prior of the move played", $"{FormatPercent(before.NextPrior)} · rank {before.NextPriorRank}"));
            }

            panel.Details.Add(("Search rank (surprise)", before.NextVisitRank > 0 ? $"#{before.NextVisitRank}" : "not searched"));
            panel.Details.Add(("Engine preferred", GtpVertex.Format(before.Best, geometry) + (before.Best == played.Value.Move ? " (= played)" : "")));
        }

        if (_review.Review(moveNumber) is { } review)
        {
            panel.Details.Add(("Win rate before → after", string.Create(CultureInfo.InvariantCulture, $"{review.WinRateBefore * 100:0.0}% → {review.WinRateAfter * 100:0.0}%")));
            panel.Details.Add(("Loss", string.Create(CultureInfo.InvariantCulture, $"{review.WinRateLoss * 100:0.0}% · {review.PointsLoss:0.0} pts")));
        }

        var black = _review.Mistakes(Color.Black, 4);
        var white = _review.Mistakes(Color.White, 4);
        if (black.Count + white.Count > 0)
        {
            panel.Details.Add(("Black's biggest mistakes", string.Join(", ", black.Select(m => m.MoveNumber))));
            panel.Details.Add(("White's biggest mistakes", string.Join(", ", white.Select(m => m.MoveNumber))));
        }
    }

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

    public void Dispose()
    {
        _workerCancel?.Cancel();
        _workSignal.Set();
    }
}
