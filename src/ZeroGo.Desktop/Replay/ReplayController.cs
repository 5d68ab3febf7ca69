using System.Collections.Concurrent;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Replay;

/// <summary>
/// A record being replayed, without any drawing: the node shown and the ways to move it (step, jump, variations,
/// autoplay, the next big mistake), opening other records and saving the review, and the engine's view of every
/// position (prior and rank of the played move, win rate before and after, the preferred move) computed by a
/// background worker while the user browses. All members belong to one thread (the window's); the worker reads
/// the record and the node shown under a lock and publishes its analyses, which <see cref="Update"/> reports.
/// Render uses it without a worker, analysing on the calling thread.
/// </summary>
public sealed class ReplayController : IDisposable
{
    private static readonly TimeSpan AutoplayInterval = TimeSpan.FromSeconds(1.2);

    private readonly object _recordLock = new();
    private readonly ConcurrentDictionary<SgfNode, AnalysisSnapshot> _analyses = new();
    private readonly AutoResetEvent _workSignal = new(false);
    private CancellationTokenSource? _workerCancel;
    private GameRecord _record;
    private GameReview _review;
    private SgfNode _node;
    private DateTime _nextAutoplay;
    private int _analysedCount;
    private int _seenAnalysedCount;
    private string? _failure;

    /// <param name="source">The engine for the review; null for no analysis (render without overlays).</param>
    public ReplayController(GameRecord record, IAnalysisSource? source, int visits, int startMove)
    {
        _record = record;
        _review = new GameReview(record);
        Source = source;
        Visits = Math.Max(1, visits);
        HighlightMove = startMove;
        _node = record.NodeAfterMove(startMove);
    }

    /// <summary>The engine behind the review, null when there is none.</summary>
    public IAnalysisSource? Source { get; }

    /// <summary>Visits per analysed position.</summary>
    public int Visits { get; }

    public GameRecord Record => _record;

    public GameReview Review => _review;

    /// <summary>The node shown.</summary>
    public SgfNode Node => _node;

    /// <summary>Moves from the root to the node shown.</summary>
    public int MoveNumber => GameRecord.MoveNumberOf(_node);

    /// <summary>Whether the node shown is on the record's main line (the review covers only that).</summary>
    public bool OnMainLine => _record.MainLine.Contains(_node);

    /// <summary>The move drawn with a ring and its surprise (the start move, the last mistake jumped to); 0 for none.</summary>
    public int HighlightMove { get; private set; }

    public bool Autoplaying { get; private set; }

    /// <summary>How long until autoplay steps, null when it is off (for the window's next wake-up).</summary>
    public TimeSpan? AutoplayWait => Autoplaying ? _nextAutoplay - DateTime.UtcNow : null;

    /// <summary>Called from the worker thread when it has news (the window loop wakes up).</summary>
    public Action? Wake { get; set; }

    /// <summary>The engine's view of the node shown, null until it is analysed.</summary>
    public AnalysisSnapshot? CurrentAnalysis => _analyses.TryGetValue(_node, out var analysis) ? analysis : null;

    /// <summary>The position shown (the record's cached state: callers must not change it).</summary>
    public GameState ShownPosition()
    {
        // The record's state cache is shared with the worker.
        lock (_recordLock)
        {
            return _record.StateAt(_node);
        }
    }

    /// <summary>
    /// The prior another program's network is on record as giving the move shown (AlphaGo's for Move 37 of its game
    /// 2 against Lee Sedol), set beside ZeroGo's own; null when none is known.
    /// </summary>
    public PublishedPrior? PublishedPriorOfShownMove()
    {
        if (_node.Parent is not { } parent || _record.MoveIn(_node) is not { } played)
        {
            return null;
        }

        lock (_recordLock)
        {
            var before = _record.StateAt(parent);
            return before.ToMove == played.Color ? PublishedPriors.For(before, played.Move) : null;
        }
    }

    /// <summary>Starts the review worker (the window calls this; render does not).</summary>
    public void StartAnalysis()
    {
        if (Source is null || _workerCancel is not null)
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
        if (Source is null)
        {
            return null;
        }

        GameState state;
        lock (_recordLock)
        {
            state = _record.StateAt(_node).Clone();
        }

        var analysis = Source.Analyse(state, Visits, cancel, null);
        _analyses[_node] = analysis;
        return analysis;
    }

    /// <summary>
    /// Reviews the positions before and after the move shown, on the calling thread (render: the highlighted
    /// move's surprise, win rate before and after).
    /// </summary>
    public void ReviewCurrentMove(CancellationToken cancel = default)
    {
        if (Source is null || !OnMainLine)
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
            var analysis = Source.Analyse(state, Visits, cancel, null);
            _analyses[node] = analysis;
            _review.Set(PositionEval.From(position, analysis, _record.Geometry, _review.MoveAt(position + 1)?.Move));
        }
    }

    /// <summary>
    /// Takes in the worker's news and steps autoplay when it is due; true when the picture changed. A failed
    /// analysis stops the worker; <see cref="TakeFailure"/> then says why, once.
    /// </summary>
    public bool Update(DateTime now)
    {
        bool changed = Volatile.Read(ref _failure) is not null;
        int analysed = Volatile.Read(ref _analysedCount);
        if (analysed != _seenAnalysedCount)
        {
            _seenAnalysedCount = analysed;
            changed = true;
        }

        if (Autoplaying && now >= _nextAutoplay)
        {
            _nextAutoplay = now + AutoplayInterval;
            if (!Step(1))
            {
                Autoplaying = false;
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>Why the review worker stopped ("Analysis failed: …"), once; null when it has not failed since the last call.</summary>
    public string? TakeFailure() => Interlocked.Exchange(ref _failure, null);

    /// <summary>Starts or stops stepping one move every 1.2 s.</summary>
    public void ToggleAutoplay()
    {
        Autoplaying = !Autoplaying;
        _nextAutoplay = DateTime.UtcNow + AutoplayInterval;
    }

    /// <summary>Goes <paramref name="delta"/> moves forward (along the first variation) or back; false when it cannot move.</summary>
    public bool Step(int delta)
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

    /// <summary>Shows the main line after <paramref name="moveNumber"/> moves (clamped to the record).</summary>
    public bool GoToMove(int moveNumber) => GoTo(_record.NodeAfterMove(Math.Clamp(moveNumber, 0, _record.MoveCount)));

    /// <summary>Shows the last node of the line shown (following first variations).</summary>
    public bool GoToEndOfLine()
    {
        var node = _node;
        while (GameRecord.Next(node) is { } next)
        {
            node = next;
        }

        return GoTo(node);
    }

    /// <summary>Switches to the previous (-1) or next (+1) variation of the node shown; false when it has none.</summary>
    public bool SwitchVariation(int delta)
    {
        var (siblings, index) = GameRecord.Variations(_node);
        if (siblings.Count < 2)
        {
            return false;
        }

        GoTo(siblings[(index + delta + siblings.Count) % siblings.Count]);
        return true;
    }

    /// <summary>
    /// Jumps to the next of the biggest mistakes found so far (both colours, biggest first, round and round) and
    /// highlights it; null when it did, else why not.
    /// </summary>
    public string? JumpToNextMistake()
    {
        var mistakes = _review.Mistakes(Color.Black, 10).Concat(_review.Mistakes(Color.White, 10))
            .OrderByDescending(m => m.WinRateLoss).Select(m => m.MoveNumber).ToList();
        if (mistakes.Count == 0)
        {
            return _review.Evaluated < _review.MoveCount + 1 ? "The review is still running…" : "No mistakes over 5% found";
        }

        int index = mistakes.IndexOf(MoveNumber);
        int next = mistakes[(index + 1) % mistakes.Count];
        HighlightMove = next;
        GoTo(_record.NodeAfterMove(next));
        return null;
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

    /// <summary>Shows the record at <paramref name="path"/> from its start, reviewed afresh; null when done, else why not.</summary>
    public string? Open(string path)
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
                HighlightMove = 0;
            }

            _workSignal.Set();
            return null;
        }
        catch (Exception e) when (e is SgfException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }

    /// <summary>The .sgf file after the open one in its folder (by name, round and round); null when there is no other.</summary>
    public string? NextFileInFolder()
    {
        if (_record.Path is null || Path.GetDirectoryName(Path.GetFullPath(_record.Path)) is not { } folder)
        {
            return null;
        }

        var files = Directory.GetFiles(folder, "*.sgf").OrderBy(f => f, StringComparer.Ordinal).ToList();
        int index = files.FindIndex(f => Path.GetFullPath(f) == Path.GetFullPath(_record.Path));
        return files.Count > 1 ? files[(index + 1) % files.Count] : null;
    }

    /// <summary>Where an open prompt starts: the open record's folder, else the working folder, with a trailing slash.</summary>
    public string StartingFolder()
    {
        string folder = _record.Path is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } parent
            ? parent
            : Environment.CurrentDirectory;
        return folder.EndsWith('/') ? folder : folder + "/";
    }

    /// <summary>Writes the review into the record (ZG property and comments) next to the original file; says how it went.</summary>
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
                    : Path.ChangeExtension(_record.Path, null) + "-analysed.sgf";
                SgfWriter.Save(path, _record.Root);
                return $"Saved {_review.Evaluated} evaluations to {Path.GetFileName(path)}";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "Could not save: " + e.Message;
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
            GameRecord record;
            GameReview review;
            lock (_recordLock)
            {
                state = _record.StateAt(node).Clone();
                record = _record;
                review = _review;
            }

            AnalysisSnapshot analysis;
            try
            {
                analysis = Source!.Analyse(state, Visits, cancel, null);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                Volatile.Write(ref _failure, "Analysis failed: " + e.Message);
                Wake?.Invoke();
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
                review.Set(PositionEval.From(position, analysis, record.Geometry, next));
            }

            Interlocked.Increment(ref _analysedCount);
            Wake?.Invoke();
        }
    }

    /// <summary>The node shown first, then the main line from the move shown onwards, then the rest.</summary>
    private (SgfNode? Node, int Position) NextWork()
    {
        lock (_recordLock)
        {
            var current = _node;
            int currentPosition = _record.MainLine.Contains(current) ? GameRecord.MoveNumberOf(current) : -1;
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

    public void Dispose()
    {
        _workerCancel?.Cancel();
        _workSignal.Set();
    }
}
