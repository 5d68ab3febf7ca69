using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Architecture;

/// <summary>
/// A 2-D convolution (same padding, stride 1) that always hands oneDNN channel counts that are multiples of
/// <see cref="ChannelBlock"/>, padding the weights (and the input, when its channel count is not aligned) with
/// zeros and cutting the extra output channels off again. Its state is exactly nn.Conv2d's (<c>weight</c>
/// [out, in, k, k], optional <c>bias</c>), so model files written with nn.Conv2d load unchanged.
/// <para>
/// Why: libtorch 2.10's oneDNN convolutions reorder tensors into blocked layouts of 16 channels and, for channel
/// counts that do not fill the last block, read padding they never wrote: the backward pass's input gradient
/// when the output channels are unaligned (3x3 of 8/12/24/40 channels, in bf16 also 1x1 to one channel), and the
/// forward pass when the input channels are unaligned and above 16 (18, 20, 24, 40). Whatever the allocator left
/// there leaks into the result: NaN, or silently wrong gradients. Measured on AMD EPYC family 26 (docs/training.md,
/// "NaN on a fresh machine"); turning oneDNN off instead costs 3.5x in fp32 and 30x in bf16 on 19x19.
/// Aligned shapes (b6c64, b10c128 trunks) take the plain call, so their speed is unchanged.
/// </para>
/// </summary>
internal sealed class AlignedConv2d : nn.Module<Tensor, Tensor>
{
    /// <summary>oneDNN's channel block on AVX-512 (16 fp32 lanes); channel counts are padded up to a multiple of it.</summary>
    public const int ChannelBlock = 16;

    private readonly long _inputs;
    private readonly long _outputs;
    private readonly long _inputPadding;
    private readonly long _outputPadding;
    private readonly long _kernel;

    public AlignedConv2d(long inputs, long outputs, long kernel, bool bias = false)
        : base(nameof(AlignedConv2d))
    {
        if (kernel % 2 == 0)
        {
            throw new ArgumentException($"kernel size must be odd for same padding (got {kernel})", nameof(kernel));
        }

        _inputs = inputs;
        _outputs = outputs;
        _kernel = kernel;
        _inputPadding = PaddingFor(inputs);
        _outputPadding = PaddingFor(outputs);

        // The same initialisation as nn.Conv2d (PyTorch's reset_parameters), so fresh networks train as before.
        var weight = torch.empty(outputs, inputs, kernel, kernel);
        nn.init.kaiming_uniform_(weight, Math.Sqrt(5));
        register_parameter("weight", new Parameter(weight));
        if (bias)
        {
            double bound = 1.0 / Math.Sqrt(inputs * kernel * kernel);
            register_parameter("bias", new Parameter(torch.empty(outputs).uniform_(-bound, bound)));
        }
    }

    /// <summary>Whether the kernel sees other channel counts than this layer's (the padded path).</summary>
    public bool IsPadded => _inputPadding > 0 || _outputPadding > 0;

    public Parameter Weight => get_parameter("weight")!;

    public Parameter? Bias => get_parameter("bias");

    public static long PaddingFor(long channels) => (ChannelBlock - channels % ChannelBlock) % ChannelBlock;

    public override Tensor forward(Tensor input)
    {
        long[] spatialPadding = [_kernel / 2, _kernel / 2];
        if (!IsPadded)
        {
            return nn.functional.conv2d(input, Weight, Bias, padding: spatialPadding);
        }

        // pad() lists the last dimension first: [W, H, in, out] for the weights, [W, H, C] for the input.
        var weight = nn.functional.pad(Weight, [0, 0, 0, 0, 0, _inputPadding, 0, _outputPadding]);
        var bias = Bias is null ? null : nn.functional.pad(Bias, [0, _outputPadding]);
        var paddedInput = _inputPadding > 0 ? nn.functional.pad(input, [0, 0, 0, 0, 0, _inputPadding]) : input;
        var output = nn.functional.conv2d(paddedInput, weight, bias, padding: spatialPadding);
        return _outputPadding > 0 ? output.narrow(1, 0, _outputs) : output;
    }

    public override string ToString() => $"AlignedConv2d({_inputs}, {_outputs}, kernel {_kernel})";
}
