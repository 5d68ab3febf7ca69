using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.Features;

/// <summary>
/// Fills an <see cref="EvaluationRequest"/> from a <see cref="GameState"/> (full legality incl. superko, the
/// recent moves, a key covering everything the features read). The search builds its own requests during a
/// descent; this is for one-off evaluations: the board's layers view, benchmarks, tests, training targets.
/// </summary>
public static class GameStateRequests
{
    public static EvaluationRequest Create(GameState game)
    {
        var request = new EvaluationRequest(game.Geometry, historyLength: 0);
        Fill(request, game);
        return request;
    }

    public static void Fill(EvaluationRequest request, GameState game)
    {
        if (!request.Geometry.Equals(game.Geometry))
        {
            throw new ArgumentException($"request is for {request.Geometry}, game is {game.Geometry}", nameof(request));
        }

        request.Board.CopyFrom(game.Board);
        request.ToMove = game.ToMove;
        request.Rules = game.Rules;
        request.HistoryCount = 0;
        var moves = game.Moves;
        int recent = Math.Min(request.RecentMoves.Length, moves.Count);
        for (int k = 0; k < recent; k++)
        {
            request.RecentMoves[k] = moves[moves.Count - 1 - k].Move;
        }

        request.RecentMoveCount = recent;
        var points = game.Geometry.Points;
        for (int dense = 0; dense < points.Count; dense++)
        {
            request.LegalMask[dense] = game.CheckMove(game.ToMove, Move.At(points[dense])) == MoveLegality.Legal;
        }

        request.LegalMask[points.Count] = true;
        request.Key = ComputeKey(request);
    }

    /// <summary>
    /// A 64-bit key over what <see cref="FeatureEncoder"/> reads: stones (the board hash), side to move, board
    /// shape, rules, the recent moves that get planes, and the illegal empty points.
    /// </summary>
    public static ulong ComputeKey(EvaluationRequest request)
    {
        var geometry = request.Geometry;
        ulong key = Mix(request.Board.Hash ^ ((ulong)request.ToMove << 56));
        key = Mix(key ^ (ulong)(geometry.Width * 64 + geometry.Height));
        key = Mix(key ^ (ulong)BitConverter.DoubleToInt64Bits(request.Rules.Komi));
        key = Mix(key ^ (ulong)request.Rules.KoRule ^ (request.Rules.SuicideAllowed ? 16UL : 0UL));
        int recent = Math.Min(FeatureEncoder.RecentMovePlanes, request.RecentMoveCount);
        for (int k = 0; k < FeatureEncoder.RecentMovePlanes; k++)
        {
            ulong move = k < recent ? (ulong)(request.RecentMoves[k].IsPass ? 0xFFFF : request.RecentMoves[k].Point.Index + 1) : 0xFFFE;
            key = Mix(key ^ move);
        }

        var points = geometry.Points;
        for (int dense = 0; dense < points.Count; dense++)
        {
            if (!request.LegalMask[dense] && request.Board[points[dense]] == Color.Empty)
            {
                key = Mix(key ^ (ulong)(dense + 0x10000));
            }
        }

        return key;
    }

    // SplitMix64's finaliser: a cheap, well-mixing bijection.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
