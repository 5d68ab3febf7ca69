using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural.Features;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Tests;

public class NetworkTests
{
    private static FeatureBatch Batch(params (int Width, int Height, int Seed)[] boards)
    {
        var batch = new FeatureBatch();
        foreach (var (width, height, seed) in boards)
        {
            var (game, _) = TestPositions.RandomGame(width, height, width * height / 3, seed);
            var encoded = new EncodedPosition();
            FeatureEncoder.Encode(TestPositions.Request(game), Symmetry.Identity, encoded);
            batch.Add(encoded);
        }

        return batch;
    }

    [Fact]
    public void OutputsHaveOneLogitPerGridPointPlusPassAndOneValuePerPosition()
    {
        using var network = TestPositions.SmallNetwork();
        using var scope = torch.NewDisposeScope();
        var (spatial, global) = Batch((9, 9, 1), (9, 9, 2), (9, 9, 3)).ToTensors(torch.CPU, ScalarType.Float32);
        Assert.Equal(new long[] { 3, FeatureEncoder.SpatialPlanes, 9, 9 }, spatial.shape);
        using var output = network.Forward(spatial, global);
        Assert.Equal(new long[] { 3, 82 }, output.PolicyLogits.shape);
        Assert.Equal(new long[] { 3, 3 }, output.OutcomeLogits.shape);
        Assert.Equal(new long[] { 3 }, output.ScoreLead.shape);
        Assert.Equal(new long[] { 3, 9, 9 }, output.Ownership.shape);
        Assert.True(output.Ownership.abs().max().item<float>() <= 1f);
        Assert.True(torch.isfinite(output.PolicyLogits).all().item<bool>());
    }

    [Fact]
    public void MixedSizesArePaddedAndPaddingGetsZeroPolicyAndOwnership()
    {
        using var network = TestPositions.SmallNetwork();
        var raw = network.Infer(Batch((9, 9, 1), (19, 19, 2), (7, 13, 3)));
        Assert.Equal(19, raw.GridWidth);
        Assert.Equal(19, raw.GridHeight);
        int gridArea = raw.GridArea;
        foreach (var (index, width, height) in new[] { (0, 9, 9), (1, 19, 19), (2, 7, 13) })
        {
            for (int row = 0; row < 19; row++)
            {
                for (int column = 0; column < 19; column++)
                {
                    bool onBoard = column < width && row < height;
                    float logit = raw.PolicyLogits[index * (gridArea + 1) + row * 19 + column];
                    float ownership = raw.Ownership[index * gridArea + row * 19 + column];
                    if (onBoard)
                    {
                        Assert.True(logit > -1e6f, $"on-board logit {logit} at ({column},{row}) of board {index}");
                    }
                    else
                    {
                        Assert.True(logit < -1e8f, $"padding logit {logit} at ({column},{row}) of board {index}");
                        Assert.Equal(0f, ownership);
                    }
                }
            }
        }

        // After a softmax the padding's probability is exactly zero.
        using var logits = torch.tensor(raw.PolicyLogits, [3, gridArea + 1]);
        using var probabilities = torch.softmax(logits, 1);
        Assert.Equal(0f, probabilities[0, 9 * 19 + 3].item<float>());
        Assert.Equal(0f, probabilities[2, 18 * 19 + 18].item<float>());
    }

    [Fact]
    public void APaddedBoardGetsTheSameOutputsAsTheBoardAlone()
    {
        // Masking must make padding invisible: convolutions see the true edge and pooling averages real points.
        using var network = TestPositions.SmallNetwork(seed: 3);
        var alone = network.Infer(Batch((9, 9, 7)));
        var padded = network.Infer(Batch((9, 9, 7), (19, 19, 8)));
        for (int row = 0; row < 9; row++)
        {
            for (int column = 0; column < 9; column++)
            {
                Assert.Equal(alone.PolicyLogits[row * 9 + column], padded.PolicyLogits[row * 19 + column], 1e-3f);
                Assert.Equal(alone.Ownership[row * 9 + column], padded.Ownership[row * 19 + column], 1e-4f);
            }
        }

        Assert.Equal(alone.PolicyLogits[81], padded.PolicyLogits[361], 1e-3f);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(alone.OutcomeLogits[k], padded.OutcomeLogits[k], 1e-3f);
        }

        Assert.Equal(alone.ScoreLead[0], padded.ScoreLead[0], 1e-2f);
    }

    [Fact]
    public void TrainingOnAMixedSizeBatchReachesEveryParameter()
    {
        using var network = TestPositions.SmallNetwork(seed: 4);
        network.Module.train();
        using var scope = torch.NewDisposeScope();
        var (spatial, global) = Batch((9, 9, 1), (13, 13, 2), (19, 19, 3), (5, 7, 4)).ToTensors(torch.CPU, ScalarType.Float32);
        using var output = network.Forward(spatial, global);
        var loss = nn.functional.cross_entropy(output.PolicyLogits, torch.tensor(new long[] { 0, 20, 100, 3 }))
            + nn.functional.cross_entropy(output.OutcomeLogits, torch.tensor(new long[] { 0, 1, 2, 0 }))
            + output.ScoreLead.square().mean() + output.Ownership.square().mean();
        Assert.True(float.IsFinite(loss.item<float>()));
        loss.backward();
        foreach (var (name, parameter) in network.Module.named_parameters())
        {
            Assert.NotNull(parameter.grad);
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"no gradient reached {name}");
        }

        // Batch norm learned statistics from on-board points only, then eval mode uses them.
        network.Module.eval();
        var raw = network.Infer(Batch((9, 9, 1)));
        Assert.All(raw.PolicyLogits, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void BlockActivationsCoverEveryBlockOnTheRequestsBoard()
    {
        using var network = TestPositions.SmallNetwork();
        var (game, _) = TestPositions.RandomGame(9, 7, 20, seed: 2);
        var activations = network.ReadBlockActivations(TestPositions.Request(game));
        Assert.Equal(TestPositions.SmallConfig.Blocks, activations.Count);
        foreach (var block in activations)
        {
            Assert.Equal(TestPositions.SmallConfig.Channels, block.GetLength(0));
            Assert.Equal(7, block.GetLength(1));
            Assert.Equal(9, block.GetLength(2));
            Assert.Contains(block.Cast<float>(), value => value != 0f);
            Assert.All(block.Cast<float>(), value => Assert.True(float.IsFinite(value)));
        }

        // Different blocks see different things.
        Assert.NotEqual(activations[0].Cast<float>(), activations[^1].Cast<float>());
    }

    [Fact]
    public void DevicesAreCheckedWithClearErrors()
    {
        Assert.Equal(DeviceType.CPU, ComputeDevice.Parse("CPU").type);
        var unknown = Assert.Throws<ArgumentException>(() => ComputeDevice.Parse("tpu"));
        Assert.Contains("unknown device 'tpu'", unknown.Message);
        if (!torch.cuda.is_available())
        {
            var cuda = Assert.Throws<ArgumentException>(() => TestPositions.SmallConfig is var c ? PolicyValueNetwork.Create(c, "cuda") : null);
            Assert.Contains("not available", cuda.Message);
            Assert.Contains("--device cpu", cuda.Message);
        }
    }

    [SkippableFact]
    public void OpenMpThreadsWaitPassivelyUnlessTheUserChose()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the setting is made through the C library on Linux");
        TorchRuntime.EnsureInitialized();
        if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null && Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is null)
        {
            Assert.Equal("OMP_WAIT_POLICY=PASSIVE (ZeroGo default)", TorchRuntime.OpenMpWaitPolicy);
        }
        else
        {
            Assert.Contains("(environment)", TorchRuntime.OpenMpWaitPolicy);
        }
    }

    [Fact]
    public void ConfigsParseAndRejectImpossibleShapes()
    {
        Assert.Equal(NetworkConfig.B10C128, NetworkConfig.Parse("B10C128"));
        Assert.Throws<FormatException>(() => NetworkConfig.Parse("ten blocks"));
        Assert.Contains("channels", Assert.Throws<ArgumentException>(() => NetworkConfig.Create(6, 4)).Message);
        Assert.Equal(NetworkConfig.B6C64, NetworkConfig.DefaultFor(BoardGeometry.Get(9)));
        Assert.Equal(NetworkConfig.B10C128, NetworkConfig.DefaultFor(BoardGeometry.Get(19)));
    }
}
