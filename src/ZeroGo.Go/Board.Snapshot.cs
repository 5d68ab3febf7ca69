namespace ZeroGo.Go;

public sealed partial class Board
{
    /// <summary>
    /// What <see cref="GameState"/> keeps of a board per move for undo: the stones, the hash, the ko point and the
    /// captures. Taking it copies one small array; restoring rebuilds the chains from the stones (undo is rare,
    /// moves are not). A <see cref="Clone"/> per move allocated ten pinned arrays (26 µs a move replaying a 19x19
    /// game, against 0.7 µs for the move itself), which made replaying human games for training slower than
    /// training on them.
    /// </summary>
    internal sealed class Snapshot
    {
        internal required BoardGeometry Geometry { get; init; }
        internal required Color[] Colors { get; init; }
        internal required ulong Hash { get; init; }
        internal required Point KoPoint { get; init; }
        internal required Color KoForbiddenColor { get; init; }
        internal required int BlackCaptures { get; init; }
        internal required int WhiteCaptures { get; init; }
    }

    /// <summary>This board's position now, for <see cref="Restore"/>.</summary>
    internal Snapshot TakeSnapshot() => new()
    {
        Geometry = Geometry,
        Colors = _colors.AsSpan().ToArray(),
        Hash = Hash,
        KoPoint = KoPoint,
        KoForbiddenColor = KoForbiddenColor,
        BlackCaptures = BlackCaptures,
        WhiteCaptures = WhiteCaptures,
    };

    /// <summary>Makes this board the position of <paramref name="snapshot"/> (same geometry), chains rebuilt from its stones.</summary>
    internal void Restore(Snapshot snapshot)
    {
        if (!ReferenceEquals(snapshot.Geometry, Geometry))
        {
            throw new ArgumentException($"cannot restore a {snapshot.Geometry} board onto a {Geometry} board");
        }

        RebuildFrom(snapshot.Colors);
        if (Hash != snapshot.Hash)
        {
            throw new InvalidOperationException("an undo snapshot rebuilt to another hash than it was taken with");
        }

        KoPoint = snapshot.KoPoint;
        KoForbiddenColor = snapshot.KoForbiddenColor;
        BlackCaptures = snapshot.BlackCaptures;
        WhiteCaptures = snapshot.WhiteCaptures;
    }
}
