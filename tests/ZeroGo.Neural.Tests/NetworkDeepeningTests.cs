using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural.Features;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Tests;

public class NetworkDeepeningTests
{
    private static FeatureBatch Positions()
    {
        var batch = new FeatureBatch();
        for (int seed = 1; seed <= 3; seed++)
        {
            var (game, _) = TestPositions.RandomGame(9, 9, 25, seed);
            var encoded = new EncodedPosition();
            FeatureEncoder.Encode(TestPositions.Request(game), Symmetry.Identity, encoded);
            batch.Add(encoded);
        }

        return batch;
    }

    /// <summary>A network whose batch norms hold statistics other than the defaults, as a trained one does.</summary>
    private static PolicyValueNetwork TrainedLooking(int blocks)
    {
        var network = PolicyValueNetwork.Create(new NetworkConfig { Blocks = blocks, Channels = 16, GlobalPoolingEvery = 2 }, seed: 3);
        using var noGrad = torch.no_grad();
        var random = new Random(5);
        foreach (var (name, buffer) in network.Module.named_buffers())
        {
            if (name.EndsWith("running_var", StringComparison.Ordinal))
            {
                buffer.copy_(torch.rand(buffer.shape).add_(0.5));
            }
            else if (name.EndsWith("running_mean", StringComparison.Ordinal))
            {
                buffer.copy_(torch.randn(buffer.shape).mul_(0.3));
            }
        }

        return network;
    }

    [Fact]
    public void A_deepened_network_computes_exactly_what_the_original_did()
    {
        using var original = TrainedLooking(blocks: 3);
        using var deeper = original.Deepened(6, seed: 9);   // adds blocks 4-6, block 4 and 6 with global pooling
        Assert.Equal(6, deeper.Config.Blocks);
        Assert.Equal(original.Config.Channels, deeper.Config.Channels);
        Assert.True(deeper.ParameterCount > original.ParameterCount);

        var before = original.Infer(Positions());
        var after = deeper.Infer(Positions());
        Assert.Equal(before.PolicyLogits, after.PolicyLogits);
        Assert.Equal(before.OutcomeLogits, after.OutcomeLogits);
        Assert.Equal(before.ScoreLead, after.ScoreLead);
        Assert.Equal(before.Ownership, after.Ownership);
        Assert.Contains("b3c16 deepened to b6c16", deeper.Info.Notes);

        // The new blocks hold weights of their own (not copies), and only their branch's last convolution is silent.
        var parameters = deeper.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(0f, parameters["blocks.4.conv2.weight"].abs().sum().item<float>());
        Assert.True(parameters["blocks.4.conv1.weight"].abs().sum().item<float>() > 0);
        Assert.True(parameters["blocks.2.conv2.weight"].abs().sum().item<float>() > 0);
    }

    [Fact]
    public void The_new_blocks_learn_from_the_first_step()
    {
        using var original = TrainedLooking(blocks: 2);
        using var deeper = original.Deepened(3, seed: 9);
        deeper.Module.train();
        using var scope = torch.NewDisposeScope();
        var (spatial, global) = Positions().ToTensors(torch.CPU, ScalarType.Float32);
        using var output = deeper.Forward(spatial, global);
        var loss = nn.functional.cross_entropy(output.PolicyLogits, torch.tensor(new long[] { 3, 40, 70 }))
            + nn.functional.cross_entropy(output.OutcomeLogits, torch.tensor(new long[] { 0, 1, 0 }));
        loss.backward();
        var parameters = deeper.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        // The silent convolution gets a gradient (its input is not zero), so the block starts to contribute.
        Assert.True(parameters["blocks.2.conv2.weight"].grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void A_network_cannot_be_made_shallower()
    {
        using var network = TestPositions.SmallNetwork();
        var error = Assert.Throws<ArgumentException>(() => network.Deepened(network.Config.Blocks - 1, seed: 1));
        Assert.Contains("cannot be deepened", error.Message);
        using var same = network.Deepened(network.Config.Blocks, seed: 1);
        Assert.Equal(network.Infer(Positions()).PolicyLogits, same.Infer(Positions()).PolicyLogits);
    }
}
