using ZeroGo.Go;

namespace ZeroGo.Training.Arena;

/// <summary>
/// The baseline: a uniformly random legal move (positional superko respected) that does not fill its own
/// eye; passes when nothing else is left, so games end.
/// </summary>
public sealed class RandomPlayer(ulong seed) : IArenaPlayer
{
    private FastRandom _random = new(seed);
    private readonly List<Point> _candidates = [];

    public string Name => "random";

    public void NewGame(GameState start)
    {
    }

    public PlayerMove GenerateMove(GameState state)
    {
        var color = state.ToMove;
        var board = state.Board;
        _candidates.Clear();
        _candidates.AddRange(state.Geometry.Points.Where(p => board[p] == Color.Empty));
        while (_candidates.Count > 0)
        {
            int slot = _random.Next(_candidates.Count);
            var point = _candidates[slot];
            if (!board.IsOwnEye(point, color) && state.IsLegal(color, Move.At(point)))
            {
                return new PlayerMove(Move.At(point));
            }

            _candidates[slot] = _candidates[^1];
            _candidates.RemoveAt(_candidates.Count - 1);
        }

        return new PlayerMove(Move.Pass);
    }

    public void Dispose()
    {
    }
}

public sealed class RandomPlayerFactory : IArenaPlayerFactory
{
    public string Name => "random";

    public int MaxParallelGames => int.MaxValue;

    public IArenaPlayer Create(int slot, ulong seed) => new RandomPlayer(seed);

    public void Dispose()
    {
    }
}
