using ZeroGo.Training.Kifu;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// Training positions from a kifu collection, batch after batch: shuffle blocks read from the game stream one
/// after another, positions taken from each in its shuffled order. <see cref="Cursor"/> says where the stream
/// stands after the last batch handed out. Not thread-safe.
/// </summary>
public sealed class KifuBatchStream
{
    private readonly KifuGameStream _games;
    private readonly int _blockGames;
    private readonly int _perGame;
    private readonly ulong _seed;
    private ShuffleBlock? _block;

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
    public KifuImportCounts Counts { get; } = new();

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
                    throw new KifuFormatException($"no game of the collection replays ({Counts.Summary()})");
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
            _block = ShuffleBlock.Read(_games, Cursor.Block, _blockGames, _perGame, _seed, Counts);
        }

        return _block;
    }
}
