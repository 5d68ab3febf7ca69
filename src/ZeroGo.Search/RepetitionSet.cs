using System.Runtime.CompilerServices;
using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// The positions a superko rule forbids repeating, as an open-addressing set of 64-bit keys (position hashes
/// for positional superko, hash ^ side to move for situational). Built once per root; read-only while the
/// search runs, so any number of threads may probe it.
/// </summary>
public sealed class RepetitionSet
{
    private ulong[] _slots = new ulong[16];
    private int _count;
    private bool _hasZero;

    // Stone counts of the positions in the set: a move that captures nothing adds a stone, so it can only
    // repeat a position that had one stone more than the current one; when none had, no probe is needed.
    private readonly bool[] _stoneCounts = new bool[BoardGeometry.MaxSize * BoardGeometry.MaxSize + 1];

    public RepetitionSet(KoRule rule)
    {
        Rule = rule;
    }

    public KoRule Rule { get; }

    public int Count => _count + (_hasZero ? 1 : 0);

    /// <summary>The key this rule compares for a position with <paramref name="toMove"/> to play next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong KeyOf(ulong positionHash, Color toMove) =>
        Rule == KoRule.Situational && toMove == Color.White ? positionHash ^ Zobrist.WhiteToMove : positionHash;

    /// <summary>Every position of the game so far (the current one included), under the game's rule.</summary>
    public static RepetitionSet FromGame(GameState state)
    {
        var set = new RepetitionSet(state.Rules.KoRule);
        if (set.Rule == KoRule.Simple)
        {
            return set;
        }

        var history = state.PositionHistory;
        var moves = state.Moves;
        foreach (int stones in state.StoneCountHistory)
        {
            set.AddStoneCount(stones);
        }

        for (int i = 0; i < history.Count; i++)
        {
            // After move i-1 the opponent of its player moves; the first position has the game's first mover.
            var toMove = i == 0
                ? (moves.Count > 0 ? moves[0].Color : state.ToMove)
                : moves[i - 1].Color.Opponent();
            set.Add(set.KeyOf(history[i], toMove));
        }

        return set;
    }

    /// <summary>Records that a position in the set had <paramref name="stones"/> stones on the board.</summary>
    public void AddStoneCount(int stones) => _stoneCounts[stones] = true;

    /// <summary>Whether some position in the set had exactly <paramref name="stones"/> stones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasStoneCount(int stones) => (uint)stones < (uint)_stoneCounts.Length && _stoneCounts[stones];

    public void Add(ulong key)
    {
        if (key == 0)
        {
            _hasZero = true;
            return;
        }

        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        Insert(_slots, key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ulong key)
    {
        if (key == 0)
        {
            return _hasZero;
        }

        var slots = _slots;
        int mask = slots.Length - 1;
        int i = (int)(key * 0x9E3779B97F4A7C15UL >> 40) & mask;
        while (true)
        {
            ulong slot = slots[i];
            if (slot == key)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    private bool Insert(ulong[] slots, ulong key)
    {
        int mask = slots.Length - 1;
        int i = (int)(key * 0x9E3779B97F4A7C15UL >> 40) & mask;
        while (slots[i] != 0)
        {
            if (slots[i] == key)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        slots[i] = key;
        if (ReferenceEquals(slots, _slots))
        {
            _count++;
        }

        return true;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _count = 0;
        foreach (ulong key in old)
        {
            if (key != 0)
            {
                Insert(_slots, key);
            }
        }
    }
}
