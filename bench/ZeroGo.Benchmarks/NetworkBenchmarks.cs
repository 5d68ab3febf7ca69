using BenchmarkDotNet.Attributes;
using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Benchmarking;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.Features;
using ZeroGo.Search;

namespace ZeroGo.Benchmarks;

/// <summary>
/// Network throughput: one operation is one batch through <see cref="PolicyValueNetwork.Infer"/> (input tensors,
/// forward pass, outputs copied back), so positions/s = batch / mean time. Random weights (speed does not depend
/// on them). Issue target: b6c64 19x19 ~600 positions/s fp32 and ~2,000 bf16 at batch >= 16 on the 2-core
/// reference machine. Run: dotnet run -c Release --project bench/ZeroGo.Benchmarks -- --filter '*Network*'
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    private PolicyValueNetwork _network = null!;
    private FeatureBatch _batch = null!;

    [Params("b6c64", "b10c128")]
    public string Shape { get; set; } = "b6c64";

    [Params(9, 19)]
    public int Size { get; set; }

    [Params(1, 16, 64, 256)]
    public int Batch { get; set; }

    [Params(Precision.Float32, Precision.BFloat16)]
    public Precision Precision { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Environment.ProcessorCount);
        _network = PolicyValueNetwork.Create(NetworkConfig.Parse(Shape), seed: 1);
        _network.SetPrecision(Precision);
        var positions = NetworkThroughput.SamplePositions(BoardGeometry.Get(Size), 64);
        _batch = new FeatureBatch();
        for (int i = 0; i < Batch; i++)
        {
            _batch.Add(positions[i % positions.Count]);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _network.Dispose();

    [Benchmark(Description = "one batch through the network")]
    public InferenceResult Infer() => _network.Infer(_batch);
}

/// <summary>
/// The evaluator's own cost around the network: feature encoding of one position and decoding of its outputs
/// (both run once per evaluated position, on the search threads and the batching thread).
/// </summary>
[MemoryDiagnoser]
public class FeatureCodingBenchmarks
{
    private EvaluationRequest _request = null!;
    private EncodedPosition _encoded = null!;
    private InferenceResult _raw = null!;
    private Evaluation _result = null!;

    [Params(9, 19)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var geometry = BoardGeometry.Get(Size);
        var game = new GameState(geometry);
        var random = new Random(3);
        for (int i = 0; i < geometry.Area / 3; i++)
        {
            var legal = game.LegalPoints(game.ToMove);
            game.Play(Move.At(legal[random.Next(legal.Count)]));
        }

        _request = GameStateRequests.Create(game);
        _encoded = new EncodedPosition();
        FeatureEncoder.Encode(_request, Symmetry.Identity, _encoded);
        using var network = PolicyValueNetwork.Create(new NetworkConfig { Blocks = 1, Channels = 16 }, seed: 1);
        var batch = new FeatureBatch();
        batch.Add(_encoded);
        _raw = network.Infer(batch);
        _result = new Evaluation(geometry);
    }

    [Benchmark(Description = "encode one position (symmetry 5)")]
    public void Encode() => FeatureEncoder.Encode(_request, new Symmetry(5), _encoded);

    [Benchmark(Description = "decode one position's outputs (symmetry 5)")]
    public void Decode() => OutputDecoder.Decode(_raw, 0, _request, new Symmetry(5), _result);
}
