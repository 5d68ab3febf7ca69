using System.Runtime.CompilerServices;

namespace ZeroGo.Go;

/// <summary>
/// The fast board: stones, chains, captures, simple ko and the incremental Zobrist hash. It knows nothing of
/// history, superko or scoring rules (see <see cref="GameState"/>); it is the inner loop of playouts and search.
/// </summary>
/// <remarks>
/// Chains keep pseudo-liberties (one per stone/empty adjacency) plus the sum and sum of squares of those
/// liberty indices: a chain is in atari exactly when all its pseudo-liberties are the same point, i.e. when
/// count * sumOfSquares == sum * sum. Every update is then O(1) except merging (relabels the smaller chain)
/// and capturing (visits the captured stones). Exact liberty counts are computed on demand.
/// Not thread-safe: one board per thread; copy with <see cref="CopyFrom"/> or <see cref="Clone"/>.
/// </remarks>
public sealed unsafe partial class Board
{
    private readonly Color[] _colors;
    private readonly short[] _chainHead;
    private readonly short[] _nextInChain;

    // Indexed by chain head.
    private readonly int[] _chainStones;
    private readonly int[] _pseudoLiberties;
    private readonly int[] _libertySum;
    private readonly int[] _libertySumOfSquares;

    // Empty points as a dense list for O(1) random choice, with each point's slot in it.
    private readonly short[] _emptyPoints;
    private readonly short[] _emptySlot;
    private int _emptyCount;

    // Each point's neighbours counted by colour (see NeighborCounts): the playout's eye and liberty questions.
    private readonly ushort[] _neighborCounts;

    private readonly int[] _neighborOffsets;
    private readonly int[] _diagonalOffsets;
    private readonly int _stride;

    // Raw views of the pinned arrays above: the hot paths index without bounds checks (indices are always
    // on the padded board, whose border ring keeps every neighbour access in range).
    private readonly Color* _colorsPtr;
    private readonly short* _chainHeadPtr;
    private readonly short* _nextInChainPtr;
    private readonly int* _chainStonesPtr;
    private readonly int* _pseudoLibertiesPtr;
    private readonly int* _libertySumPtr;
    private readonly int* _libertySumOfSquaresPtr;
    private readonly short* _emptyPointsPtr;
    private readonly short* _emptySlotPtr;
    private readonly ushort* _neighborCountsPtr;

    // Scratch for on-demand flood fills: a point is marked when its stamp equals the current one.
    private readonly int[] _markStamp;
    private int _currentStamp;

    public Board(BoardGeometry geometry)
    {
        Geometry = geometry;
        int n = geometry.PaddedArea;
        _colors = GC.AllocateArray<Color>(n, pinned: true);
        _chainHead = GC.AllocateArray<short>(n, pinned: true);
        _nextInChain = GC.AllocateArray<short>(n, pinned: true);
        _chainStones = GC.AllocateArray<int>(n, pinned: true);
        _pseudoLiberties = GC.AllocateArray<int>(n, pinned: true);
        _libertySum = GC.AllocateArray<int>(n, pinned: true);
        _libertySumOfSquares = GC.AllocateArray<int>(n, pinned: true);
        _emptyPoints = GC.AllocateArray<short>(n, pinned: true);
        _emptySlot = GC.AllocateArray<short>(n, pinned: true);
        _neighborCounts = GC.AllocateArray<ushort>(n, pinned: true);
        _markStamp = new int[n];
        _colorsPtr = (Color*)Unsafe.AsPointer(ref _colors[0]);
        _chainHeadPtr = (short*)Unsafe.AsPointer(ref _chainHead[0]);
        _nextInChainPtr = (short*)Unsafe.AsPointer(ref _nextInChain[0]);
        _chainStonesPtr = (int*)Unsafe.AsPointer(ref _chainStones[0]);
        _pseudoLibertiesPtr = (int*)Unsafe.AsPointer(ref _pseudoLiberties[0]);
        _libertySumPtr = (int*)Unsafe.AsPointer(ref _libertySum[0]);
        _libertySumOfSquaresPtr = (int*)Unsafe.AsPointer(ref _libertySumOfSquares[0]);
        _emptyPointsPtr = (short*)Unsafe.AsPointer(ref _emptyPoints[0]);
        _emptySlotPtr = (short*)Unsafe.AsPointer(ref _emptySlot[0]);
        _neighborCountsPtr = (ushort*)Unsafe.AsPointer(ref _neighborCounts[0]);
        int stride = geometry.Stride;
        _stride = stride;
        _neighborOffsets = [-stride, -1, 1, stride];
        _diagonalOffsets = [-stride - 1, -stride + 1, stride - 1, stride + 1];
        Clear();
    }

    public Board(int size)
        : this(BoardGeometry.Get(size))
    {
    }

    public BoardGeometry Geometry { get; }

    /// <summary>Zobrist hash of the stones alone (no side to move, no ko).</summary>
    public ulong Hash { get; private set; }

    /// <summary>The point the given <see cref="KoForbiddenColor"/> may not play now (simple ko), or none.</summary>
    public Point KoPoint { get; private set; }

    /// <summary>The player to whom <see cref="KoPoint"/> applies (the one whose stone was just captured).</summary>
    public Color KoForbiddenColor { get; private set; }

    /// <summary>Number of empty on-board points.</summary>
    public int EmptyCount => _emptyCount;

    /// <summary>Stones captured so far by Black (White stones removed), suicides included as the opponent's gain.</summary>
    public int BlackCaptures { get; private set; }

    /// <summary>Stones captured so far by White.</summary>
    public int WhiteCaptures { get; private set; }

    public Color this[Point point] => _colors[point.Index];

    public Color ColorAt(int column, int row) => _colors[Geometry.PointAt(column, row).Index];

    /// <summary>Stones captured by <paramref name="capturer"/> (GNU Go's meaning of "captures").</summary>
    public int CapturesBy(Color capturer) => capturer == Color.Black ? BlackCaptures : WhiteCaptures;

    /// <summary>Removes every stone and resets ko and capture counts.</summary>
    /// <remarks>
    /// Chain records are left as they are: they are read only through the head of a chain on the board, and
    /// every stone placed writes its own. This is a playout's per-game reset, so it is four block copies.
    /// </remarks>
    public void Clear()
    {
        Geometry.EmptyBoardColors.AsSpan().CopyTo(_colors);
        Geometry.EmptyBoardPoints.AsSpan().CopyTo(_emptyPoints);
        Geometry.EmptyBoardSlots.AsSpan().CopyTo(_emptySlot);
        Geometry.EmptyBoardNeighborCounts.AsSpan().CopyTo(_neighborCounts);
        _emptyCount = Geometry.Area;
        Hash = 0;
        KoPoint = Point.None;
        KoForbiddenColor = Color.Empty;
        BlackCaptures = 0;
        WhiteCaptures = 0;
    }

    /// <summary>Makes this board an exact copy of <paramref name="source"/> (same geometry), without allocating.</summary>
    public void CopyFrom(Board source)
    {
        if (!ReferenceEquals(source.Geometry, Geometry))
        {
            throw new ArgumentException($"cannot copy a {source.Geometry} board onto a {Geometry} board");
        }

        source._colors.AsSpan().CopyTo(_colors);
        source._chainHead.AsSpan().CopyTo(_chainHead);
        source._nextInChain.AsSpan().CopyTo(_nextInChain);
        source._chainStones.AsSpan().CopyTo(_chainStones);
        source._pseudoLiberties.AsSpan().CopyTo(_pseudoLiberties);
        source._libertySum.AsSpan().CopyTo(_libertySum);
        source._libertySumOfSquares.AsSpan().CopyTo(_libertySumOfSquares);
        source._emptyPoints.AsSpan(0, source._emptyCount).CopyTo(_emptyPoints);
        source._emptySlot.AsSpan().CopyTo(_emptySlot);
        source._neighborCounts.AsSpan().CopyTo(_neighborCounts);
        _emptyCount = source._emptyCount;
        Hash = source.Hash;
        KoPoint = source.KoPoint;
        KoForbiddenColor = source.KoForbiddenColor;
        BlackCaptures = source.BlackCaptures;
        WhiteCaptures = source.WhiteCaptures;
    }

    public Board Clone()
    {
        var copy = new Board(Geometry);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>The i-th empty point (0 &lt;= i &lt; <see cref="EmptyCount"/>), in no particular order.</summary>
    public Point EmptyPointAt(int slot) => new(_emptyPointsPtr[slot]);

    /// <summary>
    /// Swaps two slots of the empty-point list. The list's order carries no meaning, so playouts use this to
    /// shrink a random-draw window in place instead of copying the list each move.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SwapEmptySlots(int slotA, int slotB)
    {
        short a = _emptyPointsPtr[slotA], b = _emptyPointsPtr[slotB];
        _emptyPointsPtr[slotA] = b;
        _emptyPointsPtr[slotB] = a;
        _emptySlotPtr[a] = (short)slotB;
        _emptySlotPtr[b] = (short)slotA;
    }

    /// <summary>Why a move would be refused by the board alone (occupied, simple ko, suicide), or Legal.</summary>
    public MoveLegality CheckMove(Point point, Color color, bool suicideAllowed)
    {
        if (!Geometry.IsOnBoard(point))
        {
            return MoveLegality.OffBoard;
        }

        if (_colors[point.Index] != Color.Empty)
        {
            return MoveLegality.Occupied;
        }

        if (point == KoPoint && color == KoForbiddenColor)
        {
            return MoveLegality.Ko;
        }

        return suicideAllowed || !IsSuicide(point.Index, color) ? MoveLegality.Legal : MoveLegality.Suicide;
    }

    /// <summary>
    /// The stones' hash after <paramref name="color"/> plays the empty point <paramref name="point"/>, without playing
    /// it, when the move is quiet (captures nothing, is no suicide); null otherwise (play it on a copy then). Superko's
    /// question for each point of a legal-move mask: a copy and a play cost about 2 µs a point on 19x19, this a few
    /// neighbour reads.
    /// </summary>
    public ulong? HashAfterQuietMove(Point point, Color color)
    {
        int p = point.Index;
        var opponent = color.Opponent();
        foreach (int offset in _neighborOffsets)
        {
            int n = p + offset;
            if (_colorsPtr[n] == opponent && IsChainInAtari(_chainHeadPtr[n]))
            {
                return null;
            }
        }

        return IsSuicide(p, color) ? null : Hash ^ Zobrist.Stone(p, color);
    }

    /// <summary>Fast legality for an on-board point under simple ko, for playouts and search.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsLegal(Point point, Color color, bool suicideAllowed = false) =>
        _colorsPtr[point.Index] == Color.Empty
        && !(point.Index == KoPoint.Index && color == KoForbiddenColor)
        && (suicideAllowed || !IsSuicide(point.Index, color));

    /// <summary>
    /// True when a stone of <paramref name="color"/> at <paramref name="p"/> would have no liberty after captures:
    /// no empty neighbour, no own neighbouring chain with another liberty, no opponent chain captured.
    /// </summary>
    private bool IsSuicide(int p, Color color) =>
        NeighborCounts.Count(_neighborCountsPtr[p], Color.Empty) == 0 && IsSuicideWithoutEmptyNeighbor(p, color);

    /// <summary><see cref="IsSuicide"/> for a point already known to have no empty neighbour.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSuicideWithoutEmptyNeighbor(int p, Color color) =>
        !GivesLiberty(p - _stride, color) && !GivesLiberty(p - 1, color)
        && !GivesLiberty(p + 1, color) && !GivesLiberty(p + _stride, color);

    /// <summary>
    /// Whether occupied neighbour <paramref name="n"/> leaves a new <paramref name="color"/> stone a liberty:
    /// an own chain with another liberty connects to it, an opponent chain in atari is captured.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool GivesLiberty(int n, Color color)
    {
        var c = _colorsPtr[n];
        return c != Color.Border && (c == color) != IsChainInAtari(_chainHeadPtr[n]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsChainInAtari(int head)
    {
        long count = _pseudoLibertiesPtr[head];
        long sum = _libertySumPtr[head];
        return count * _libertySumOfSquaresPtr[head] == sum * sum;
    }

    /// <summary>
    /// The playout question in one pass over the neighbours: may <paramref name="color"/> play this empty point
    /// (simple ko, no suicide) without filling one of its own eyes (<see cref="IsOwnEye"/>)?
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsLegalNonEye(Point point, Color color)
    {
        int p = point.Index;
        int counts = _neighborCountsPtr[p];

        // An empty neighbour is a liberty and spoils any eye; a ko point never has one.
        if (NeighborCounts.Count(counts, Color.Empty) != 0)
        {
            return true;
        }

        if (NeighborCounts.WalledInBy(counts, color) && IsEyeByDiagonals(p, color, counts))
        {
            return false;
        }

        return !(p == KoPoint.Index && color == KoForbiddenColor) && !IsSuicideWithoutEmptyNeighbor(p, color);
    }

    /// <summary>
    /// True when <paramref name="point"/> is one of <paramref name="color"/>'s own eyes in the playout sense:
    /// all four neighbours own stones or the edge, at most one opponent stone on the diagonals, none on the edge.
    /// </summary>
    public bool IsOwnEye(Point point, Color color)
    {
        int p = point.Index;
        return _colorsPtr[p] == Color.Empty && NeighborCounts.WalledInBy(_neighborCountsPtr[p], color)
            && IsEyeByDiagonals(p, color, _neighborCountsPtr[p]);
    }

    /// <summary>The diagonal half of <see cref="IsOwnEye"/>, for a point whose four neighbours are own stones or the edge.</summary>
    private bool IsEyeByDiagonals(int p, Color color, int counts)
    {
        bool touchesEdge = NeighborCounts.Count(counts, Color.Border) != 0;
        var colors = _colorsPtr;
        var opponent = color.Opponent();
        int opponentDiagonals = (colors[p - _stride - 1] == opponent ? 1 : 0) + (colors[p - _stride + 1] == opponent ? 1 : 0)
            + (colors[p + _stride - 1] == opponent ? 1 : 0) + (colors[p + _stride + 1] == opponent ? 1 : 0);
        return opponentDiagonals == 0 || (!touchesEdge && opponentDiagonals == 1);
    }

    /// <summary>Plays a pass: clears the ko point, nothing else changes.</summary>
    public void PlayPass()
    {
        KoPoint = Point.None;
        KoForbiddenColor = Color.Empty;
    }

    /// <summary>
    /// Places a stone and resolves captures (and the player's own chain when it has no liberty: suicide, which
    /// callers allow only under rules that permit it). Returns the number of opponent stones captured.
    /// The caller must have checked legality; an occupied point throws.
    /// </summary>
    public int Play(Point point, Color color)
    {
        int p = point.Index;
        if (_colorsPtr[p] != Color.Empty)
        {
            ThrowOccupied(point);
        }

        int around = _neighborCountsPtr[p];
        PlaceStone(p, color);
        if (around == NeighborCounts.FourEmpty)
        {
            // Most moves of a random game land in the open: nothing to merge, capture or take a liberty from.
            StartOpenChain(p);
            KoPoint = Point.None;
            KoForbiddenColor = Color.Empty;
            return 0;
        }

        JoinNeighbors(p, color, around);
        return ResolveCaptures(p, color, around);
    }

    /// <summary>After a stone at <paramref name="p"/> joined its neighbours: takes dead opponent chains (and, where allowed, its own), sets ko.</summary>
    private int ResolveCaptures(int p, Color color, int around)
    {
        var colors = _colorsPtr;
        var heads = _chainHeadPtr;
        var opponent = color.Opponent();
        int north = p - _stride, west = p - 1, east = p + 1, south = p + _stride;
        int captured = 0;
        int lastCaptured = -1;
        if (NeighborCounts.Count(around, opponent) != 0)
        {
            if (colors[north] == opponent && _pseudoLibertiesPtr[heads[north]] == 0)
            {
                lastCaptured = north;
                captured += RemoveChain(heads[north]);
            }

            if (colors[west] == opponent && _pseudoLibertiesPtr[heads[west]] == 0)
            {
                lastCaptured = west;
                captured += RemoveChain(heads[west]);
            }

            if (colors[east] == opponent && _pseudoLibertiesPtr[heads[east]] == 0)
            {
                lastCaptured = east;
                captured += RemoveChain(heads[east]);
            }

            if (colors[south] == opponent && _pseudoLibertiesPtr[heads[south]] == 0)
            {
                lastCaptured = south;
                captured += RemoveChain(heads[south]);
            }
        }

        int head = heads[p];
        if (captured == 1 && _chainStonesPtr[head] == 1 && _pseudoLibertiesPtr[head] == 1)
        {
            KoPoint = new Point((short)lastCaptured);
            KoForbiddenColor = opponent;
        }
        else
        {
            KoPoint = Point.None;
            KoForbiddenColor = Color.Empty;
        }

        if (_pseudoLibertiesPtr[head] == 0)
        {
            // Suicide (only reached when the rules allow it): the opponent is credited with the stones.
            int lost = RemoveChain(head);
            AddCaptures(opponent, lost);
        }

        if (captured != 0)
        {
            AddCaptures(color, captured);
        }

        return captured;
    }

    // Out of line: building the message in Play itself gave it a large stack frame to zero on every move.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOccupied(Point point) =>
        throw new InvalidOperationException($"point {point} is not empty");

    /// <summary>Colours an empty point: the empty list, the hash and the neighbours' counts follow; chains do not yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PlaceStone(int p, Color color)
    {
        _colorsPtr[p] = color;
        RemoveEmpty(p);
        Hash ^= Zobrist.Stone(p, color);
        int countsChange = NeighborCounts.StonePlaced(color);
        var counts = _neighborCountsPtr;
        counts[p - _stride] = (ushort)(counts[p - _stride] + countsChange);
        counts[p - 1] = (ushort)(counts[p - 1] + countsChange);
        counts[p + 1] = (ushort)(counts[p + 1] + countsChange);
        counts[p + _stride] = (ushort)(counts[p + _stride] + countsChange);
    }

    /// <summary>The chain of a stone whose four neighbours are empty: itself, with those four as liberties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartOpenChain(int p)
    {
        _chainHeadPtr[p] = (short)p;
        _nextInChainPtr[p] = (short)p;
        _chainStonesPtr[p] = 1;
        _pseudoLibertiesPtr[p] = 4;
        _libertySumPtr[p] = 4 * p;

        // (p - s)^2 + (p + s)^2 + (p - 1)^2 + (p + 1)^2
        _libertySumOfSquaresPtr[p] = 4 * p * p + 2 * _stride * _stride + 2;
    }

    /// <summary>
    /// Makes a just-placed stone a one-stone chain, takes p from every neighbouring chain's liberties and merges
    /// it with its own-colour neighbours (<paramref name="around"/>: its neighbour counts before it was placed).
    /// Captures are the caller's business.
    /// </summary>
    private void JoinNeighbors(int p, Color color, int around)
    {
        var colors = _colorsPtr;
        var heads = _chainHeadPtr;
        int north = p - _stride, west = p - 1, east = p + 1, south = p + _stride;
        heads[p] = (short)p;
        _nextInChainPtr[p] = (short)p;
        _chainStonesPtr[p] = 1;
        _pseudoLibertiesPtr[p] = 0;
        _libertySumPtr[p] = 0;
        _libertySumOfSquaresPtr[p] = 0;
        TouchNeighbor(p, north);
        TouchNeighbor(p, west);
        TouchNeighbor(p, east);
        TouchNeighbor(p, south);
        if (NeighborCounts.Count(around, color) == 0)
        {
            return;
        }

        if (colors[north] == color)
        {
            MergeChains(heads[p], heads[north]);
        }

        if (colors[west] == color && heads[west] != heads[p])
        {
            MergeChains(heads[p], heads[west]);
        }

        if (colors[east] == color && heads[east] != heads[p])
        {
            MergeChains(heads[p], heads[east]);
        }

        if (colors[south] == color && heads[south] != heads[p])
        {
            MergeChains(heads[p], heads[south]);
        }
    }

    /// <summary>For a stone just placed at <paramref name="p"/>: an empty neighbour is its liberty, a stone's chain loses p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TouchNeighbor(int p, int n)
    {
        var c = _colorsPtr[n];
        if (c == Color.Empty)
        {
            AddLiberty(p, n);
        }
        else if (c != Color.Border)
        {
            RemoveLiberty(_chainHeadPtr[n], p);
        }
    }

    private void AddCaptures(Color capturer, int stones)
    {
        if (capturer == Color.Black)
        {
            BlackCaptures += stones;
        }
        else
        {
            WhiteCaptures += stones;
        }
    }

    /// <summary>Places a stone without resolving captures or ko: setup stones (SGF AB/AW, handicap).</summary>
    /// <remarks>Chains left without liberties stay on the board; callers that care check <see cref="HasChainWithoutLiberties"/>.</remarks>
    public void PlaceSetupStone(Point point, Color color)
    {
        if (_colors[point.Index] != Color.Empty)
        {
            RemoveSetupStone(point);
        }

        int around = _neighborCountsPtr[point.Index];
        PlaceStone(point.Index, color);
        JoinNeighbors(point.Index, color, around);
        KoPoint = Point.None;
        KoForbiddenColor = Color.Empty;
    }

    /// <summary>Removes one stone (SGF AE) and rebuilds the chains around it.</summary>
    public void RemoveSetupStone(Point point)
    {
        if (_colors[point.Index] is Color.Empty or Color.Border)
        {
            return;
        }

        // Rebuilding from scratch is simplest and setup is rare: replay every other stone.
        var colors = _colors.AsSpan().ToArray();
        colors[point.Index] = Color.Empty;
        int black = BlackCaptures, white = WhiteCaptures;
        RebuildFrom(colors);
        BlackCaptures = black;
        WhiteCaptures = white;
    }

    /// <summary>Empties the board and places the stones of <paramref name="colors"/> (padded order) as setup stones, chains rebuilt.</summary>
    private void RebuildFrom(Color[] colors)
    {
        Clear();
        foreach (var q in Geometry.Points)
        {
            if (colors[q.Index].IsPlayer())
            {
                PlaceSetupStone(q, colors[q.Index]);
            }
        }
    }

    /// <summary>True when some chain has no liberty (possible only after setup stones).</summary>
    public bool HasChainWithoutLiberties()
    {
        foreach (var q in Geometry.Points)
        {
            if (_colors[q.Index].IsPlayer() && _pseudoLiberties[_chainHead[q.Index]] == 0)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddLiberty(int head, int liberty)
    {
        _pseudoLibertiesPtr[head]++;
        _libertySumPtr[head] += liberty;
        _libertySumOfSquaresPtr[head] += liberty * liberty;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RemoveLiberty(int head, int liberty)
    {
        _pseudoLibertiesPtr[head]--;
        _libertySumPtr[head] -= liberty;
        _libertySumOfSquaresPtr[head] -= liberty * liberty;
    }

    /// <summary>Relabels the smaller chain into the larger one and splices their stone rings.</summary>
    private void MergeChains(int headA, int headB)
    {
        var stones = _chainStonesPtr;
        if (stones[headA] < stones[headB])
        {
            (headA, headB) = (headB, headA);
        }

        var heads = _chainHeadPtr;
        var next = _nextInChainPtr;
        int stone = headB;
        do
        {
            heads[stone] = (short)headA;
            stone = next[stone];
        }
        while (stone != headB);

        (next[headA], next[headB]) = (next[headB], next[headA]);
        stones[headA] += stones[headB];
        _pseudoLibertiesPtr[headA] += _pseudoLibertiesPtr[headB];
        _libertySumPtr[headA] += _libertySumPtr[headB];
        _libertySumOfSquaresPtr[headA] += _libertySumOfSquaresPtr[headB];
    }

    /// <summary>Takes a chain off the board, giving its points back as liberties to the neighbours. Returns its size.</summary>
    private int RemoveChain(int head)
    {
        var colors = _colorsPtr;
        var next = _nextInChainPtr;
        var color = colors[head];
        int countsChange = NeighborCounts.StonePlaced(color);
        var counts = _neighborCountsPtr;
        int removed = 0;
        int stone = head;
        do
        {
            colors[stone] = Color.Empty;
            AddEmpty(stone);
            Hash ^= Zobrist.Stone(stone, color);
            counts[stone - _stride] = (ushort)(counts[stone - _stride] - countsChange);
            counts[stone - 1] = (ushort)(counts[stone - 1] - countsChange);
            counts[stone + 1] = (ushort)(counts[stone + 1] - countsChange);
            counts[stone + _stride] = (ushort)(counts[stone + _stride] - countsChange);
            removed++;
            stone = next[stone];
        }
        while (stone != head);

        // Second pass, once all stones are gone, so that only surviving chains gain liberties.
        var heads = _chainHeadPtr;
        stone = head;
        do
        {
            int n = stone - _stride;
            if (colors[n] is Color.Black or Color.White)
            {
                AddLiberty(heads[n], stone);
            }

            n = stone - 1;
            if (colors[n] is Color.Black or Color.White)
            {
                AddLiberty(heads[n], stone);
            }

            n = stone + 1;
            if (colors[n] is Color.Black or Color.White)
            {
                AddLiberty(heads[n], stone);
            }

            n = stone + _stride;
            if (colors[n] is Color.Black or Color.White)
            {
                AddLiberty(heads[n], stone);
            }

            stone = next[stone];
        }
        while (stone != head);

        return removed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddEmpty(int p)
    {
        _emptySlotPtr[p] = (short)_emptyCount;
        _emptyPointsPtr[_emptyCount++] = (short)p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RemoveEmpty(int p)
    {
        int slot = _emptySlotPtr[p];
        short last = _emptyPointsPtr[--_emptyCount];
        _emptyPointsPtr[slot] = last;
        _emptySlotPtr[last] = (short)slot;
    }

    /// <summary>The representative point of the chain through <paramref name="point"/>.</summary>
    public Point ChainHead(Point point) => new(_chainHead[point.Index]);

    /// <summary>Number of stones in the chain through an occupied point.</summary>
    public int ChainSize(Point point) => _chainStones[_chainHead[point.Index]];

    /// <summary>True when the chain through an occupied point has exactly one liberty.</summary>
    public bool IsInAtari(Point point) => IsChainInAtari(_chainHead[point.Index]);

    /// <summary>The stones of the chain through an occupied point.</summary>
    public IEnumerable<Point> ChainStones(Point point)
    {
        int head = _chainHead[point.Index];
        int stone = head;
        do
        {
            yield return new Point((short)stone);
            stone = _nextInChain[stone];
        }
        while (stone != head);
    }

    /// <summary>Exact number of distinct liberties of the chain through an occupied point.</summary>
    public int CountLiberties(Point point)
    {
        int head = _chainHead[point.Index];
        int stamp = NextStamp();
        int liberties = 0;
        int stone = head;
        var offsets = _neighborOffsets;
        do
        {
            for (int i = 0; i < 4; i++)
            {
                int n = stone + offsets[i];
                if (_colors[n] == Color.Empty && _markStamp[n] != stamp)
                {
                    _markStamp[n] = stamp;
                    liberties++;
                }
            }

            stone = _nextInChain[stone];
        }
        while (stone != head);

        return liberties;
    }

    /// <summary>
    /// Exact liberties of every chain, written per point (0 for empty points), capped at <paramref name="cap"/>.
    /// Indexed by padded point index; <paramref name="libertiesByPoint"/> must be PaddedArea long.
    /// </summary>
    public void FillLibertyCounts(Span<int> libertiesByPoint, int cap = int.MaxValue)
    {
        libertiesByPoint.Clear();
        foreach (var q in Geometry.Points)
        {
            int p = q.Index;
            if (_colors[p].IsPlayer() && _chainHead[p] == p)
            {
                int liberties = Math.Min(cap, CountLiberties(q));
                int stone = p;
                do
                {
                    libertiesByPoint[stone] = liberties;
                    stone = _nextInChain[stone];
                }
                while (stone != p);
            }
        }
    }

    /// <summary>The four orthogonal neighbours' offsets in the padded array.</summary>
    public ReadOnlySpan<int> NeighborOffsets => _neighborOffsets;

    private int NextStamp()
    {
        if (++_currentStamp == int.MaxValue)
        {
            Array.Clear(_markStamp);
            _currentStamp = 1;
        }

        return _currentStamp;
    }

    /// <summary>
    /// Tromp-Taylor area count: stones plus empty regions that reach only one colour.
    /// Returns (black area, white area) without komi.
    /// </summary>
    public (int Black, int White) AreaScore()
    {
        int black = 0, white = 0;
        int stamp = NextStamp();
        var stack = new Stack<int>();
        var offsets = _neighborOffsets;
        foreach (var q in Geometry.Points)
        {
            int p = q.Index;
            var c = _colors[p];
            if (c == Color.Black)
            {
                black++;
            }
            else if (c == Color.White)
            {
                white++;
            }
            else if (_markStamp[p] != stamp)
            {
                int regionSize = 0;
                bool reachesBlack = false, reachesWhite = false;
                _markStamp[p] = stamp;
                stack.Push(p);
                while (stack.Count > 0)
                {
                    int e = stack.Pop();
                    regionSize++;
                    for (int i = 0; i < 4; i++)
                    {
                        int n = e + offsets[i];
                        switch (_colors[n])
                        {
                            case Color.Black: reachesBlack = true; break;
                            case Color.White: reachesWhite = true; break;
                            case Color.Empty when _markStamp[n] != stamp:
                                _markStamp[n] = stamp;
                                stack.Push(n);
                                break;
                        }
                    }
                }

                if (reachesBlack && !reachesWhite)
                {
                    black += regionSize;
                }
                else if (reachesWhite && !reachesBlack)
                {
                    white += regionSize;
                }
            }
        }

        return (black, white);
    }

    /// <summary>Recomputes the Zobrist hash from the stones (tests compare it with the incremental one).</summary>
    public ulong ComputeHashFromScratch()
    {
        ulong hash = 0;
        foreach (var q in Geometry.Points)
        {
            var c = _colors[q.Index];
            if (c.IsPlayer())
            {
                hash ^= Zobrist.Stone(q.Index, c);
            }
        }

        return hash;
    }

    /// <summary>Checks every internal invariant; returns a description of the first violation, or null.</summary>
    public string? FindInconsistency()
    {
        if (ComputeHashFromScratch() != Hash)
        {
            return "incremental hash differs from recomputed hash";
        }

        int empties = 0;
        foreach (var q in Geometry.Points)
        {
            int p = q.Index;
            var c = _colors[p];
            int expectedCounts = 0;
            for (int i = 0; i < 4; i++)
            {
                expectedCounts += NeighborCounts.Of(_colors[p + _neighborOffsets[i]]);
            }

            if (expectedCounts != _neighborCounts[p])
            {
                return $"neighbour counts wrong at {p}";
            }

            if (c == Color.Empty)
            {
                empties++;
                if (_emptyPoints[_emptySlot[p]] != p)
                {
                    return $"empty list broken at {p}";
                }

                continue;
            }

            int head = _chainHead[p];
            if (_colors[head] != c)
            {
                return $"chain head of {p} has another colour";
            }

            for (int i = 0; i < 4; i++)
            {
                int n = p + _neighborOffsets[i];
                if (_colors[n] == c && _chainHead[n] != head)
                {
                    return $"adjacent stones {p} and {n} are in different chains";
                }
            }

            if (head == p)
            {
                int exact = CountLiberties(q);
                if (exact == 0)
                {
                    return $"chain at {p} has no liberty";
                }

                if (IsChainInAtari(head) != (exact == 1))
                {
                    return $"atari test wrong for chain at {p}";
                }

                int pseudo = 0, size = 0, stone = p;
                do
                {
                    size++;
                    for (int i = 0; i < 4; i++)
                    {
                        if (_colors[stone + _neighborOffsets[i]] == Color.Empty)
                        {
                            pseudo++;
                        }
                    }

                    stone = _nextInChain[stone];
                }
                while (stone != p && size <= Geometry.Area);

                if (size != _chainStones[head] || pseudo != _pseudoLiberties[head])
                {
                    return $"chain stats wrong at {p}";
                }
            }
        }

        return empties == _emptyCount ? null : "empty count wrong";
    }
}
