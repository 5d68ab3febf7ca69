using ZeroGo.Go;
using ZeroGo.Neural.Loading;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.Files;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Search;

namespace ZeroGo.Neural.Tests.Loading;

/// <summary>One --model path for both families: told apart by content, each reporting its board size.</summary>
public sealed class NetworkLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-lz-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LeelaZeroFileLoadsAsLeelaZeroOn19x19()
    {
        var path = Path.Combine(_folder, "network.txt");
        LeelaZeroWeightsWriter.Save(LeelaZeroRandomWeights.Create(1, 8, seed: 11), path);

        using var loaded = NetworkLoader.Load(path, NetworkLoadOptions.Exact);

        Assert.Equal(NetworkFamily.LeelaZero, loaded.Family);
        Assert.Equal(19, loaded.BoardSize);
        var evaluator = Assert.IsType<LeelaZeroEvaluator>(loaded.Evaluator);
        Assert.Equal(Precision.Float32, evaluator.Options.Precision);
        Assert.Equal(LeelaZeroSymmetryMode.Identity, evaluator.Options.Symmetry);
        Assert.Contains("1x8", loaded.Description);
    }

    [Fact]
    public void ZeroGoModelLoadsAsZeroGoWithItsBoardSize()
    {
        using (var network = PolicyValueNetwork.CreateForBoard(BoardGeometry.Get(9), seed: 3))
        {
            network.Save(Path.Combine(_folder, "ours"));
        }

        Assert.Equal(NetworkFamily.ZeroGo, NetworkLoader.DetectFamily(Path.Combine(_folder, "ours.json")));
        using var loaded = NetworkLoader.Load(Path.Combine(_folder, "ours.json"), NetworkLoadOptions.Exact);

        Assert.Equal(NetworkFamily.ZeroGo, loaded.Family);
        Assert.Equal(9, loaded.BoardSize);
        Assert.IsType<BatchingEvaluator>(loaded.Evaluator);
        var request = EvaluationRequestBuilder.Create(new GameState(9), loaded.Evaluator.HistoryLength);
        var result = new Evaluation(request.Geometry);
        loaded.Evaluator.Evaluate([request], [result]);
        Assert.Equal(1.0, result.Policy.Sum(), 3);
    }

    [Fact]
    public void BrokenLeelaZeroFileGivesItsLineNumber()
    {
        var path = Path.Combine(_folder, "broken.txt");
        var lines = new StringWriter();
        LeelaZeroWeightsWriter.Write(LeelaZeroRandomWeights.Create(1, 4, seed: 12), lines);
        File.WriteAllLines(path, lines.ToString().Split('\n').Take(10));

        var error = Assert.Throws<LeelaZeroFormatException>(() => NetworkLoader.Load(path));
        Assert.Equal(11, error.LineNumber);
    }

    [Fact]
    public void MissingFileSaysWhichFile()
    {
        var error = Assert.Throws<ModelFileException>(() => NetworkLoader.Load(Path.Combine(_folder, "nothing-here.txt")));
        Assert.Contains("nothing-here", error.Message);
    }
}
