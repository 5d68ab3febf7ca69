using BenchmarkDotNet.Attributes;
using ZeroGo.Go;

namespace ZeroGo.Benchmarks;

/// <summary>
/// The board is the inner loop of every playout: one uniform random playout (legal moves, simple ko, no
/// own-eye filling, until two passes) per operation. Targets: 9x9 at least 100,000/s, 19x19 at least 20,000/s
/// on one thread (a plain C implementation of the same policy: about 120,000 and 29,000 on the reference machine).
/// </summary>
[MemoryDiagnoser]
public class BoardBenchmarks
{
    private RandomPlayout _playout = null!;
    private Board _midgame = null!;
    private Board _scratch = null!;

    [Params(9, 19)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var geometry = BoardGeometry.Get(Size);
        _playout = new RandomPlayout(geometry, 12345);
        _playout.Run(maxMoves: Size * Size / 2);
        _midgame = _playout.Board.Clone();
        _scratch = new Board(geometry);
    }

    [Benchmark(Description = "random playout from the empty board")]
    public int Playout() => _playout.Run();

    [Benchmark(Description = "copy a mid-game board")]
    public void CopyBoard() => _scratch.CopyFrom(_midgame);
}
