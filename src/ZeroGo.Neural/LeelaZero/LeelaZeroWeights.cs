namespace ZeroGo.Neural.LeelaZero;

/// <summary>
/// One convolution of a Leela Zero network with the batch norm that follows it, exactly as the file stores it:
/// weights [outputs, inputs, k, k], per-output biases, batch-norm means and variances. Leela Zero's batch norm
/// has no learned scale or shift; the convolution bias is folded into the mean (mean - bias), so the layer
/// computes (conv(x) + bias - mean) / sqrt(variance + <see cref="LeelaZeroWeights.BatchNormEpsilon"/>).
/// </summary>
public sealed record LeelaZeroConvolution(
    int Inputs, int Outputs, int KernelSize, float[] Weights, float[] Biases, float[] Means, float[] Variances);

/// <summary>Two 3x3 convolutions with a skip connection around them.</summary>
public sealed record LeelaZeroResidualBlock(LeelaZeroConvolution First, LeelaZeroConvolution Second);

/// <summary>
/// The parameters of a Leela Zero network (19x19, 18 input planes, residual tower, policy and value heads) as
/// read by <see cref="LeelaZeroWeightsReader"/>. Plain arrays in the file's order and layout; the TorchSharp
/// module copies them into tensors.
/// </summary>
public sealed class LeelaZeroWeights
{
    public const int BoardSize = 19;
    public const int Points = BoardSize * BoardSize;
    public const int InputPlanes = 18;
    public const int HistoryPositions = 8;
    public const int PolicyFilters = 2;
    public const int ValueFilters = 1;
    public const int ValueHidden = 256;
    public const float BatchNormEpsilon = 1e-5f;

    public LeelaZeroWeights(
        int formatVersion,
        LeelaZeroConvolution input,
        IReadOnlyList<LeelaZeroResidualBlock> blocks,
        LeelaZeroConvolution policyConvolution,
        float[] policyFullyConnectedWeights,
        float[] policyFullyConnectedBiases,
        LeelaZeroConvolution valueConvolution,
        float[] valueHiddenWeights,
        float[] valueHiddenBiases,
        float[] valueOutputWeights,
        float valueOutputBias)
    {
        FormatVersion = formatVersion;
        Input = input;
        Blocks = blocks;
        PolicyConvolution = policyConvolution;
        PolicyFullyConnectedWeights = policyFullyConnectedWeights;
        PolicyFullyConnectedBiases = policyFullyConnectedBiases;
        ValueConvolution = valueConvolution;
        ValueHiddenWeights = valueHiddenWeights;
        ValueHiddenBiases = valueHiddenBiases;
        ValueOutputWeights = valueOutputWeights;
        ValueOutputBias = valueOutputBias;
    }

    /// <summary>1 = value head predicts for the side to move; 2 (ELF OpenGo conversions) = for Black.</summary>
    public int FormatVersion { get; }

    public bool ValueIsForBlack => FormatVersion == 2;

    /// <summary>Residual blocks in the tower.</summary>
    public int BlockCount => Blocks.Count;

    /// <summary>Filters (channels) of every tower convolution.</summary>
    public int Filters => Input.Outputs;

    /// <summary>The 3x3 convolution from the 18 input planes to the tower's filters.</summary>
    public LeelaZeroConvolution Input { get; }

    public IReadOnlyList<LeelaZeroResidualBlock> Blocks { get; }

    /// <summary>1x1 convolution to 2 planes (+ batch norm, ReLU).</summary>
    public LeelaZeroConvolution PolicyConvolution { get; }

    /// <summary>[362, 722]: 361 points (LZ order, row 0 at the bottom) + pass, from the two planes channel-major.</summary>
    public float[] PolicyFullyConnectedWeights { get; }

    public float[] PolicyFullyConnectedBiases { get; }

    /// <summary>1x1 convolution to 1 plane (+ batch norm, ReLU).</summary>
    public LeelaZeroConvolution ValueConvolution { get; }

    /// <summary>[256, 361], followed by ReLU.</summary>
    public float[] ValueHiddenWeights { get; }

    public float[] ValueHiddenBiases { get; }

    /// <summary>[1, 256], followed by tanh.</summary>
    public float[] ValueOutputWeights { get; }

    public float ValueOutputBias { get; }

    /// <summary>"b6c64"-style size tag, as Leela Zero players name networks (blocks x filters).</summary>
    public string SizeTag => $"{BlockCount}x{Filters}";

    /// <summary>Reads a Leela Zero weight file (plain text or gzip); see <see cref="LeelaZeroWeightsReader"/>.</summary>
    public static LeelaZeroWeights Load(string path) => LeelaZeroWeightsReader.Load(path);

    /// <summary>
    /// Cheap content check used by the model loader: true when the file (plain or gzip) starts with a Leela Zero
    /// format version line ("1" or "2") followed by a line of numbers. Never throws for unreadable files.
    /// </summary>
    public static bool LooksLikeLeelaZero(string path) => LeelaZeroWeightsReader.LooksLikeLeelaZero(path);
}
