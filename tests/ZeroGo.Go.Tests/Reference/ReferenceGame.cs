using ZeroGo.Go;

namespace ZeroGo.Go.Tests.Reference;

/// <summary>What the reference model says about a move.</summary>
internal enum ReferenceVerdict
{
    Legal,
    Occupied,
    Suicide,
    /// <summary>Immediate recapture of a single-stone ko (simple ko rule only).</summary>
    Ko,
    /// <summary>Recreates an earlier position (positional) or position + side to move (situational).</summary>
    Superko,
}

/// <summary>The outcome of putting a stone down, before any ko rule is consulted.</summary>
internal sealed record ReferencePlacement(
    byte[] CellsAfter,
    int OpponentStonesCaptured,
    int OwnStonesLost,
    int KoPoint)
{
    /// <summary>The resulting position as a history key (computed once: several rule sets ask for it).</summary>
    public string Key => field ??= ReferenceGame.Key(CellsAfter);
}

/// <summary>
/// A deliberately slow and obviously correct model of the rules, sharing no code with ZeroGo.Go: a plain grid
/// (row-major from the top-left, 0 empty, 1 Black, 2 White), flood fills for chains, and the full history of
/// positions as strings. Superko here is pure (no separate simple-ko check): under alternating play an
/// immediate ko recapture always recreates the previous position, so the two must agree.
/// </summary>
internal sealed class ReferenceGame
{
    public const byte Empty = 0;
    public const byte Black = 1;
    public const byte White = 2;

    private readonly Dictionary<string, int> _positionsSeen = [];
    private readonly Dictionary<string, int> _situationsSeen = [];
    private readonly Stack<Saved> _undo = new();
    private readonly int[] _stoneMark;
    private readonly int[] _libertyMark;
    private int _generation;

    public ReferenceGame(int width, int height)
    {
        Width = width;
        Height = height;
        Cells = new byte[width * height];
        _stoneMark = new int[width * height];
        _libertyMark = new int[width * height];
        Record();
    }

    /// <summary>
    /// When true the simple-ko ban applies under the superko rules too (ZeroGo's design). Only needed for
    /// non-alternating play: with alternation an immediate recapture always repeats a position anyway.
    /// </summary>
    public bool SimpleKoUnderSuperko { get; init; }

    public int Width { get; }

    public int Height { get; }

    public byte[] Cells { get; private set; }

    public int BlackCaptures { get; private set; }

    public int WhiteCaptures { get; private set; }

    /// <summary>Dense index the <see cref="KoColor"/> may not play under simple ko, or -1.</summary>
    public int KoPoint { get; private set; } = -1;

    public byte KoColor { get; private set; }

    public byte ToMove { get; private set; } = Black;

    public int ConsecutivePasses { get; private set; }

    public int MoveCount => _undo.Count;

    public static byte Opponent(byte color) => (byte)(3 - color);

    public static string Key(byte[] cells)
    {
        var chars = new char[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            chars[i] = (char)('0' + cells[i]);
        }

        return new string(chars);
    }

    private static string SituationKey(string position, byte toMove) => position + (toMove == Black ? "b" : "w");

    public IEnumerable<int> Neighbours(int index)
    {
        int column = index % Width, row = index / Width;
        if (row > 0)
        {
            yield return index - Width;
        }

        if (column > 0)
        {
            yield return index - 1;
        }

        if (column < Width - 1)
        {
            yield return index + 1;
        }

        if (row < Height - 1)
        {
            yield return index + Width;
        }
    }

    /// <summary>The chain through an occupied point and its number of distinct liberties, by flood fill.</summary>
    public (List<int> Stones, int Liberties) Chain(byte[] cells, int start)
    {
        // Two marks per point (stone seen, liberty counted) with a generation number, so no per-call allocation
        // beyond the stone list.
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stoneMark);
            Array.Clear(_libertyMark);
            _generation = 1;
        }

        var color = cells[start];
        var stones = new List<int> { start };
        _stoneMark[start] = _generation;
        int liberties = 0;
        for (int i = 0; i < stones.Count; i++)
        {
            foreach (int n in Neighbours(stones[i]))
            {
                if (cells[n] == Empty)
                {
                    if (_libertyMark[n] != _generation)
                    {
                        _libertyMark[n] = _generation;
                        liberties++;
                    }
                }
                else if (cells[n] == color && _stoneMark[n] != _generation)
                {
                    _stoneMark[n] = _generation;
                    stones.Add(n);
                }
            }
        }

        return (stones, liberties);
    }

    /// <summary>Places a stone on a copy of the grid: opponent chains without liberties go, then (suicide) one's own.</summary>
    public ReferencePlacement? Place(int index, byte color)
    {
        if (Cells[index] != Empty)
        {
            return null;
        }

        var cells = (byte[])Cells.Clone();
        cells[index] = color;
        var opponent = Opponent(color);
        int captured = 0, lastCaptured = -1;
        foreach (int n in Neighbours(index))
        {
            if (cells[n] != opponent)
            {
                continue;
            }

            var (stones, liberties) = Chain(cells, n);
            if (liberties == 0)
            {
                foreach (int s in stones)
                {
                    cells[s] = Empty;
                }

                captured += stones.Count;
                lastCaptured = n;
            }
        }

        var own = Chain(cells, index);
        int lost = 0;
        if (own.Liberties == 0)
        {
            foreach (int s in own.Stones)
            {
                cells[s] = Empty;
            }

            lost = own.Stones.Count;
        }

        int ko = captured == 1 && own.Stones.Count == 1 && own.Liberties == 1 ? lastCaptured : -1;
        return new ReferencePlacement(cells, captured, lost, ko);
    }

    /// <summary>The verdict for <paramref name="color"/> playing at <paramref name="index"/> under the given rules.</summary>
    public ReferenceVerdict Check(int index, byte color, KoRule koRule, bool suicideAllowed) =>
        Judge(index, color, Place(index, color), koRule, suicideAllowed);

    /// <summary>Same as <see cref="Check"/> but reusing a placement already computed for this point and colour.</summary>
    public ReferenceVerdict Judge(int index, byte color, ReferencePlacement? placement, KoRule koRule, bool suicideAllowed)
    {
        if (placement is null)
        {
            return ReferenceVerdict.Occupied;
        }

        if (placement.OwnStonesLost > 0 && !suicideAllowed)
        {
            return ReferenceVerdict.Suicide;
        }

        if (SimpleKoUnderSuperko && index == KoPoint && color == KoColor)
        {
            return ReferenceVerdict.Ko;
        }

        switch (koRule)
        {
            case KoRule.Simple:
                return index == KoPoint && color == KoColor ? ReferenceVerdict.Ko : ReferenceVerdict.Legal;
            case KoRule.Positional:
                return _positionsSeen.ContainsKey(placement.Key) ? ReferenceVerdict.Superko : ReferenceVerdict.Legal;
            default:
                var situation = SituationKey(placement.Key, Opponent(color));
                return _situationsSeen.ContainsKey(situation) ? ReferenceVerdict.Superko : ReferenceVerdict.Legal;
        }
    }

    /// <summary>Plays a stone (legality is the caller's business; occupied throws).</summary>
    public void Play(int index, byte color)
    {
        var placement = Place(index, color) ?? throw new InvalidOperationException("reference: point occupied");
        Save();
        Cells = placement.CellsAfter;
        if (color == Black)
        {
            BlackCaptures += placement.OpponentStonesCaptured;
            WhiteCaptures += placement.OwnStonesLost;
        }
        else
        {
            WhiteCaptures += placement.OpponentStonesCaptured;
            BlackCaptures += placement.OwnStonesLost;
        }

        KoPoint = placement.KoPoint;
        KoColor = placement.KoPoint >= 0 ? Opponent(color) : Empty;
        ConsecutivePasses = 0;
        ToMove = Opponent(color);
        Record();
    }

    public void Pass(byte color)
    {
        Save();
        KoPoint = -1;
        KoColor = Empty;
        ConsecutivePasses++;
        ToMove = Opponent(color);
        Record();
    }

    public void Undo()
    {
        Forget();
        var saved = _undo.Pop();
        Cells = saved.Cells;
        BlackCaptures = saved.BlackCaptures;
        WhiteCaptures = saved.WhiteCaptures;
        KoPoint = saved.KoPoint;
        KoColor = saved.KoColor;
        ToMove = saved.ToMove;
        ConsecutivePasses = saved.Passes;
    }

    /// <summary>Tromp-Taylor area: stones plus empty regions that reach only one colour.</summary>
    public (int Black, int White) AreaScore()
    {
        int black = 0, white = 0;
        var seen = new bool[Cells.Length];
        for (int i = 0; i < Cells.Length; i++)
        {
            if (Cells[i] == Black)
            {
                black++;
            }
            else if (Cells[i] == White)
            {
                white++;
            }
            else if (!seen[i])
            {
                var region = new List<int> { i };
                seen[i] = true;
                bool reachesBlack = false, reachesWhite = false;
                for (int k = 0; k < region.Count; k++)
                {
                    foreach (int n in Neighbours(region[k]))
                    {
                        if (Cells[n] == Black)
                        {
                            reachesBlack = true;
                        }
                        else if (Cells[n] == White)
                        {
                            reachesWhite = true;
                        }
                        else if (!seen[n])
                        {
                            seen[n] = true;
                            region.Add(n);
                        }
                    }
                }

                if (reachesBlack && !reachesWhite)
                {
                    black += region.Count;
                }
                else if (reachesWhite && !reachesBlack)
                {
                    white += region.Count;
                }
            }
        }

        return (black, white);
    }

    /// <summary>
    /// The playout definition of an own eye: empty, every on-board neighbour <paramref name="color"/>, and at most one
    /// opponent stone on the diagonals, none when the point touches the edge.
    /// </summary>
    public bool IsOwnEye(int index, byte color)
    {
        if (Cells[index] != Empty)
        {
            return false;
        }

        int column = index % Width, row = index / Width;
        bool touchesEdge = column == 0 || row == 0 || column == Width - 1 || row == Height - 1;
        if (Neighbours(index).Any(n => Cells[n] != color))
        {
            return false;
        }

        int opponentDiagonals = 0;
        foreach (var (dc, dr) in new[] { (-1, -1), (1, -1), (-1, 1), (1, 1) })
        {
            int c = column + dc, r = row + dr;
            if (c >= 0 && c < Width && r >= 0 && r < Height && Cells[r * Width + c] == Opponent(color))
            {
                opponentDiagonals++;
            }
        }

        return touchesEdge ? opponentDiagonals == 0 : opponentDiagonals <= 1;
    }

    /// <summary>The first chain found without a liberty, or -1 (after any move there must be none).</summary>
    public int FindChainWithoutLiberty()
    {
        for (int i = 0; i < Cells.Length; i++)
        {
            if (Cells[i] != Empty && Chain(Cells, i).Liberties == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private void Save() =>
        _undo.Push(new Saved(Cells, BlackCaptures, WhiteCaptures, KoPoint, KoColor, ToMove, ConsecutivePasses));

    private void Record()
    {
        var key = Key(Cells);
        _positionsSeen[key] = _positionsSeen.GetValueOrDefault(key) + 1;
        var situation = SituationKey(key, ToMove);
        _situationsSeen[situation] = _situationsSeen.GetValueOrDefault(situation) + 1;
    }

    private void Forget()
    {
        var key = Key(Cells);
        Decrement(_positionsSeen, key);
        Decrement(_situationsSeen, SituationKey(key, ToMove));
    }

    private static void Decrement(Dictionary<string, int> counts, string key)
    {
        int count = counts[key];
        if (count == 1)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count - 1;
        }
    }

    private sealed record Saved(
        byte[] Cells, int BlackCaptures, int WhiteCaptures, int KoPoint, byte KoColor, byte ToMove, int Passes);
}
