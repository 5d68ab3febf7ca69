using ZeroGo.Desktop.Rendering;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Scoring;

/// <summary>The count of a finished game: area of each player after dead stones are removed, and the result.</summary>
public sealed record ScoreResult(int BlackArea, int WhiteArea, double Komi, TerritoryMap Territory)
{
    public double ScoreForBlack => BlackArea - WhiteArea - Komi;

    public string ResultText => GameState.FormatResult(ScoreForBlack);
}

/// <summary>
/// End-of-game counting with dead stones: a first guess from ownership (a chain whose points the opponent owns on
/// average is dead), which the player can correct chain by chain; then area scoring on the board without the
/// dead stones (stones plus empty regions that touch only one colour).
/// </summary>
public sealed class GameScorer
{
    private readonly Board _board;
    private readonly bool[] _dead;
    private readonly double _komi;

    /// <param name="board">The final position (not changed).</param>
    /// <param name="ownershipBlack">Ownership per dense point (+1 Black), or null to start with every stone alive.</param>
    public GameScorer(Board board, float[]? ownershipBlack, double komi)
    {
        _board = board.Clone();
        _dead = new bool[board.Geometry.Area];
        _komi = komi;
        if (ownershipBlack is not null)
        {
            GuessDeadStones(ownershipBlack);
        }
    }

    public BoardGeometry Geometry => _board.Geometry;

    public bool IsDead(Point point) => _dead[Geometry.DenseIndex(point)];

    /// <summary>Marks the chain at <paramref name="point"/> dead or alive again; false on an empty point.</summary>
    public bool ToggleChain(Point point)
    {
        if (!Geometry.IsOnBoard(point) || !_board[point].IsPlayer())
        {
            return false;
        }

        bool dead = !IsDead(point);
        foreach (var stone in _board.ChainStones(point))
        {
            _dead[Geometry.DenseIndex(stone)] = dead;
        }

        return true;
    }

    public ScoreResult Score()
    {
        var geometry = Geometry;
        var owner = new Color[geometry.Area];
        var alive = new Color[geometry.Area];
        for (int i = 0; i < geometry.Area; i++)
        {
            var color = _board[geometry.FromDense(i)];
            alive[i] = _dead[i] ? Color.Empty : color;
        }

        // Flood-fill each empty region (dead stones count as empty) and give it to the only colour it touches.
        var region = new List<int>();
        var seen = new bool[geometry.Area];
        var stack = new Stack<int>();
        for (int i = 0; i < geometry.Area; i++)
        {
            if (alive[i] != Color.Empty || seen[i])
            {
                continue;
            }

            region.Clear();
            bool touchesBlack = false, touchesWhite = false;
            stack.Push(i);
            seen[i] = true;
            while (stack.Count > 0)
            {
                int current = stack.Pop();
                region.Add(current);
                int column = current % geometry.Width, row = current / geometry.Width;
                foreach (var (dc, dr) in Neighbours)
                {
                    int c = column + dc, r = row + dr;
                    if (!geometry.Contains(c, r))
                    {
                        continue;
                    }

                    int next = r * geometry.Width + c;
                    if (alive[next] == Color.Black)
                    {
                        touchesBlack = true;
                    }
                    else if (alive[next] == Color.White)
                    {
                        touchesWhite = true;
                    }
                    else if (!seen[next])
                    {
                        seen[next] = true;
                        stack.Push(next);
                    }
                }
            }

            var regionOwner = touchesBlack == touchesWhite ? Color.Empty : touchesBlack ? Color.Black : Color.White;
            foreach (int point in region)
            {
                owner[point] = regionOwner;
            }
        }

        int blackArea = 0, whiteArea = 0;
        var territory = new Color[geometry.Area];
        for (int i = 0; i < geometry.Area; i++)
        {
            var counted = alive[i] != Color.Empty ? alive[i] : owner[i];
            blackArea += counted == Color.Black ? 1 : 0;
            whiteArea += counted == Color.White ? 1 : 0;
            territory[i] = alive[i] == Color.Empty ? owner[i] : Color.Empty;
        }

        return new ScoreResult(blackArea, whiteArea, _komi, new TerritoryMap(territory, (bool[])_dead.Clone()));
    }

    private static readonly (int, int)[] Neighbours = [(1, 0), (-1, 0), (0, 1), (0, -1)];

    private void GuessDeadStones(float[] ownershipBlack)
    {
        var geometry = Geometry;
        var visited = new bool[geometry.Area];
        foreach (var point in geometry.Points)
        {
            var color = _board[point];
            if (!color.IsPlayer() || visited[geometry.DenseIndex(point)])
            {
                continue;
            }

            var chain = _board.ChainStones(point).ToList();
            double sum = 0;
            foreach (var stone in chain)
            {
                int index = geometry.DenseIndex(stone);
                visited[index] = true;
                sum += ownershipBlack[index];
            }

            double mine = (color == Color.Black ? 1 : -1) * sum / chain.Count;
            if (mine < -0.3)
            {
                foreach (var stone in chain)
                {
                    _dead[geometry.DenseIndex(stone)] = true;
                }
            }
        }
    }
}
