using ZeroGo.Go;

namespace ZeroGo.Search.Tests;

/// <summary>Uniform priors; the value says Black is winning (+1 for Black to move, -1 for White to move).</summary>
internal sealed class BlackWinsEvaluator : IEvaluator
{
    public int HistoryLength => 0;

    public string Name => "black wins";

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        for (int i = 0; i < requests.Count; i++)
        {
            UniformEvaluator.FillUniformPolicy(requests[i].LegalMask, results[i].Policy);
            results[i].ValueForSideToMove = requests[i].ToMove == Color.Black ? 1 : -1;
            results[i].ScoreLeadForSideToMove = requests[i].ToMove == Color.Black ? 10 : -10;
        }
    }
}

/// <summary>
/// Checks every request it gets the way an evaluator relies on it (history order, recent moves, legal mask,
/// key), records failures and the number of positions seen, and answers uniformly.
/// </summary>
internal sealed class CheckingEvaluator(int historyLength) : IEvaluator
{
    private readonly object _gate = new();
    private readonly List<string> _failures = [];
    private int _evaluated;

    public int HistoryLength => historyLength;

    public string Name => "checking";

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    public int Evaluated => Volatile.Read(ref _evaluated);

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        for (int i = 0; i < requests.Count; i++)
        {
            string? failure = Check(requests[i]);
            if (failure is not null)
            {
                lock (_gate)
                {
                    _failures.Add(failure);
                }
            }

            UniformEvaluator.FillUniformPolicy(requests[i].LegalMask, results[i].Policy);
            results[i].ValueForSideToMove = 0;
            Interlocked.Increment(ref _evaluated);
        }
    }

    private static string? Check(EvaluationRequest request)
    {
        var board = request.Board;
        var geometry = request.Geometry;
        for (int d = 0; d < geometry.Area; d++)
        {
            var point = geometry.FromDense(d);
            if (request.LegalMask[d] && !board.IsLegal(point, request.ToMove, request.Rules.SuicideAllowed))
            {
                return $"mask allows an illegal point {point}";
            }
        }

        if (!request.LegalMask[geometry.Area])
        {
            return "pass must always be legal";
        }

        // History[i] plus RecentMoves[i] (by the player who made it) gives the next-newer position.
        var scratch = new Board(geometry);
        var mover = request.ToMove.Opponent();
        for (int i = 0; i < request.HistoryCount; i++)
        {
            if (i >= request.RecentMoveCount)
            {
                return "fewer recent moves than history boards";
            }

            scratch.CopyFrom(request.History[i]);
            var move = request.RecentMoves[i];
            if (move.IsPlay)
            {
                if (scratch[move.Point] != Color.Empty)
                {
                    return $"recent move {i} is on an occupied point of history board {i}";
                }

                scratch.Play(move.Point, mover);
            }

            ulong newer = i == 0 ? board.Hash : request.History[i - 1].Hash;
            if (scratch.Hash != newer)
            {
                return $"history board {i} and recent move {i} do not lead to the newer position";
            }

            mover = mover.Opponent();
        }

        return null;
    }
}

/// <summary>Puts most of the policy on one move (a dense index; the last one is pass) when legal, the rest spread evenly; value 0.</summary>
internal sealed class FavouriteEvaluator(int favouriteDense) : IEvaluator
{
    public int HistoryLength => 0;

    public string Name => "favourite";

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        for (int i = 0; i < requests.Count; i++)
        {
            var mask = requests[i].LegalMask;
            UniformEvaluator.FillUniformPolicy(mask, results[i].Policy);
            if (mask[favouriteDense])
            {
                results[i].Policy[favouriteDense] += 1;
            }

            results[i].ValueForSideToMove = 0;
        }
    }
}

/// <summary>Uniform priors over the legal moves; keeps one reading of every request it was asked (thread-safe).</summary>
internal sealed class RequestRecorder<T>(Func<EvaluationRequest, T> read, int historyLength = 1) : IEvaluator
{
    public List<T> Seen { get; } = [];

    public int HistoryLength => historyLength;

    public string Name => "recorder";

    public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
    {
        for (int i = 0; i < requests.Count; i++)
        {
            lock (Seen)
            {
                Seen.Add(read(requests[i]));
            }

            UniformEvaluator.FillUniformPolicy(requests[i].LegalMask, results[i].Policy);
        }
    }
}
