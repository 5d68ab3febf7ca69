using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// One avoid or allow rule of an analysis request (Leela Zero's and KataGo's <c>avoid</c>/<c>allow</c>): for
/// <paramref name="Player"/>'s moves in the first <paramref name="UntilPly"/> plies of the search (1 = the move
/// at the root only), never search <paramref name="Moves"/> (avoid) or search only them (allow).
/// </summary>
public sealed record MoveRestriction(Color Player, IReadOnlyList<Move> Moves, int UntilPly, bool Allow);

/// <summary>
/// The avoid/allow rules a search honours, compiled into per-ply lookup tables. An allow rule never blocks a
/// pass (a player must always have a move); an avoid rule may list <c>pass</c>. Equal rule sets compare equal,
/// so a GUI repeating the same request does not look like a change.
/// </summary>
public sealed class MoveRestrictions : IEquatable<MoveRestrictions>
{
    /// <summary>No restriction: every legal move may be searched.</summary>
    public static readonly MoveRestrictions None = new(null, [], []);

    private readonly string _key;

    // Plies at which the set of rules in force shrinks (ascending), and for each colour and each such band the
    // blocked moves, indexed by move code + 1 (0 = pass); null where nothing is blocked.
    private readonly int[] _bandEnds;
    private readonly bool[]?[] _blockedByBand;

    private MoveRestrictions(BoardGeometry? geometry, IReadOnlyList<MoveRestriction> rules, int[] bandEnds)
    {
        Geometry = geometry;
        Rules = rules;
        _bandEnds = bandEnds;
        _blockedByBand = new bool[]?[bandEnds.Length * 2];
        _key = string.Join(";", rules
            .Select(r => $"{r.Player.Letter()}:{(r.Allow ? "allow" : "avoid")}:{r.UntilPly}:"
                + string.Join(",", r.Moves.Select(MctsSearch.MoveCode).Distinct().Order()))
            .Order(StringComparer.Ordinal));
    }

    /// <summary>The board the rules' points belong to (null for <see cref="None"/>).</summary>
    public BoardGeometry? Geometry { get; }

    public IReadOnlyList<MoveRestriction> Rules { get; }

    public bool IsEmpty => Rules.Count == 0;

    /// <summary>Compiles <paramref name="rules"/> for a board; throws on points off it or a ply count below 1.</summary>
    public static MoveRestrictions Create(BoardGeometry geometry, IEnumerable<MoveRestriction> rules)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var list = rules.ToList();
        if (list.Count == 0)
        {
            return None;
        }

        foreach (var rule in list)
        {
            if (!rule.Player.IsPlayer())
            {
                throw new ArgumentException($"a move restriction needs a player, not {rule.Player}");
            }

            if (rule.UntilPly < 1)
            {
                throw new ArgumentException($"a move restriction must last at least one ply, not {rule.UntilPly}");
            }

            foreach (var move in rule.Moves)
            {
                if (move.IsResign || (move.IsPlay && !geometry.IsOnBoard(move.Point)))
                {
                    throw new ArgumentException($"{move} is not a move on a {geometry} board");
                }
            }
        }

        int[] bandEnds = [.. list.Select(r => r.UntilPly).Distinct().Order()];
        var restrictions = new MoveRestrictions(geometry, list, bandEnds);
        for (int band = 0; band < bandEnds.Length; band++)
        {
            foreach (var player in (ReadOnlySpan<Color>)[Color.Black, Color.White])
            {
                var inForce = list.Where(r => r.Player == player && r.UntilPly >= bandEnds[band]).ToList();
                restrictions._blockedByBand[band * 2 + (int)player - 1] = BlockedMoves(geometry, inForce);
            }
        }

        return restrictions;
    }

    /// <summary>
    /// The moves <paramref name="toMove"/> may not search at <paramref name="ply"/> (1 = the root's move), indexed
    /// by padded point index + 1 with 0 for pass; null when nothing is blocked there.
    /// </summary>
    internal bool[]? BlockedAt(int ply, Color toMove)
    {
        for (int band = 0; band < _bandEnds.Length; band++)
        {
            if (ply <= _bandEnds[band])
            {
                return _blockedByBand[band * 2 + (int)toMove - 1];
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="player"/> may not search <paramref name="move"/> at <paramref name="ply"/>.</summary>
    public bool Blocks(Move move, int ply, Color player) =>
        BlockedAt(ply, player) is { } blocked && blocked[SlotOf(move)];

    /// <summary>A move's index in the lookup tables: the search's move code + 1, so pass (-1) is slot 0.</summary>
    private static int SlotOf(Move move) => MctsSearch.MoveCode(move) + 1;

    private static bool[]? BlockedMoves(BoardGeometry geometry, List<MoveRestriction> inForce)
    {
        if (inForce.Count == 0)
        {
            return null;
        }

        var blocked = new bool[geometry.PaddedArea + 1];
        var allowed = inForce.Where(r => r.Allow).SelectMany(r => r.Moves).ToHashSet();
        if (inForce.Any(r => r.Allow))
        {
            foreach (var point in geometry.Points)
            {
                blocked[SlotOf(Move.At(point))] = !allowed.Contains(Move.At(point));
            }
        }

        foreach (var move in inForce.Where(r => !r.Allow).SelectMany(r => r.Moves))
        {
            blocked[SlotOf(move)] = true;
        }

        return blocked;
    }

    public bool Equals(MoveRestrictions? other) =>
        other is not null && Equals(Geometry, other.Geometry) && _key == other._key;

    public override bool Equals(object? obj) => Equals(obj as MoveRestrictions);

    public override int GetHashCode() => _key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => IsEmpty ? "none" : _key;
}
