using System.Globalization;
using System.IO.Compression;

namespace ZeroGo.Neural.LeelaZero;

/// <summary>A Leela Zero weight file that cannot be read, with the 1-based line where the problem is.</summary>
public sealed class LeelaZeroFormatException(string source, int lineNumber, string problem)
    : FormatException($"{source}, line {lineNumber}: {problem}")
{
    /// <summary>The file (or stream) name the error is about.</summary>
    public string FileName { get; } = source;

    public int LineNumber { get; } = lineNumber;

    public string Problem { get; } = problem;
}

/// <summary>
/// Reads Leela Zero's text weight format (plain or gzip, detected by the gzip magic bytes, not the name).
/// Layout, one layer parameter per line: the version ("1", or "2" for ELF OpenGo conversions whose value head
/// predicts for Black); then for the input convolution and each of the 2 x blocks tower convolutions four lines:
/// weights, biases, batch-norm means, batch-norm variances; then the policy head (1x1 convolution to 2 planes:
/// four lines; fully connected 722 -> 362: weights, biases) and the value head (1x1 convolution to 1 plane: four
/// lines; fully connected 361 -> 256: weights, biases; 256 -> 1: weights, bias). The number of filters comes from
/// the input convolution's bias line and the number of blocks from where the policy head starts.
/// </summary>
public static class LeelaZeroWeightsReader
{
    private const int GzipMagic0 = 0x1f;
    private const int GzipMagic1 = 0x8b;

    public static LeelaZeroWeights Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Leela Zero weight file not found: {path}", path);
        }

        using var stream = OpenText(path);
        using var reader = new StreamReader(stream);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a network from text (already decompressed). <paramref name="sourceName"/> names it in errors.</summary>
    public static LeelaZeroWeights Read(TextReader reader, string sourceName)
    {
        var lines = new NumberLines(reader, sourceName);
        int version = lines.ReadVersion();

        var input = lines.ReadConvolution("input convolution", LeelaZeroWeights.InputPlanes, outputs: null, kernelSize: 3);
        int filters = input.Outputs;

        var blocks = new List<LeelaZeroResidualBlock>();
        LeelaZeroConvolution? pendingFirst = null;
        float[] nextWeights;
        int nextWeightsLine;
        while (true)
        {
            string convolution = pendingFirst is null
                ? $"residual block {blocks.Count + 1}, first convolution"
                : $"residual block {blocks.Count + 1}, second convolution";
            nextWeights = lines.Next(pendingFirst is null ? convolution + " weights (or the policy head)" : convolution + " weights");
            nextWeightsLine = lines.LineNumber;
            if (nextWeights.Length == filters * filters * 9)
            {
                var parsed = lines.ReadConvolutionAfterWeights(convolution, filters, filters, 3, nextWeights, nextWeightsLine);
                if (pendingFirst is null)
                {
                    pendingFirst = parsed;
                }
                else
                {
                    blocks.Add(new LeelaZeroResidualBlock(pendingFirst, parsed));
                    pendingFirst = null;
                }

                continue;
            }

            if (pendingFirst is null && nextWeights.Length == LeelaZeroWeights.PolicyFilters * filters)
            {
                break;
            }

            string expected = pendingFirst is null
                ? $"{filters * filters * 9} numbers (a {filters}x{filters}x3x3 residual convolution) or "
                  + $"{LeelaZeroWeights.PolicyFilters * filters} (the policy head's 1x1 convolution)"
                : $"{filters * filters * 9} numbers (the second {filters}x{filters}x3x3 convolution of the block)";
            throw lines.Error(nextWeightsLine, $"expected {expected}, found {nextWeights.Length}");
        }

        var policyConvolution = lines.ReadConvolutionAfterWeights(
            "policy head convolution", filters, LeelaZeroWeights.PolicyFilters, 1, nextWeights, nextWeightsLine);
        var policyWeights = lines.Next("policy head fully connected weights",
            LeelaZeroWeights.PolicyFilters * LeelaZeroWeights.Points * (LeelaZeroWeights.Points + 1));
        var policyBiases = lines.Next("policy head fully connected biases", LeelaZeroWeights.Points + 1);

        var valueConvolution = lines.ReadConvolution("value head convolution", filters, LeelaZeroWeights.ValueFilters, 1);
        var valueHiddenWeights = lines.Next("value head hidden layer weights",
            LeelaZeroWeights.ValueHidden * LeelaZeroWeights.Points * LeelaZeroWeights.ValueFilters);
        var valueHiddenBiases = lines.Next("value head hidden layer biases", LeelaZeroWeights.ValueHidden);
        var valueOutputWeights = lines.Next("value head output weights", LeelaZeroWeights.ValueHidden);
        var valueOutputBias = lines.Next("value head output bias", 1);
        lines.ExpectEnd();

        return new LeelaZeroWeights(
            version, input, blocks, policyConvolution, policyWeights, policyBiases, valueConvolution,
            valueHiddenWeights, valueHiddenBiases, valueOutputWeights, valueOutputBias[0]);
    }

    /// <summary>True when the file starts like a Leela Zero network: a version line "1" or "2", then a line of numbers.</summary>
    public static bool LooksLikeLeelaZero(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            using var stream = OpenText(path);
            using var reader = new StreamReader(stream);
            var head = new char[64];
            int length = reader.ReadBlock(head, 0, head.Length);
            var text = head.AsSpan(0, length);
            int newline = text.IndexOf('\n');
            if (newline < 0)
            {
                return false;
            }

            var version = text[..newline].Trim();
            if (!version.SequenceEqual("1") && !version.SequenceEqual("2"))
            {
                return false;
            }

            var rest = text[(newline + 1)..];
            int end = rest.IndexOfAny(' ', '\n', '\t');
            var firstNumber = end < 0 ? rest : rest[..end];
            return firstNumber.Length > 0
                   && float.TryParse(firstNumber.TrimEnd('\r'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Opens the file, decompressing when it starts with the gzip magic bytes.</summary>
    public static Stream OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        int first = file.ReadByte();
        int second = file.ReadByte();
        file.Position = 0;
        return first == GzipMagic0 && second == GzipMagic1 ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>Reads the file line by line, parsing each line into numbers and naming the line in errors.</summary>
    private sealed class NumberLines(TextReader reader, string source)
    {
        private readonly List<float> _buffer = new(1024);

        public int LineNumber { get; private set; }

        public LeelaZeroFormatException Error(int line, string problem) => new(source, line, problem);

        public int ReadVersion()
        {
            string? line = ReadLine();
            if (line is null)
            {
                throw Error(1, "the file is empty (a Leela Zero network starts with the format version line \"1\")");
            }

            var version = line.Trim();
            return version switch
            {
                "1" => 1,
                "2" => 2,
                _ => throw Error(1, $"expected the Leela Zero format version \"1\" or \"2\", found \"{Shorten(version)}\""),
            };
        }

        public LeelaZeroConvolution ReadConvolution(string section, int inputs, int? outputs, int kernelSize)
        {
            var weights = Next(section + " weights");
            int weightsLine = LineNumber;
            return ReadConvolutionAfterWeights(section, inputs, outputs, kernelSize, weights, weightsLine);
        }

        /// <summary>Reads biases, means and variances once the weights line is known; checks all four sizes.</summary>
        public LeelaZeroConvolution ReadConvolutionAfterWeights(
            string section, int inputs, int? outputs, int kernelSize, float[] weights, int weightsLine)
        {
            var biases = Next(section + " biases", outputs);
            int count = biases.Length;
            if (count == 0)
            {
                throw Error(LineNumber, $"{section} biases: the line is empty");
            }

            int expectedWeights = count * inputs * kernelSize * kernelSize;
            if (weights.Length != expectedWeights)
            {
                throw Error(weightsLine,
                    $"{section} weights: expected {expectedWeights} numbers ({count} outputs x {inputs} inputs x "
                    + $"{kernelSize}x{kernelSize}), found {weights.Length}");
            }

            var means = Next(section + " batch-norm means", count);
            var variances = Next(section + " batch-norm variances", count);
            for (int i = 0; i < variances.Length; i++)
            {
                if (!(variances[i] >= 0f))
                {
                    throw Error(LineNumber, $"{section} batch-norm variance {i + 1} is {variances[i].ToString(CultureInfo.InvariantCulture)} (must be >= 0)");
                }
            }

            return new LeelaZeroConvolution(inputs, count, kernelSize, weights, biases, means, variances);
        }

        /// <summary>The next line's numbers; with <paramref name="expectedCount"/>, exactly that many.</summary>
        public float[] Next(string section, int? expectedCount = null)
        {
            string? line = ReadLine();
            if (line is null)
            {
                throw Error(LineNumber + 1, $"the file ends where the {section} should be: it is truncated");
            }

            var numbers = Parse(line, section);
            if (expectedCount is { } expected && numbers.Length != expected)
            {
                throw Error(LineNumber, $"{section}: expected {expected} numbers, found {numbers.Length}"
                    + (numbers.Length < expected ? " (truncated?)" : string.Empty));
            }

            return numbers;
        }

        public void ExpectEnd()
        {
            string? line;
            while ((line = ReadLine()) is not null)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    throw Error(LineNumber, "unexpected data after the value head (the network should end here)");
                }
            }
        }

        private string? ReadLine()
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (InvalidDataException exception)
            {
                throw Error(LineNumber + 1, $"the compressed data is damaged ({exception.Message})");
            }

            if (line is not null)
            {
                LineNumber++;
            }

            return line;
        }

        private float[] Parse(string line, string section)
        {
            _buffer.Clear();
            var text = line.AsSpan();
            int position = 0;
            while (true)
            {
                while (position < text.Length && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }

                if (position >= text.Length)
                {
                    break;
                }

                int start = position;
                while (position < text.Length && !char.IsWhiteSpace(text[position]))
                {
                    position++;
                }

                var token = text[start..position];
                if (!float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)
                    || !float.IsFinite(value))
                {
                    throw Error(LineNumber,
                        $"{section}: number {_buffer.Count + 1} \"{Shorten(token.ToString())}\" is not a finite number");
                }

                _buffer.Add(value);
            }

            return _buffer.ToArray();
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
    }
}
