using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Analysis;

/// <summary>
/// The real engine behind the board: ZeroGo's PUCT search (<see cref="MctsSearch"/>) over any evaluator (a network,
/// or the rollout / uniform stand-ins). Keeps one search so the tree is reused from move to move; analyses run one
/// at a time. The policy overlay comes from one direct evaluation of the root.
/// </summary>
public sealed class SearchAnalysisSource : IAnalysisSource
{
    private readonly object _runLock = new();
    private readonly IEvaluator _evaluator;
    private readonly MctsSearch _search;

    private readonly string? _name;

    /// <param name="name">What the window calls this engine; null: "MCTS + " and the evaluator's name.</param>
    /// <param name="batchSize">Leaves each search thread gathers per evaluator call (null: the search's default).</param>
    public SearchAnalysisSource(IEvaluator evaluator, int threads = 1, ulong seed = 0, string? name = null, int? batchSize = null)
    {
        _evaluator = evaluator;
        _name = name;
        var options = new SearchOptions { Threads = Math.Max(1, threads), Seed = seed };
        if (batchSize is { } leaves)
        {
            options = options with { BatchSize = Math.Max(1, leaves) };
        }

        _search = new MctsSearch(evaluator, options)
        {
            ProgressInterval = TimeSpan.FromMilliseconds(150),
        };
    }

    public IEvaluator Evaluator => _evaluator;

    public string Name => _name ?? $"MCTS + {_evaluator.Name}";

    public AnalysisSnapshot Analyse(GameState state, int visits, CancellationToken cancel, Action<AnalysisSnapshot>? progress)
    {
        lock (_runLock)
        {
            var policy = RootPolicy(state);
            _search.SetPosition(state);
            void OnProgress(SearchSnapshot snapshot) => progress?.Invoke(Convert(snapshot, policy, final: false));
            _search.Progress += OnProgress;
            try
            {
                // Visits of the root including the reused subtree: a well-explored line answers at once.
                var result = _search.Run(SearchLimits.Visits(Math.Max(1, visits)), cancel);
                if (result.Snapshot.Ownership is null && !cancel.IsCancellationRequested)
                {
                    // The reused tree already had the visits, so this run evaluated nothing and has no ownership
                    // (the search averages it over its own evaluations): a few fresh playouts bring it back.
                    result = _search.Run(SearchLimits.Playouts(Math.Clamp(visits / 8, 16, 200)), cancel);
                }

                // The search's own choice too (no pass that loses the game as the stones stand), as gtp and the arena play it.
                return Convert(result.Snapshot, policy, final: true, chosen: result.Move.IsResign ? null : result.Move);
            }
            finally
            {
                _search.Progress -= OnProgress;
            }
        }
    }

    /// <summary>
    /// The evaluator's prior for the position (dense points, pass last), over every symmetry where the evaluator
    /// has them, so the overlay and a replay's "prior of the move played" are the same at every look.
    /// </summary>
    public float[]? RootPolicy(GameState state) => DirectEvaluation.Of(_evaluator, state).Evaluation.Policy;

    /// <summary>Turns the search's snapshot into the board's analysis (ownership to Black's view).</summary>
    public static AnalysisSnapshot Convert(SearchSnapshot snapshot, float[]? policy, bool final, Move? chosen = null)
    {
        float[]? ownershipBlack = null;
        if (snapshot.Ownership is { } ownership)
        {
            float sign = snapshot.ToMove == Color.Black ? 1 : -1;
            ownershipBlack = ownership.Select(o => o * sign).ToArray();
        }

        var candidates = snapshot.Candidates
            .OrderBy(c => c.Order)
            .Select(c => new CandidateMove(c.Move, c.Visits, c.WinRate, c.ScoreLead, c.Prior, c.Lcb, c.PrincipalVariation))
            .ToList();
        return new AnalysisSnapshot
        {
            ToMove = snapshot.ToMove,
            Candidates = candidates,
            TotalVisits = snapshot.RootVisits,
            WinRate = snapshot.WinRate,
            ScoreLead = snapshot.ScoreLead,
            Policy = policy,
            PolicyName = "prior",
            OwnershipBlack = ownershipBlack,
            IsFinal = final,
            Chosen = chosen,
        };
    }
}
