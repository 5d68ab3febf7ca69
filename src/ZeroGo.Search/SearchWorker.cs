using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// One search thread: gathers a batch of leaves under virtual loss (tree lock held), replays each leaf's path
/// on its request board and asks the evaluator about the batch (no lock held), then expands the leaves and
/// backs their values up (lock held). Owns its requests, results and scratch buffers; no allocation per visit.
/// The steps live in <c>SearchWorker.Selection.cs</c>, <c>SearchWorker.Evaluation.cs</c> and
/// <c>SearchWorker.Backup.cs</c>; the run's limits and counters in <see cref="SearchRun"/>.
/// </summary>
internal sealed partial class SearchWorker
{
    private readonly MctsSearch _search;
    private readonly SearchRun _run;
    private readonly RootNoise _rootNoise;
    private readonly SearchOptions _options;
    private readonly EvaluationRequest[] _requests;
    private readonly Evaluation[] _results;
    private readonly List<EvaluationRequest> _toEvaluate;
    private readonly List<Evaluation> _evaluations;
    private readonly Leaf[] _leaves;
    private readonly Edge[] _expansions;
    private readonly Board _scratch;
    private int _leafCount;
    private int[] _pathNodes = new int[256];
    private int[] _pathEdges = new int[256];
    private short[] _pathMoves = new short[256];
    private int _pathUsed;
    private ulong[] _pathKeys = new ulong[64];
    private int[] _pathStoneCounts = new int[64];
    private readonly Point[] _points;
    private readonly ScoreUtility _scoreUtility;

    public SearchWorker(MctsSearch search, SearchRun run, RootNoise rootNoise, BoardGeometry geometry, int historyLength)
    {
        _search = search;
        _run = run;
        _rootNoise = rootNoise;
        _options = search.Options;
        Geometry = geometry;
        int batch = _options.BatchSize;
        _requests = new EvaluationRequest[batch];
        _results = new Evaluation[batch];
        for (int i = 0; i < batch; i++)
        {
            _requests[i] = new EvaluationRequest(geometry, historyLength);
            _results[i] = new Evaluation(geometry);
        }

        _toEvaluate = new List<EvaluationRequest>(batch);
        _evaluations = new List<Evaluation>(batch);
        _leaves = new Leaf[batch];
        _expansions = new Edge[batch * (geometry.Area + 1)];
        _scratch = new Board(geometry);
        _points = [.. geometry.Points];
        _scoreUtility = new ScoreUtility(_options, geometry.Area);
    }

    public BoardGeometry Geometry { get; }

    /// <summary>The exception that ended this worker, if any (the search rethrows it).</summary>
    public Exception? Failure { get; private set; }

    private enum LeafKind : byte
    {
        Evaluate,
        Terminal,
        Illegal,
    }

    private enum DescentResult
    {
        Leaf,
        TerminalHit,
        Collision,
        Full,
    }

    private struct Leaf
    {
        public int PathStart;
        public int PathLength;
        public int Node;
        public byte Passes;
        public LeafKind Kind;
        public int Request;
        public float Value;
        public float Score;
        public int ExpansionCount;
    }

    public void Run()
    {
        Failure = null;
        var spin = new SpinWait();
        try
        {
            while (true)
            {
                lock (_search.TreeLock)
                {
                    GatherLeaves();
                }

                if (_leafCount == 0)
                {
                    if (_run.Stopping)
                    {
                        break;
                    }

                    spin.SpinOnce(); // every leaf in reach is being evaluated by another thread
                    continue;
                }

                spin.Reset();
                PrepareAndEvaluate();
                lock (_search.TreeLock)
                {
                    BackupLeaves();
                }

                _run.MaybeReportProgress();
            }
        }
        catch (Exception exception)
        {
            Failure = exception;
            lock (_search.TreeLock)
            {
                AbandonLeaves();
                _run.StopWith(StopReason.Stopped);
            }
        }
    }

    /// <summary>After a failure: takes the batch's virtual losses and evaluation marks back out of the tree.</summary>
    private void AbandonLeaves()
    {
        var store = _search.Store;
        for (int i = 0; i < _leafCount; i++)
        {
            ref var leaf = ref _leaves[i];
            store.NodeAt(leaf.Node).Flags &= ~NodeFlags.Evaluating;
            RevertVirtualLoss(leaf.PathStart, leaf.PathLength);
            _run.CountPlayoutCancelled();
        }

        _leafCount = 0;
    }
}
