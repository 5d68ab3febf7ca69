using System.Globalization;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>
/// Writes a network in Leela Zero's text format (the inverse of <see cref="LeelaZeroWeightsReader"/>), so tests and
/// tools can produce files that leelaz itself loads. Numbers use the shortest text that reads back to the same float.
/// </summary>
public static class LeelaZeroWeightsWriter
{
    public static void Save(LeelaZeroWeights weights, string path)
    {
        using var writer = new StreamWriter(path);
        Write(weights, writer);
    }

    public static void Write(LeelaZeroWeights weights, TextWriter writer)
    {
        writer.Write(weights.FormatVersion.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');
        WriteConvolution(writer, weights.Input);
        foreach (var block in weights.Blocks)
        {
            WriteConvolution(writer, block.First);
            WriteConvolution(writer, block.Second);
        }

        WriteConvolution(writer, weights.PolicyConvolution);
        WriteLine(writer, weights.PolicyFullyConnectedWeights);
        WriteLine(writer, weights.PolicyFullyConnectedBiases);
        WriteConvolution(writer, weights.ValueConvolution);
        WriteLine(writer, weights.ValueHiddenWeights);
        WriteLine(writer, weights.ValueHiddenBiases);
        WriteLine(writer, weights.ValueOutputWeights);
        WriteLine(writer, [weights.ValueOutputBias]);
    }

    private static void WriteConvolution(TextWriter writer, LeelaZeroConvolution convolution)
    {
        WriteLine(writer, convolution.Weights);
        WriteLine(writer, convolution.Biases);
        WriteLine(writer, convolution.Means);
        WriteLine(writer, convolution.Variances);
    }

    private static void WriteLine(TextWriter writer, float[] numbers)
    {
        Span<char> scratch = stackalloc char[32];
        for (int i = 0; i < numbers.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(' ');
            }

            numbers[i].TryFormat(scratch, out int written, "R", CultureInfo.InvariantCulture);
            writer.Write(scratch[..written]);
        }

        writer.Write('\n');
    }
}
