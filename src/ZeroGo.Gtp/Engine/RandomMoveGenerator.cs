using ZeroGo.Go;

namespace ZeroGo.Gtp.Engine;

/// <summary>
/// The honest baseline and floor of the strength ladder: uniform random over the moves that are legal under the
/// full rules (superko included) and don't fill one of the player's own one-point eyes; pass when none is left.
/// </summary>
public sealed class RandomMoveGenerator(ulong seed) : IMoveGenerator
{
    private FastRandom _random = new(seed);

    public string Name => "random";

    public Move GenerateMove(GameState state, Color color, TimeBudget time, CancellationToken cancellation)
    {
        var board = state.Board;
        var candidates = new List<Point>(board.EmptyCount);
        foreach (var point in state.Geometry.Points)
        {
            if (board[point] == Color.Empty && !board.IsOwnEye(point, color))
            {
                candidates.Add(point);
            }
        }

        // Draw without replacement until a fully legal move turns up: uniform over the legal candidates.
        while (candidates.Count > 0)
        {
            int slot = _random.Next(candidates.Count);
            var move = Move.At(candidates[slot]);
            if (state.IsLegal(color, move))
            {
                return move;
            }

            candidates[slot] = candidates[^1];
            candidates.RemoveAt(candidates.Count - 1);
        }

        return Move.Pass;
    }
}
