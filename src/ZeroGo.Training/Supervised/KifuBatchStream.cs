using ZeroGo.Training.Kifu;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// Training positions from a kifu collection, batch after batch: shuffle blocks read from the game stream one
/// after another, positions taken from each in its shuffled order. <see cref="Cursor"/> says where the stream
/// stands after the last batch handed out. The next block is read on another thread while this one is used
/// (replaying 4,096 games with the rules checks took 90 s on the loaded 2-core machine: a pause every 256 steps
/// otherwise). Not thread-safe.
/// </summary>
public sealed class KifuBatchStream : IDisposable
{
    private readonly KifuGameStream _games;
    private readonly int _blockGames;
    private readonly int _perGame;
    private readonly ulong _seed;
    private ShuffleBlock? _block;
    private Task<ShuffleBlock>? _nextBlock;
    private readonly CancellationTokenSource _stop = new();
    private readonly KifuImportCounts _counts = new();

    public KifuBatchStream(KifuGameStream games, int blockGames, int perGame, ulong seed, StreamCursor start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockGames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perGame, 1);
        _games = games;
        _blockGames = blockGames;
        _perGame = perGame;
        _seed = seed;
        Cursor = start;
    }

    /// <summary>Games read, kept and skipped by this process (a resumed block is counted again).</summary>
    public string CountsSummary()
    {
        lock (_counts)
        {
            return _counts.Summary();
        }
    }

    public StreamCursor Cursor { get; private set; }

    /// <summary>The next <paramref name="count"/> positions (across blocks when one runs out).</summary>
    public List<(GameRecord Game, int MoveIndex)> Next(int count)
    {
        var positions = new List<(GameRecord, int)>(count);
        int emptyBlocks = 0;
        while (positions.Count < count)
        {
            var block = CurrentBlock();
            if (Cursor.Taken >= block.Positions.Count)
            {
                // A block of games that all failed to replay gives nothing; a collection of only such games never would.
                emptyBlocks = block.Positions.Count == 0 ? emptyBlocks + 1 : 0;
                if (emptyBlocks > 1 + _games.FileCount)
                {
                    throw new KifuFormatException($"no game of the collection replays ({CountsSummary()})");
                }

                Cursor = Cursor with { Block = block.End, Taken = 0 };
                continue;
            }

            int take = Math.Min(count - positions.Count, block.Positions.Count - Cursor.Taken);
            for (int i = 0; i < take; i++)
            {
                positions.Add(block.Positions[Cursor.Taken + i]);
            }

            Cursor = Cursor with { Taken = Cursor.Taken + take, Samples = Cursor.Samples + take };
        }

        return positions;
    }

    private ShuffleBlock CurrentBlock()
    {
        if (_block is null || _block.Start != Cursor.Block)
        {
            _block = null;   // let the old block's games go before the next is read
            var next = _nextBlock?.GetAwaiter().GetResult();
            _block = next is not null && next.Start == Cursor.Block ? next : Read(Cursor.Block);
            var end = _block.End;
            _nextBlock = Task.Run(() => Read(end), _stop.Token);
        }

        return _block;
    }

    private ShuffleBlock Read(StreamPosition start)
    {
        // The counts are shared with the background read: one block is read at a time, so no two writers overlap.
        lock (_counts)
        {
            return ShuffleBlock.Read(_games, start, _blockGames, _perGame, _seed, _counts, _stop.Token);
        }
    }

    /// <summary>Stops reading ahead (the block being read is abandoned) and waits for the reader to let go of the files.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _nextBlock?.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled, or a read error that belongs to a block nobody will use.
        }

        _stop.Dispose();
    }
}
