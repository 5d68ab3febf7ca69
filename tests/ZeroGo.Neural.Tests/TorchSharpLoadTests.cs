using TorchSharp;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Tests;

/// <summary>
/// Proves the TorchSharp native fix (build/TorchSharpNativeFix.targets): the native glue loads on this system
/// and a small network trains one step (forward, loss, backward) with gradients reaching every parameter.
/// </summary>
public class TorchSharpLoadTests
{
    [Fact]
    public void ConvAndLinearRunForwardAndBackward()
    {
        torch.manual_seed(7);
        using var conv = nn.Conv2d(3, 8, 3, padding: 1);
        using var linear = nn.Linear(8 * 5 * 5, 2);
        using var input = torch.randn(4, 3, 5, 5);
        using var target = torch.tensor(new long[] { 0, 1, 1, 0 });

        using var hidden = nn.functional.relu(conv.forward(input));
        using var logits = linear.forward(hidden.flatten(1));
        using var loss = nn.functional.cross_entropy(logits, target);
        loss.backward();

        Assert.Equal(new long[] { 4, 2 }, logits.shape);
        Assert.True(float.IsFinite(loss.item<float>()));
        foreach (var (name, parameter) in conv.named_parameters().Concat(linear.named_parameters()))
        {
            using var grad = parameter.grad;
            Assert.NotNull(grad);
            Assert.True(grad!.abs().sum().item<float>() > 0, $"gradient of {name} is zero");
        }
    }
}
