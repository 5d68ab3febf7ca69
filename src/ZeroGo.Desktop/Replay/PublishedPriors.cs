using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Replay;

/// <summary>A prior another program's network is on record as giving a move: what ZeroGo's own is set beside.</summary>
/// <param name="Program">Whose network ("AlphaGo's policy network").</param>
/// <param name="Prior">The probability it gave the move, 0..1.</param>
/// <param name="Spoken">The figure as it was published ("1 in 10,000", said as an estimate).</param>
/// <param name="Source">Where it was published.</param>
public sealed record PublishedPrior(string Program, double Prior, string Spoken, string Source);

/// <summary>
/// The few famous moves whose prior in a published network is known, found by position (the stones on the board,
/// the side to move and the move), so any record of the game shows them, whatever its file, comments or move
/// numbering, and a game that only transposes into the position does too.
/// </summary>
public static class PublishedPriors
{
    private sealed record Entry(int BoardSize, string MovesBefore, string Move, PublishedPrior Prior);

    private static readonly Entry[] Entries =
    [
        // AlphaGo-Lee Sedol game 2 (2016-03-10), move 37: Black's fifth-line shoulder hit at P10. David Silver told
        // Wired that AlphaGo's policy network, trained on human games, put the chance of a human playing it at
        // about one in ten thousand; AlphaGo played it after its search.
        new(19,
            "pd dp cd qp op oq nq pq cn fq mp qn ic dj po qo cp cq bq co bp bo do bn dq ep dr cm jp cg ed qf qe pf nd pi",
            "oj",
            new PublishedPrior("AlphaGo's policy network", 1e-4, "1 in 10,000",
                "David Silver in Wired, \"In Two Moves, AlphaGo and Lee Sedol Redefined the Future\", March 2016")),
    ];

    private static readonly Lazy<(ulong Stones, Color ToMove, Point Move, PublishedPrior Prior)[]> Keys = new(() =>
        Entries.Select(Key).ToArray());

    /// <summary>The published prior of <paramref name="move"/> played from <paramref name="before"/>; null when none is known.</summary>
    public static PublishedPrior? For(GameState before, Move move)
    {
        if (!move.IsPlay)
        {
            return null;
        }

        foreach (var (stones, toMove, point, prior) in Keys.Value)
        {
            if (stones == before.Board.Hash && toMove == before.ToMove && point == move.Point)
            {
                return prior;
            }
        }

        return null;
    }

    private static (ulong, Color, Point, PublishedPrior) Key(Entry entry)
    {
        var geometry = BoardGeometry.Get(entry.BoardSize);
        var state = new GameState(geometry, Rules.Default);
        foreach (string vertex in entry.MovesBefore.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            state.Play(state.ToMove, Move.At(PointOf(vertex, geometry)));
        }

        return (state.Board.Hash, state.ToMove, PointOf(entry.Move, geometry), entry.Prior);
    }

    private static Point PointOf(string vertex, BoardGeometry geometry) =>
        SgfCoordinates.TryParse(vertex, out int column, out int row)
            ? geometry.PointAt(column, row)
            : throw new InvalidOperationException($"published prior table: '{vertex}' is not an SGF point");
}
