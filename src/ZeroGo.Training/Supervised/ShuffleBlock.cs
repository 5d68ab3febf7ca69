using ZeroGo.Go;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// The shuffle buffer of supervised training, filled and emptied as a whole: a few positions sampled from each of
/// the next N games of the stream, in an order shuffled by a seed taken from the block's first position. Batches
/// drawn from it mix thousands of games; and since its contents follow from where it started, a checkpoint stores
/// that position and how many positions were taken, never the buffer itself.
/// </summary>
public sealed class ShuffleBlock
{
    private ShuffleBlock(StreamPosition start, StreamPosition end, List<(GameRecord Game, int MoveIndex)> positions)
    {
        Start = start;
        End = end;
        Positions = positions;
    }

    public StreamPosition Start { get; }

    /// <summary>Where the next block starts.</summary>
    public StreamPosition End { get; }

    /// <summary>(game, move index) pairs, in the order batches take them.</summary>
    public IReadOnlyList<(GameRecord Game, int MoveIndex)> Positions { get; }

    /// <summary>
    /// Reads <paramref name="games"/> games from <paramref name="start"/> (games that do not replay are skipped and
    /// counted in <paramref name="counts"/>) and samples up to <paramref name="perGame"/> distinct positions of each.
    /// </summary>
    public static ShuffleBlock Read(KifuGameStream stream, StreamPosition start, int games, int perGame, ulong seed, KifuImportCounts counts,
        CancellationToken cancel = default)
    {
        var random = new FastRandom(StreamSeed.Mix(seed, start.Epoch, start.File, start.Game));
        var end = start;
        var read = stream.From(start).Take(games).Select(item =>
        {
            cancel.ThrowIfCancellationRequested();
            end = item.Next;
            return item.Game;
        });
        var positions = new List<(GameRecord, int)>(games * perGame);
        var moves = new List<int>();
        foreach (var record in KifuRecords.Convert(read, counts))
        {
            moves.Clear();
            moves.AddRange(Enumerable.Range(0, record.Moves.Count));
            // A partial Fisher-Yates: the first perGame entries become a uniform sample without repeats.
            int take = Math.Min(perGame, moves.Count);
            for (int i = 0; i < take; i++)
            {
                int j = i + random.Next(moves.Count - i);
                (moves[i], moves[j]) = (moves[j], moves[i]);
                positions.Add((record, moves[i]));
            }
        }

        StreamSeed.Shuffle(positions, random.NextUInt64());
        return new ShuffleBlock(start, end, positions);
    }
}
