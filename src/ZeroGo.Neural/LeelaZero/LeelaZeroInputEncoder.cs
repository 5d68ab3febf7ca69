using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>
/// Leela Zero's 18 input planes, exactly as leelaz computes them: planes 0..7 hold the side to move's stones on
/// the current position and the 7 before it (most recent first), planes 8..15 the opponent's stones on the same
/// positions, plane 16 is all ones when Black is to move, plane 17 all ones when White is to move. Positions
/// before the start of the game stay all zero (leelaz fills min(moves + 1, 8) positions). Planes are laid out in
/// Leela Zero's index order (row 0 at the bottom) under one of its symmetries.
/// </summary>
public static class LeelaZeroInputEncoder
{
    public const int PlaneSize = LeelaZeroWeights.Points;
    public const int InputSize = LeelaZeroWeights.InputPlanes * PlaneSize;

    /// <summary>Earlier positions read from <see cref="EvaluationRequest.History"/>.</summary>
    public const int HistoryLength = LeelaZeroWeights.HistoryPositions - 1;

    /// <summary>Throws a clear error unless the position is on a 19x19 board (the only size LZ networks play).</summary>
    public static void RequireSupportedBoard(BoardGeometry geometry)
    {
        if (geometry.Width != LeelaZeroWeights.BoardSize || geometry.Height != LeelaZeroWeights.BoardSize)
        {
            throw new NotSupportedException(
                $"Leela Zero networks play only on 19x19 boards; this position is {geometry}");
        }
    }

    /// <summary>Writes the request's 18 planes (<see cref="InputSize"/> floats) under LZ symmetry <paramref name="symmetry"/>.</summary>
    public static void Encode(EvaluationRequest request, int symmetry, Span<float> destination)
    {
        RequireSupportedBoard(request.Geometry);
        if (destination.Length < InputSize)
        {
            throw new ArgumentException($"need {InputSize} floats, got {destination.Length}", nameof(destination));
        }

        var planes = destination[..InputSize];
        planes.Clear();
        var own = request.ToMove;
        if (!own.IsPlayer())
        {
            throw new ArgumentException($"side to move must be Black or White, not {own}", nameof(request));
        }

        var opponent = own.Opponent();
        var table = LeelaZeroSymmetry.NetworkToDenseTable(symmetry);
        var points = request.Geometry.Points;
        int earlier = Math.Min(request.HistoryCount, Math.Min(HistoryLength, request.History.Length));
        for (int age = 0; age <= earlier; age++)
        {
            var board = age == 0 ? request.Board : request.History[age - 1];
            var ownPlane = planes.Slice(age * PlaneSize, PlaneSize);
            var opponentPlane = planes.Slice((LeelaZeroWeights.HistoryPositions + age) * PlaneSize, PlaneSize);
            for (int index = 0; index < PlaneSize; index++)
            {
                var color = board[points[table[index]]];
                if (color == own)
                {
                    ownPlane[index] = 1f;
                }
                else if (color == opponent)
                {
                    opponentPlane[index] = 1f;
                }
            }
        }

        int sidePlane = 2 * LeelaZeroWeights.HistoryPositions + (own == Color.Black ? 0 : 1);
        planes.Slice(sidePlane * PlaneSize, PlaneSize).Fill(1f);
    }

    /// <summary>
    /// Maps the network's 362 outputs (LZ index order under <paramref name="symmetry"/>, pass last) to ZeroGo's
    /// dense order (row 0 at the top, pass at 361).
    /// </summary>
    public static void DecodePolicy(ReadOnlySpan<float> networkPolicy, int symmetry, Span<float> densePolicy)
    {
        var table = LeelaZeroSymmetry.NetworkToDenseTable(symmetry);
        for (int index = 0; index < PlaneSize; index++)
        {
            densePolicy[table[index]] = networkPolicy[index];
        }

        densePolicy[PlaneSize] = networkPolicy[PlaneSize];
    }
}
