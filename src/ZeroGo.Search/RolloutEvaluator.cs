using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// A network stand-in from classic Monte Carlo Go: the value is the mean outcome of a few uniform random
/// playouts (no eye filling) from the position, the score lead their mean area margin, ownership the mean
/// final owner of each point, all from the side to move's view. Priors are uniform over legal moves, with
/// pass down-weighted while the board has room (random playouts know nothing of passing).
/// Thread-safe: each call uses a playout engine of its own thread.
/// </summary>
public sealed class RolloutEvaluator : IEvaluator
{
    private readonly ThreadLocal<Dictionary<BoardGeometry, RandomPlayout>> _playouts;
    private long _seedCounter;

    public RolloutEvaluator(int playoutsPerEvaluation = 8, ulong seed = 1)
    {
        if (playoutsPerEvaluation < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(playoutsPerEvaluation), "at least one playout per evaluation");
        }

        PlayoutsPerEvaluation = playoutsPerEvaluation;
        _playouts = new ThreadLocal<Dictionary<BoardGeometry, RandomPlayout>>(() => []);
        _seedCounter = (long)(seed & 0x7FFF_FFFF_FFFF); // each thread's playout engine gets the next seed
    }

    public int PlayoutsPerEvaluation { get; }

    public int HistoryLength => 0;

    public string Name => $"random rollouts ({PlayoutsPerEvaluation}/position)";

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        for (int r = 0; r < requests.Count; r++)
        {
            EvaluateOne(requests[r], results[r]);
        }
    }

    private void EvaluateOne(EvaluationRequest request, Evaluation result)
    {
        var geometry = request.Geometry;
        var playouts = _playouts.Value!;
        if (!playouts.TryGetValue(geometry, out var playout))
        {
            playout = new RandomPlayout(geometry, (ulong)Interlocked.Increment(ref _seedCounter) * 0x9E3779B97F4A7C15UL);
            playouts[geometry] = playout;
        }

        var toMove = request.ToMove;
        double komiForSide = toMove == Color.White ? request.Rules.Komi : -request.Rules.Komi;
        var ownership = result.Ownership;
        Array.Clear(ownership);
        double valueSum = 0, scoreSum = 0;
        int draws = 0;
        var points = geometry.Points;
        for (int i = 0; i < PlayoutsPerEvaluation; i++)
        {
            playout.Run(request.Board, toMove);
            var final = playout.Board;
            var (black, white) = final.AreaScore();
            double margin = (toMove == Color.Black ? black - white : white - black) + komiForSide;
            valueSum += Math.Sign(margin);
            draws += margin == 0 ? 1 : 0;
            scoreSum += margin;
            for (int p = 0; p < points.Count; p++)
            {
                ownership[p] += OwnerSign(final, points[p], toMove);
            }
        }

        float inverse = 1f / PlayoutsPerEvaluation;
        for (int p = 0; p < ownership.Length; p++)
        {
            ownership[p] *= inverse;
        }

        result.ValueForSideToMove = (float)(valueSum * inverse);
        result.DrawProbability = draws * inverse;
        result.ScoreLeadForSideToMove = (float)(scoreSum * inverse);
        result.HasOwnership = true;
        FillPriors(request, result.Policy);
    }

    /// <summary>+1 when the side to move owns the point at the end (stone or surrounded empty point), -1 for the opponent.</summary>
    private static float OwnerSign(Board final, Point point, Color toMove)
    {
        var c = final[point];
        if (c == Color.Empty)
        {
            // Playouts end with only one-point eyes empty: the owner is any neighbour's colour.
            foreach (int offset in final.NeighborOffsets)
            {
                var n = final[new Point((short)(point.Index + offset))];
                if (n.IsPlayer())
                {
                    c = n;
                    break;
                }
            }
        }

        return c == toMove ? 1f : c == toMove.Opponent() ? -1f : 0f;
    }

    /// <summary>Uniform over legal points; pass gets a small share until few empty points are left.</summary>
    private static void FillPriors(EvaluationRequest request, float[] policy)
    {
        var mask = request.LegalMask;
        int passIndex = mask.Length - 1;
        int legalPoints = 0;
        for (int i = 0; i < passIndex; i++)
        {
            legalPoints += mask[i] ? 1 : 0;
        }

        if (legalPoints == 0)
        {
            Array.Clear(policy);
            policy[passIndex] = 1;
            return;
        }

        float passShare = 1f / (legalPoints + 1) * 0.25f;
        float pointShare = (1f - passShare) / legalPoints;
        for (int i = 0; i < passIndex; i++)
        {
            policy[i] = mask[i] ? pointShare : 0;
        }

        policy[passIndex] = passShare;
    }
}
