using ZeroGo.Go;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Neural.Loading;

namespace ZeroGo.Neural.Tests.Loading;

/// <summary>The one entry engines use: a spec's family read once, the batch size from the search threads.</summary>
public sealed class NetworkFactoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-factory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 16)]
    [InlineData(0, 8)]
    [InlineData(512, 4096)]
    [InlineData(100_000, 4096)]
    public void TheBatchIsEightLeavesPerSearchThreadUpTo4096(int threads, int batch) =>
        Assert.Equal(batch, NetworkFactory.MaxBatchFor(threads));

    [Fact]
    public void AZeroGoSpecLoadsWithTheSearchBatchPrecisionAndSeed()
    {
        using (var network = PolicyValueNetwork.CreateForBoard(BoardGeometry.Get(9), seed: 3))
        {
            network.Save(Path.Combine(_folder, "ours"));
        }

        var spec = ModelSpec.For(Path.Combine(_folder, "ours.json")) with { Threads = 3, Precision = Precision.Float32, Seed = 5 };
        Assert.Equal(NetworkFamily.ZeroGo, spec.Family);
        Assert.Null(spec.FixedBoardSize);
        Assert.Null(spec.CheckBoardSize(13));

        using var loaded = NetworkFactory.Load(spec);
        var options = Assert.IsType<BatchingEvaluator>(loaded.Evaluator).Options;
        Assert.Equal(24, options.MaxBatchSize);
        Assert.Equal(Precision.Float32, options.Precision);
        Assert.Equal(SymmetryMode.Random, options.Symmetry);
        Assert.Equal(5, options.Seed);
        Assert.Equal(NetworkConfig.DefaultFor(BoardGeometry.Get(9)), loaded.Config); // the shape as loaded: nobody reads the manifest again
    }

    [Fact]
    public void ALeelaZeroSpecKnowsItsBoardSizeBeforeLoadingAndAnExplicitBatchWins()
    {
        var path = Path.Combine(_folder, "lz.txt");
        LeelaZeroWeightsWriter.Save(LeelaZeroRandomWeights.Create(1, 8, seed: 11), path);

        var spec = ModelSpec.For(path) with { Threads = 64, MaxBatchSize = 64 };
        Assert.Equal(NetworkFamily.LeelaZero, spec.Family);
        Assert.Equal(19, spec.FixedBoardSize);
        Assert.Contains("plays 19x19 only", spec.CheckBoardSize(9));
        Assert.Null(spec.CheckBoardSize(19));

        using var loaded = NetworkFactory.Load(spec);
        Assert.Equal(64, Assert.IsType<LeelaZeroEvaluator>(loaded.Evaluator).Options.MaxBatchSize);
        Assert.Equal(19, loaded.FixedBoardSize);
        Assert.Null(loaded.Config);
    }
}
