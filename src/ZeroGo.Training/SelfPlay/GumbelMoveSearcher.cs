using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Training.SelfPlay;

/// <summary>
/// Gumbel root search (Danihelka, Guez, Schrittwieser, Silver, ICLR 2022) on top of the search's public API:
/// sample k root moves without replacement by Gumbel-top-k over the network's policy logits, then share the
/// visit budget among them by sequential halving (each phase adds visits below every remaining move with the
/// PUCT search forced through that root move, and keeps the better half by g + logit + σ(q)). The move played
/// is the survivor; the policy target is softmax(logits + σ(completed q)), which improves on the prior even
/// with a handful of visits. σ(q) = (c_visit + max visits) · c_scale · q with q in [0, 1] (the paper's
/// constants 50 and 1).
/// </summary>
/// <remarks>
/// One tree serves the whole game: a move's visits carry over from phase to phase (each phase deepens the
/// same subtree instead of searching the move afresh), and the played move's subtree is the next root, so the
/// next search starts from the visits already made below it. q and the visit count of a move are its child's
/// in that tree, reused visits included.
/// </remarks>
public sealed class GumbelMoveSearcher : IMoveSearcher
{
    private const double CVisit = 50;
    private const double CScale = 1.0;

    private readonly IEvaluator _evaluator;
    private readonly MctsSearch _search;
    private readonly int _topK;
    private readonly int _fullVisits;
    private readonly int _cheapVisits;
    private FastRandom _random;

    public GumbelMoveSearcher(IEvaluator evaluator, SearchOptions baseOptions, int topK, int fullVisits, int cheapVisits, ulong seed)
    {
        _evaluator = evaluator;
        _search = new MctsSearch(evaluator, baseOptions with { DirichletEpsilon = 0, ReuseTree = true, ResignWinRate = null, AvoidLosingPass = false, Seed = seed | 1 });
        _topK = Math.Max(2, topK);
        _fullVisits = Math.Max(2, fullVisits);
        _cheapVisits = Math.Max(2, cheapVisits);
        _random = new FastRandom(seed * 0x2545F4914F6CDD1DUL + 1);
    }

    public bool ChoosesWithNoise => true;

    public MoveSearchResult Search(GameState state, bool full)
    {
        var geometry = state.Geometry;
        int actions = geometry.Area + 1;
        var request = EvaluationRequestBuilder.Create(state, _evaluator.HistoryLength);
        var evaluation = new Evaluation(geometry);
        _evaluator.Evaluate([request], [evaluation]);
        double rootValue = (evaluation.ValueForSideToMove + 1) / 2;

        var logits = new double[actions];
        var legal = new List<int>();
        for (int a = 0; a < actions; a++)
        {
            if (request.LegalMask[a])
            {
                legal.Add(a);
                logits[a] = Math.Log(Math.Max(evaluation.Policy[a], 1e-8));
            }
            else
            {
                logits[a] = double.NegativeInfinity;
            }
        }

        var gumbel = new double[actions];
        foreach (int a in legal)
        {
            gumbel[a] = -Math.Log(-Math.Log(Math.Clamp(_random.NextDouble(), 1e-12, 1 - 1e-12)));
        }

        int budget = full ? _fullVisits : _cheapVisits;
        int m = Math.Min(Math.Min(_topK, legal.Count), budget);
        var remaining = legal.OrderByDescending(a => gumbel[a] + logits[a]).Take(m).ToList();
        var visits = new int[actions];
        var meanQ = new double[actions];
        int phases = Math.Max(1, (int)Math.Ceiling(Math.Log2(Math.Max(2, m))));
        int used = 0, playouts = 0;
        _search.SetPosition(state.Clone());
        _search.ThroughRootMove = null;
        if (_search.RootVisits == 0)
        {
            // Expand the root first, so that each move's first forced playout is spent below that move.
            playouts += _search.Run(SearchLimits.Playouts(1)).Snapshot.Playouts;
        }

        while (true)
        {
            int perAction = Math.Max(1, (budget - used) / (Math.Max(1, phases) * remaining.Count));
            foreach (int a in remaining)
            {
                var candidate = a == geometry.Area ? Move.Pass : Move.At(geometry.FromDense(a));
                var child = state.Clone();
                child.Play(candidate);
                if (child.IsOver)
                {
                    double score = child.ScoreForBlack();
                    meanQ[a] = score == 0 ? 0.5 : (score > 0) == (state.ToMove == Color.Black) ? 1 : 0;
                    visits[a] += perAction;
                }
                else
                {
                    _search.ThroughRootMove = candidate;
                    var snapshot = _search.Run(SearchLimits.Playouts(perAction)).Snapshot;
                    playouts += snapshot.Playouts;
                    if (snapshot.Candidates.FirstOrDefault(c => c.Move == candidate) is { } searched)
                    {
                        visits[a] = searched.Visits;
                        meanQ[a] = searched.WinRate;
                    }
                    else
                    {
                        // Only when the tree's memory cap stopped the search: count the move as the root is worth.
                        visits[a] += perAction;
                        meanQ[a] = rootValue;
                    }
                }

                used += perAction;
            }

            phases--;
            if (remaining.Count <= 1 || used >= budget)
            {
                break;
            }

            int maxVisits = visits.Max();
            remaining = remaining
                .OrderByDescending(a => gumbel[a] + logits[a] + Sigma(meanQ[a], maxVisits))
                .Take(Math.Max(1, remaining.Count / 2))
                .ToList();
        }

        _search.ThroughRootMove = null;
        int maxN = visits.Max();
        int best = remaining.OrderByDescending(a => gumbel[a] + logits[a] + Sigma(meanQ[a], maxN)).First();

        // Improved policy: softmax(logits + σ(completed q)), unvisited moves completed with the root value.
        var policy = new float[actions];
        double maxScore = double.NegativeInfinity;
        var scores = new double[actions];
        foreach (int a in legal)
        {
            double q = visits[a] > 0 ? meanQ[a] : rootValue;
            scores[a] = logits[a] + Sigma(q, maxN);
            maxScore = Math.Max(maxScore, scores[a]);
        }

        double total = 0;
        foreach (int a in legal)
        {
            total += Math.Exp(scores[a] - maxScore);
        }

        foreach (int a in legal)
        {
            policy[a] = (float)(Math.Exp(scores[a] - maxScore) / total);
        }

        var move = best == geometry.Area ? Move.Pass : Move.At(geometry.FromDense(best));
        double winRate = meanQ[best];
        return new MoveSearchResult(policy, move, winRate, used, playouts + 1);
    }

    private static double Sigma(double q, int maxVisits) => (CVisit + maxVisits) * CScale * q;

    public void Dispose()
    {
    }
}
