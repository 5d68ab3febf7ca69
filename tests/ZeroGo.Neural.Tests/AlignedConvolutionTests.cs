using TorchSharp;
using ZeroGo.Neural.Architecture;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Tests;

/// <summary>
/// The convolution every network layer uses, against a float64 reference (libtorch computes float64 convolutions
/// in its own ATen kernels, not oneDNN): forward output, input gradient and weight gradient, for the channel counts
/// that oneDNN's blocked kernels mishandled (not multiples of 16: the global-pooling branch of c48, Leela Zero's 18
/// input planes, the one-channel heads) and for aligned ones. Run under the NaN fill (test.sh) a read of unwritten
/// padding turns into NaN here on any CPU.
/// </summary>
public class AlignedConvolutionTests
{
    public static TheoryData<int, int, int, bool> Shapes => new()
    {
        { 3, 48, 12, false }, { 3, 16, 4, false }, { 3, 12, 48, false }, { 3, 18, 64, true }, { 3, 24, 24, false },
        { 3, 40, 40, false }, { 3, 64, 64, false }, { 3, 8, 8, false }, { 1, 32, 1, false }, { 1, 64, 2, true },
        { 1, 48, 32, false }, { 1, 20, 12, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_a_float64_reference_forward_and_backward(int kernel, int inputs, int outputs, bool bias)
    {
        foreach (var precision in new[] { ScalarType.Float32, ScalarType.BFloat16 })
        {
            using var scope = torch.NewDisposeScope();
            var generator = new Generator(1234 + (ulong)(inputs * 100 + outputs));
            using var convolution = new AlignedConv2d(inputs, outputs, kernel, bias);
            convolution.to(precision);
            var input = torch.randn([16, inputs, 7, 7], generator: generator).to(precision).requires_grad_(true);
            var upstream = torch.randn([16, outputs, 7, 7], generator: generator).to(precision);
            var output = convolution.forward(input);
            output.backward([upstream]);

            var referenceWeight = convolution.Weight.detach().to(ScalarType.Float64).requires_grad_(true);
            var referenceBias = convolution.Bias?.detach().to(ScalarType.Float64).requires_grad_(true);
            var referenceInput = input.detach().to(ScalarType.Float64).requires_grad_(true);
            var reference = nn.functional.conv2d(referenceInput, referenceWeight, referenceBias, padding: [kernel / 2, kernel / 2]);
            reference.backward([upstream.to(ScalarType.Float64)]);

            // fp32 accumulates in a different order (about 1e-6 relative); bf16 rounds inputs and outputs to 8 bits.
            double tolerance = precision == ScalarType.Float32 ? 1e-4 : 3e-2;
            AssertClose(reference, output, tolerance, $"output, {precision}, {kernel}x{kernel} {inputs}->{outputs}");
            AssertClose(referenceInput.grad!, input.grad!, tolerance, $"input gradient, {precision}, {kernel}x{kernel} {inputs}->{outputs}");
            AssertClose(referenceWeight.grad!, convolution.Weight.grad!, tolerance, $"weight gradient, {precision}, {kernel}x{kernel} {inputs}->{outputs}");
        }
    }

    [Fact]
    public void Keeps_nn_Conv2d_state_names_and_shapes_so_existing_model_files_load()
    {
        using var aligned = new AlignedConv2d(48, 12, 3, bias: true);
        using var plain = nn.Conv2d(48, 12, 3, padding: 1, bias: true);
        var expected = plain.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);
        var actual = aligned.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, shape) in expected)
        {
            Assert.Equal(shape, actual[name]);
        }

        Assert.True(aligned.IsPadded);
        using var aligned64 = new AlignedConv2d(64, 64, 3);
        Assert.False(aligned64.IsPadded);
    }

    private static void AssertClose(Tensor expected, Tensor actual, double relativeTolerance, string what)
    {
        using var scope = torch.NewDisposeScope();
        var a = actual.to(ScalarType.Float64);
        Assert.True(torch.isfinite(a).all().item<bool>(), $"{what}: not finite");
        double scale = expected.abs().max().item<double>();
        double error = (a - expected).abs().max().item<double>();
        Assert.True(error <= relativeTolerance * scale, $"{what}: largest error {error:G3} against a largest value {scale:G3}");
    }
}
