using ZeroGo.Go;

namespace ZeroGo.Training.Samples;

/// <summary>
/// Builds a <see cref="GameRecord"/> while a game is played (self-play, arena, SGF import): call
/// <see cref="Add"/> for each move, then <see cref="Finish"/> with the final state.
/// </summary>
public sealed class GameRecordBuilder
{
    private readonly GameRecord _record;
    private readonly BoardGeometry _geometry;

    public GameRecordBuilder(GameState start)
    {
        _geometry = start.Geometry;
        _record = new GameRecord
        {
            Width = _geometry.Width,
            Height = _geometry.Height,
            FirstToMove = (byte)start.ToMove,
        };
        _record.SetRules(start.Rules);
        var black = new List<short>();
        var white = new List<short>();
        foreach (var point in _geometry.Points)
        {
            var color = start.Board[point];
            if (color == Color.Black)
            {
                black.Add((short)_geometry.DenseIndex(point));
            }
            else if (color == Color.White)
            {
                white.Add((short)_geometry.DenseIndex(point));
            }
        }

        _record.SetupBlack = black.ToArray();
        _record.SetupWhite = white.ToArray();
    }

    public int MoveCount => _record.Moves.Count;

    /// <summary>
    /// Records a move. <paramref name="policy"/> is the target over dense points plus pass (null: no policy
    /// target); it is stored sparsely.
    /// </summary>
    public void Add(Color color, Move move, ReadOnlySpan<float> policy, bool isPolicyTarget, float rootValue, int visits)
    {
        var moves = new List<short>();
        var probabilities = new List<float>();
        for (int i = 0; i < policy.Length; i++)
        {
            if (policy[i] > 0)
            {
                moves.Add((short)i);
                probabilities.Add(policy[i]);
            }
        }

        _record.Moves.Add(new MoveRecord
        {
            Move = GameRecord.ToDense(move, _geometry),
            Color = (byte)color,
            IsPolicyTarget = isPolicyTarget && moves.Count > 0,
            PolicyMoves = moves.ToArray(),
            PolicyProbabilities = probabilities.ToArray(),
            RootValue = rootValue,
            Visits = visits,
        });
    }

    /// <summary>
    /// Completes the record. <paramref name="resignedBy"/> is the player who resigned (Empty when the game was
    /// counted); a counted game gets its Tromp-Taylor score and final ownership.
    /// </summary>
    public GameRecord Finish(GameState final, Color resignedBy, string source, int gameNumber, int generation)
    {
        _record.Source = source;
        _record.GameNumber = gameNumber;
        _record.Generation = generation;
        if (resignedBy.IsPlayer())
        {
            _record.Winner = (sbyte)(resignedBy == Color.White ? 1 : -1);
            _record.HasFinalScore = false;
            _record.FinalOwnership = [];
            _record.ScoreForBlack = 0;
        }
        else
        {
            double score = final.ScoreForBlack();
            _record.ScoreForBlack = (float)score;
            _record.Winner = (sbyte)Math.Sign(score);
            _record.HasFinalScore = true;
            _record.FinalOwnership = AreaOwnership.Compute(final.Board);
        }

        return _record;
    }
}

/// <summary>Tromp-Taylor ownership per dense point: +1 Black, -1 White, 0 neutral (dame or shared region).</summary>
public static class AreaOwnership
{
    public static sbyte[] Compute(Board board)
    {
        var geometry = board.Geometry;
        var owner = new sbyte[geometry.Area];
        var seen = new bool[geometry.Area];
        var region = new List<int>();
        var stack = new Stack<int>();
        for (int i = 0; i < geometry.Area; i++)
        {
            var color = board[geometry.FromDense(i)];
            if (color == Color.Black)
            {
                owner[i] = 1;
            }
            else if (color == Color.White)
            {
                owner[i] = -1;
            }
            else if (!seen[i])
            {
                bool black = false, white = false;
                region.Clear();
                seen[i] = true;
                stack.Push(i);
                while (stack.Count > 0)
                {
                    int e = stack.Pop();
                    region.Add(e);
                    int c = e % geometry.Width, r = e / geometry.Width;
                    foreach (var (nc, nr) in new[] { (c - 1, r), (c + 1, r), (c, r - 1), (c, r + 1) })
                    {
                        if (!geometry.Contains(nc, nr))
                        {
                            continue;
                        }

                        int n = nr * geometry.Width + nc;
                        var neighbour = board[geometry.FromDense(n)];
                        if (neighbour == Color.Black)
                        {
                            black = true;
                        }
                        else if (neighbour == Color.White)
                        {
                            white = true;
                        }
                        else if (!seen[n])
                        {
                            seen[n] = true;
                            stack.Push(n);
                        }
                    }
                }

                sbyte value = black && !white ? (sbyte)1 : white && !black ? (sbyte)-1 : (sbyte)0;
                foreach (int e in region)
                {
                    owner[e] = value;
                }
            }
        }

        return owner;
    }
}
