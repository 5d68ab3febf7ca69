using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Training.SelfPlay;

/// <summary>
/// AlphaZero self-play search: PUCT with Dirichlet noise at the root for full searches, no noise for the cheap
/// ones (playout-cap randomisation); the policy target is the root's visit distribution.
/// </summary>
public sealed class PuctMoveSearcher : IMoveSearcher
{
    private readonly MctsSearch _full;
    private readonly MctsSearch _cheap;
    private readonly int _fullVisits;
    private readonly int _cheapVisits;

    public PuctMoveSearcher(IEvaluator evaluator, SearchOptions baseOptions, double dirichletEpsilon, double dirichletAlphaTotal,
        int fullVisits, int cheapVisits, ulong seed)
    {
        _full = new MctsSearch(evaluator, baseOptions with
        {
            DirichletEpsilon = dirichletEpsilon,
            DirichletAlphaTotal = dirichletAlphaTotal,
            Seed = seed | 1,
            ResignWinRate = null,
        });
        _cheap = new MctsSearch(evaluator, baseOptions with { DirichletEpsilon = 0, Seed = (seed * 31) | 1, ResignWinRate = null });
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
        var policy = MoveSelection.VisitDistribution(snapshot);
        if (policy.Sum() <= 0)
        {
            policy[state.Geometry.Area] = 1;
        }

        return new MoveSearchResult(policy, result.Move, snapshot.WinRate, snapshot.RootVisits, snapshot.Playouts);
    }

    public void Dispose()
    {
    }
}
