using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Training.SelfPlay;

/// <summary>
/// AlphaZero self-play search: PUCT with Dirichlet noise at the root for full searches, no noise for the cheap
/// ones (playout-cap randomisation); the policy target is the root's visit distribution, pruned of the visits
/// that only the noise and exploration bought (<see cref="PolicyTargetPruning"/>) unless that is switched off.
/// </summary>
public sealed class PuctMoveSearcher : IMoveSearcher
{
    private readonly MctsSearch _full;
    private readonly MctsSearch _cheap;
    private readonly int _fullVisits;
    private readonly int _cheapVisits;
    private readonly IEvaluator _evaluator;
    private readonly bool _pruneTarget;

    public PuctMoveSearcher(IEvaluator evaluator, SearchOptions baseOptions, double dirichletEpsilon, double dirichletAlphaTotal,
        int fullVisits, int cheapVisits, ulong seed, bool pruneTarget = true)
    {
        _evaluator = evaluator;
        _pruneTarget = pruneTarget;
        _full = new MctsSearch(evaluator, baseOptions with
        {
            DirichletEpsilon = dirichletEpsilon,
            DirichletAlphaTotal = dirichletAlphaTotal,
            Seed = seed | 1,
            ResignWinRate = null,
            AvoidLosingPass = false,   // self-play plays the search's own choice (Leela Zero's --dumbpass)
        });
        _cheap = new MctsSearch(evaluator, baseOptions with { DirichletEpsilon = 0, Seed = (seed * 31) | 1, ResignWinRate = null, AvoidLosingPass = false });
        _fullVisits = fullVisits;
        _cheapVisits = cheapVisits;
    }

    public bool ChoosesWithNoise => false;

    public MoveSearchResult Search(GameState state, bool full)
    {
        var search = full ? _full : _cheap;
        search.SetPosition(state);
        var result = search.Run(SearchLimits.Visits(full ? _fullVisits : _cheapVisits));
        var snapshot = result.Snapshot;
        var policy = full && _pruneTarget
            ? PolicyTargetPruning.Target(snapshot, RawPriors(state), _full.Options)
            : MoveSelection.VisitDistribution(snapshot);
        if (policy.Sum() <= 0)
        {
            policy[state.Geometry.Area] = 1;
        }

        return new MoveSearchResult(policy, result.Move, snapshot.WinRate, snapshot.RootVisits, snapshot.Playouts);
    }

    /// <summary>The network's root priors before noise (the search holds only the noised ones); a cache hit in a caching evaluator.</summary>
    private float[] RawPriors(GameState state)
    {
        var request = EvaluationRequestBuilder.Create(state, _evaluator.HistoryLength);
        var evaluation = new Evaluation(state.Geometry);
        _evaluator.Evaluate([request], [evaluation]);
        return evaluation.Policy;
    }

    public void Dispose()
    {
    }
}
