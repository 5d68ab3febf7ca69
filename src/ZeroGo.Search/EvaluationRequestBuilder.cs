using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// Fills an <see cref="EvaluationRequest"/> the way the search does, for everyone else who asks an evaluator
/// about a game position (network tools, the GTP heatmap, the desktop board): board, side to move, rules,
/// recent moves, history boards (most recent first), the legal mask with superko, and the cache key.
/// </summary>
public static class EvaluationRequestBuilder
{
    /// <summary>Fills <paramref name="request"/> (same geometry) from the current position of <paramref name="state"/>.</summary>
    public static void FromState(GameState state, EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (!state.Geometry.Equals(request.Geometry))
        {
            throw new ArgumentException($"the request is for a {request.Geometry} board, the game is {state.Geometry}");
        }

        request.Board.CopyFrom(state.Board);
        request.ToMove = state.ToMove;
        request.Rules = state.Rules;
        request.HistoryCount = CopyHistory(state, request.History);
        request.RecentMoveCount = CopyRecentMoves(state, request.RecentMoves);
        var scratch = new Board(state.Geometry);
        ulong superko = LegalMoves.Fill(request.Board, request.ToMove, request.Rules, request.LegalMask, scratch,
            RepetitionSet.FromGame(state));
        request.Key = EvaluationKey.Compute(request, superko);
    }

    /// <summary>A new request for the game's board, sized for <paramref name="historyLength"/> earlier positions, filled.</summary>
    public static EvaluationRequest Create(GameState state, int historyLength)
    {
        var request = new EvaluationRequest(state.Geometry, historyLength);
        FromState(state, request);
        return request;
    }

    /// <summary>
    /// Copies up to <c>history.Length</c> positions before the current one, most recent first, by undoing moves
    /// on a copy of the game (GameState keeps earlier boards only for undo). Returns how many were real.
    /// </summary>
    public static int CopyHistory(GameState state, Board[] history)
    {
        if (history.Length == 0 || state.Moves.Count == 0)
        {
            return 0;
        }

        var copy = state.Clone();
        int count = 0;
        while (count < history.Length && copy.Undo())
        {
            history[count++].CopyFrom(copy.Board);
        }

        return count;
    }

    /// <summary>Copies the game's last moves, most recent first; returns how many.</summary>
    public static int CopyRecentMoves(GameState state, Move[] recent)
    {
        var moves = state.Moves;
        int count = Math.Min(recent.Length, moves.Count);
        for (int i = 0; i < count; i++)
        {
            recent[i] = moves[moves.Count - 1 - i].Move;
        }

        return count;
    }
}

/// <summary>
/// The cache key of a request: Zobrist hash of the stones ^ side to move ^ the ko point that binds the side
/// to move ^ the points refused by superko ^ the history boards' hashes and the recent moves (each mixed with
/// its age) ^ komi and rules. Two requests with equal keys give the same network input.
/// </summary>
public static class EvaluationKey
{
    public static ulong Compute(EvaluationRequest request, ulong superkoIllegalHash)
    {
        var board = request.Board;
        ulong key = board.Hash;
        if (request.ToMove == Color.White)
        {
            key ^= Zobrist.WhiteToMove;
        }

        if (!board.KoPoint.IsNone && board.KoForbiddenColor == request.ToMove)
        {
            key ^= Zobrist.Ko(board.KoPoint);
        }

        key ^= superkoIllegalHash;
        for (int i = 0; i < request.HistoryCount; i++)
        {
            key ^= Mix(request.History[i].Hash + (ulong)(i + 1) * 0xD6E8FEB86659FD93UL);
        }

        for (int i = 0; i < request.RecentMoveCount; i++)
        {
            var move = request.RecentMoves[i];
            ulong code = move.IsPlay ? (ulong)move.Point.Index + 3 : move.IsPass ? 1UL : 2UL;
            key ^= Mix(code * 0xA0761D6478BD642FUL + (ulong)(i + 1) * 0xE7037ED1A0B428DBUL);
        }

        key ^= Mix((ulong)BitConverter.DoubleToInt64Bits(request.Rules.Komi) ^ 0x8EBC6AF09C88C6E3UL);
        key ^= Mix(((ulong)request.Rules.KoRule << 1 | (request.Rules.SuicideAllowed ? 1UL : 0UL)) + 0x589965CC75374CC3UL);
        return key;
    }

    /// <summary>SplitMix64's finaliser: spreads every input bit over the output.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
