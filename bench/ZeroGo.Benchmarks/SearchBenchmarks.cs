using BenchmarkDotNet.Attributes;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Benchmarks;

/// <summary>
/// The tree alone: MCTS with the uniform fake evaluator (uniform priors over legal moves, value 0, no
/// rollouts) from the empty board, one thread; each operation is one visit (selection, replay, legal mask
/// with superko, key, expansion, backup). Target: at least 200,000 visits/s per thread on 9x9, i.e. at most
/// 5 µs per operation. Plus the per-leaf pieces: the request builder and the legal-move mask.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private const int Visits = 50_000;

    private GameState _empty = null!;
    private GameState _midgame = null!;
    private EvaluationRequest _request = null!;
    private Board _scratch = null!;
    private RepetitionSet _repetitions = null!;

    [Params(9, 19)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var geometry = BoardGeometry.Get(Size);
        _empty = new GameState(geometry);
        _midgame = new GameState(geometry);
        var random = new FastRandom(3);
        for (int i = 0; i < geometry.Area / 2; i++)
        {
            var legal = _midgame.LegalPoints(_midgame.ToMove);
            if (legal.Count == 0)
            {
                break;
            }

            _midgame.Play(Move.At(legal[random.Next(legal.Count)]));
        }

        _request = new EvaluationRequest(geometry, historyLength: 0);
        _scratch = new Board(geometry);
        _repetitions = RepetitionSet.FromGame(_midgame);
    }

    [Benchmark(Description = "one MCTS visit, uniform evaluator, 1 thread", OperationsPerInvoke = Visits)]
    public int SearchVisit()
    {
        var search = new MctsSearch(new UniformEvaluator(), SearchOptions.Default with { Threads = 1, BatchSize = 8, Seed = 1 });
        search.SetPosition(_empty);
        return search.Run(SearchLimits.Playouts(Visits)).Snapshot.Playouts;
    }

    [Benchmark(Description = "fill an evaluation request from a mid-game GameState")]
    public ulong RequestFromState()
    {
        EvaluationRequestBuilder.FromState(_midgame, _request);
        return _request.Key;
    }

    [Benchmark(Description = "legal-move mask with superko, mid-game")]
    public ulong LegalMask() =>
        LegalMoves.Fill(_midgame.Board, _midgame.ToMove, _midgame.Rules, _request.LegalMask, _scratch, _repetitions);
}
