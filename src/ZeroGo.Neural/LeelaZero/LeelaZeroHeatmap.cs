using System.Globalization;
using System.Text;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>The raw network view of one position: policy over every point and pass (not masked) and the win rate.</summary>
/// <param name="Policy">Dense order (row 0 at the top), pass last; sums to 1 over all entries.</param>
/// <param name="Winrate">Win probability for the side to move, 0..1: (1 + value) / 2.</param>
public sealed record HeatmapResult(float[] Policy, float Winrate);

/// <summary>
/// Leela Zero's <c>heatmap [SYMMETRY|average]</c> for any <see cref="IEvaluator"/>: the network's policy (raw for
/// Leela Zero networks, see <see cref="Compute"/>) under one of Leela Zero's 8 symmetries (numbered as leelaz numbers them, see <see cref="LeelaZeroSymmetry"/>) or their
/// average, printed in leelaz's layout: 19 rows (top row first) of per-mille policy truncated to integers, 0 on
/// occupied points, then <c>pass: N</c> and <c>winrate: X</c> (0..1 for the side to move, six decimals).
/// </summary>
public static class LeelaZeroHeatmap
{
    /// <summary>Salt mixed into request keys so a cache never confuses a heatmap query with a search query.</summary>
    private const ulong HeatmapKeySalt = 0x6C7A_6865_6174_6D61UL;

    /// <summary>
    /// Parses the optional argument: none = identity (symmetry 0, as leelaz), "0".."7", or "average"/"avg"
    /// (returned as null). False with a message for anything else.
    /// </summary>
    public static bool TryParseArgument(string? argument, out int? symmetry, out string error)
    {
        error = string.Empty;
        symmetry = LeelaZeroSymmetry.Identity;
        if (string.IsNullOrWhiteSpace(argument))
        {
            return true;
        }

        var text = argument.Trim();
        if (text.Equals("average", StringComparison.OrdinalIgnoreCase) || text.Equals("avg", StringComparison.OrdinalIgnoreCase))
        {
            symmetry = null;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && LeelaZeroSymmetry.IsValid(value))
        {
            symmetry = value;
            return true;
        }

        error = $"invalid symmetry \"{text}\": use 0..7 or average";
        return false;
    }

    /// <summary>
    /// Evaluates <paramref name="request"/> (its board, side to move and history) under LZ symmetry
    /// <paramref name="symmetry"/>, or the average of all 8 when null. A Leela Zero evaluator is asked directly
    /// for its raw softmax over all 362 moves, as leelaz prints it. Any other evaluator gets the position (history,
    /// recent moves and legal moves included) transformed by the symmetry and its policy is mapped back; that
    /// policy is the one the search gets, masked to legal moves and renormalised (ZeroGo's networks read the
    /// legal moves as an input plane, so the mask cannot be lifted without changing what the network sees).
    /// </summary>
    public static HeatmapResult Compute(IEvaluator evaluator, EvaluationRequest request, int? symmetry)
    {
        if (symmetry is { } s && !LeelaZeroSymmetry.IsValid(s))
        {
            throw new ArgumentOutOfRangeException(nameof(symmetry), s, "Leela Zero symmetries are 0..7");
        }

        if (evaluator is LeelaZeroEvaluator leelaZero)
        {
            if (symmetry is null)
            {
                var average = leelaZero.EvaluateAverage(request);
                return new HeatmapResult(average.Policy, average.Winrate);
            }

            var output = new LeelaZeroOutput();
            leelaZero.EvaluateRaw([request], symmetry.Value, [output]);
            return new HeatmapResult(output.Policy, output.Winrate);
        }

        return ComputeByTransform(evaluator, request, symmetry);
    }

    /// <summary>
    /// The whole GTP <c>heatmap [SYMMETRY|average]</c> answer for the current position of <paramref name="state"/>
    /// (its history included): leelaz's layout, which leelaz prints on stderr and ZeroGo returns as the response.
    /// Throws <see cref="ArgumentException"/> with a message for the controller when the argument is bad.
    /// </summary>
    public static string Answer(IEvaluator evaluator, GameState state, string? argument)
    {
        if (!TryParseArgument(argument, out var symmetry, out var error))
        {
            throw new ArgumentException(error);
        }

        var request = EvaluationRequestBuilder.Create(state, evaluator.HistoryLength);
        return Format(state.Board, Compute(evaluator, request, symmetry));
    }

    /// <summary>leelaz's text layout for a heatmap of <paramref name="board"/> (19x19 or any size: one row per board row).</summary>
    public static string Format(Board board, HeatmapResult result)
    {
        var geometry = board.Geometry;
        if (result.Policy.Length != geometry.Area + 1)
        {
            throw new ArgumentException($"policy has {result.Policy.Length} entries, the board needs {geometry.Area + 1}", nameof(result));
        }

        var text = new StringBuilder();
        for (int row = 0; row < geometry.Height; row++)
        {
            for (int column = 0; column < geometry.Width; column++)
            {
                int dense = row * geometry.Width + column;
                int perMille = board[geometry.FromDense(dense)] == Color.Empty ? PerMille(result.Policy[dense]) : 0;
                text.Append(perMille.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(' ');
            }

            text.Append('\n');
        }

        text.Append("pass: ").Append(PerMille(result.Policy[geometry.Area]).ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("winrate: ").Append(result.Winrate.ToString("F6", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>leelaz's conversion: the float probability times 1000, truncated toward zero.</summary>
    public static int PerMille(float probability) => (int)(probability * 1000f);

    private static HeatmapResult ComputeByTransform(IEvaluator evaluator, EvaluationRequest request, int? symmetry)
    {
        var geometry = request.Geometry;
        if (!geometry.IsSquare && symmetry != LeelaZeroSymmetry.Identity)
        {
            throw new NotSupportedException($"heatmap symmetries other than 0 need a square board, not {geometry}");
        }

        var symmetries = symmetry is { } one ? [one] : Enumerable.Range(0, LeelaZeroSymmetry.Count).ToArray();
        var requests = new EvaluationRequest[symmetries.Length];
        var results = new Evaluation[symmetries.Length];
        for (int i = 0; i < symmetries.Length; i++)
        {
            requests[i] = new EvaluationRequest(geometry, evaluator.HistoryLength, request.RecentMoves.Length);
            Transform(request, LeelaZeroSymmetry.ToBoardTransform(symmetries[i]), requests[i], (ulong)symmetries[i]);
            results[i] = new Evaluation(geometry);
        }

        evaluator.Evaluate(requests, results);

        var policy = new float[geometry.Area + 1];
        var mapped = new float[geometry.Area];
        float winrate = 0f;
        for (int i = 0; i < symmetries.Length; i++)
        {
            var inverse = LeelaZeroSymmetry.ToBoardTransform(symmetries[i]).Inverse;
            inverse.ApplyToPlane<float>(results[i].Policy.AsSpan(0, geometry.Area), mapped, geometry.Width, geometry.Height);
            for (int p = 0; p < geometry.Area; p++)
            {
                policy[p] += mapped[p] / symmetries.Length;
            }

            policy[geometry.Area] += results[i].Policy[geometry.Area] / symmetries.Length;
            winrate += (1f + results[i].ValueForSideToMove) / 2f / symmetries.Length;
        }

        return new HeatmapResult(policy, winrate);
    }

    /// <summary>Copies <paramref name="source"/> moved by <paramref name="symmetry"/> (legal moves included).</summary>
    private static void Transform(EvaluationRequest source, Symmetry symmetry, EvaluationRequest destination, ulong salt)
    {
        var geometry = source.Geometry;
        destination.ToMove = source.ToMove;
        destination.Rules = source.Rules;
        CopyBoard(source.Board, symmetry, destination.Board);
        int history = Math.Min(source.HistoryCount, Math.Min(source.History.Length, destination.History.Length));
        for (int i = 0; i < history; i++)
        {
            CopyBoard(source.History[i], symmetry, destination.History[i]);
        }

        destination.HistoryCount = history;
        int recent = Math.Min(source.RecentMoveCount, destination.RecentMoves.Length);
        for (int i = 0; i < recent; i++)
        {
            var move = source.RecentMoves[i];
            destination.RecentMoves[i] = move.IsPlay ? Move.At(symmetry.Apply(move.Point, geometry)) : move;
        }

        destination.RecentMoveCount = recent;
        var legal = source.LegalMask;
        for (int dense = 0; dense < geometry.Area; dense++)
        {
            var image = symmetry.Apply(geometry.FromDense(dense), geometry);
            destination.LegalMask[geometry.DenseIndex(image)] = legal[dense];
        }

        destination.LegalMask[geometry.Area] = legal[geometry.Area];

        ulong key = HeatmapKeySalt ^ (salt * 0x9E37_79B9_7F4A_7C15UL) ^ (ulong)destination.ToMove;
        key = Mix(key ^ destination.Board.Hash);
        for (int i = 0; i < history; i++)
        {
            key = Mix(key ^ destination.History[i].Hash);
        }

        destination.Key = Mix(key ^ (ulong)history);
    }

    private static void CopyBoard(Board source, Symmetry symmetry, Board destination)
    {
        var geometry = source.Geometry;
        destination.Clear();
        foreach (var point in geometry.Points)
        {
            var color = source[point];
            if (color.IsPlayer())
            {
                destination.PlaceSetupStone(symmetry.Apply(point, geometry), color);
            }
        }
    }

    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xFF51_AFD7_ED55_8CCDUL;
        value ^= value >> 33;
        value *= 0xC4CE_B9FE_1A85_EC53UL;
        return value ^ (value >> 33);
    }
}
