using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// Fills an evaluator's legal-move mask under the full rules: occupied, simple ko and suicide from the board,
/// superko from the positions a caller says must not repeat. Cheap: the hash after a non-capturing move is
/// one XOR; only capturing (or suicidal) moves are played out on a scratch board.
/// </summary>
public static class LegalMoves
{
    /// <summary>Decides whether a position key (see <see cref="RepetitionSet.KeyOf"/>) was seen before.</summary>
    public delegate bool RepetitionProbe(ulong key);

    /// <summary>
    /// Fills <paramref name="mask"/> (dense points, pass last and always legal) for <paramref name="toMove"/>.
    /// Returns an order-independent hash of the points refused only by superko (0 when none), for cache keys.
    /// </summary>
    /// <remarks>
    /// <paramref name="pathKeys"/> and <paramref name="pathStoneCounts"/> describe positions beyond
    /// <paramref name="repetitions"/> (a search path): their keys and stone counts, in any order.
    /// </remarks>
    public static ulong Fill(
        Board board, Color toMove, Rules rules, bool[] mask, Board scratch,
        RepetitionSet? repetitions = null, ReadOnlySpan<ulong> pathKeys = default, ReadOnlySpan<int> pathStoneCounts = default)
    {
        var geometry = board.Geometry;
        var points = geometry.Points as Point[] ?? [.. geometry.Points]; // an array: no interface call per point
        bool suicideAllowed = rules.SuicideAllowed;
        bool checkSuperko = repetitions is not null && rules.KoRule != KoRule.Simple;
        var offsets = board.NeighborOffsets;
        var opponent = toMove.Opponent();
        int stonesAfterQuietMove = geometry.Area - board.EmptyCount + 1;
        bool quietMovesMayRepeat = checkSuperko
            && (repetitions!.HasStoneCount(stonesAfterQuietMove) || pathStoneCounts.Contains(stonesAfterQuietMove));
        ulong superkoHash = 0;
        for (int i = 0; i < points.Length; i++)
        {
            var point = points[i];
            bool legal = board.IsLegal(point, toMove, suicideAllowed);
            if (legal && checkSuperko && (quietMovesMayRepeat || !IsQuiet(board, point, offsets, opponent)))
            {
                ulong after = HashAfter(board, point, toMove, offsets, opponent, scratch);
                ulong key = repetitions!.KeyOf(after, opponent);
                if (repetitions.Contains(key) || pathKeys.Contains(key))
                {
                    legal = false;
                    superkoHash ^= Zobrist.Ko(point) * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
                }
            }

            mask[i] = legal;
        }

        mask[points.Length] = true;
        return superkoHash;
    }

    /// <summary>True when a stone at <paramref name="point"/> has an empty neighbour and captures nothing (adds exactly one stone).</summary>
    private static bool IsQuiet(Board board, Point point, ReadOnlySpan<int> offsets, Color opponent)
    {
        bool hasLiberty = false;
        for (int k = 0; k < 4; k++)
        {
            var neighbor = new Point((short)(point.Index + offsets[k]));
            var c = board[neighbor];
            if (c == Color.Empty)
            {
                hasLiberty = true;
            }
            else if (c == opponent && board.IsInAtari(neighbor))
            {
                return false;
            }
        }

        return hasLiberty;
    }

    /// <summary>The stones-only hash after <paramref name="color"/> plays at <paramref name="point"/> (legal move).</summary>
    public static ulong HashAfter(Board board, Point point, Color color, Board scratch) =>
        HashAfter(board, point, color, board.NeighborOffsets, color.Opponent(), scratch);

    private static ulong HashAfter(Board board, Point point, Color color, ReadOnlySpan<int> offsets, Color opponent, Board scratch)
    {
        int p = point.Index;
        bool simple = false;
        for (int k = 0; k < 4; k++)
        {
            var neighbor = new Point((short)(p + offsets[k]));
            var c = board[neighbor];
            if (c == Color.Empty)
            {
                simple = true;
            }
            else if (c == opponent && board.IsInAtari(neighbor))
            {
                simple = false; // a capture: the removed stones change the hash
                break;
            }
        }

        if (simple)
        {
            return board.Hash ^ Zobrist.Stone(p, color);
        }

        // Captures, or no empty neighbour (a merge that may be suicide under rules allowing it): play it out.
        scratch.CopyFrom(board);
        scratch.Play(point, color);
        return scratch.Hash;
    }
}
