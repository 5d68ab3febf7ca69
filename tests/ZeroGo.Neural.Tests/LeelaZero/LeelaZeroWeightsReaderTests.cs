using System.IO.Compression;
using System.Text;
using ZeroGo.Neural.LeelaZero;

namespace ZeroGo.Neural.Tests.LeelaZero;

/// <summary>Reading and writing Leela Zero's text weight format: sizes, gzip, and clear errors for bad files.</summary>
public sealed class LeelaZeroWeightsReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-lz-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 8)]
    [InlineData(3, 16)]
    public void RoundTripKeepsEveryNumberAndDetectsTheTower(int blocks, int filters)
    {
        var original = LeelaZeroRandomWeights.Create(blocks, filters, seed: blocks * 100 + filters);
        var path = Path.Combine(_folder, "net.txt");
        LeelaZeroWeightsWriter.Save(original, path);

        var read = LeelaZeroWeights.Load(path);

        Assert.Equal(blocks, read.BlockCount);
        Assert.Equal(filters, read.Filters);
        Assert.Equal(1, read.FormatVersion);
        Assert.Equal(1 + 4 * (1 + 2 * blocks) + 14, File.ReadAllLines(path).Length);
        Assert.Equal(original.Input.Weights, read.Input.Weights);
        Assert.Equal(original.Input.Biases, read.Input.Biases);
        for (int b = 0; b < blocks; b++)
        {
            Assert.Equal(original.Blocks[b].First.Weights, read.Blocks[b].First.Weights);
            Assert.Equal(original.Blocks[b].Second.Variances, read.Blocks[b].Second.Variances);
        }

        Assert.Equal(original.PolicyFullyConnectedWeights, read.PolicyFullyConnectedWeights);
        Assert.Equal(original.PolicyConvolution.Means, read.PolicyConvolution.Means);
        Assert.Equal(original.ValueHiddenWeights, read.ValueHiddenWeights);
        Assert.Equal(original.ValueOutputWeights, read.ValueOutputWeights);
        Assert.Equal(original.ValueOutputBias, read.ValueOutputBias);
    }

    [Fact]
    public void GzipIsDetectedByContentNotName()
    {
        var original = LeelaZeroRandomWeights.Create(2, 8, seed: 5, formatVersion: 2);
        var plain = Path.Combine(_folder, "plain.txt");
        LeelaZeroWeightsWriter.Save(original, plain);
        var compressed = Path.Combine(_folder, "compressed-without-extension");
        using (var output = File.Create(compressed))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var input = File.OpenRead(plain))
        {
            input.CopyTo(gzip);
        }

        var read = LeelaZeroWeights.Load(compressed);

        Assert.Equal(2, read.BlockCount);
        Assert.Equal(8, read.Filters);
        Assert.True(read.ValueIsForBlack);
        Assert.Equal(original.Blocks[1].Second.Weights, read.Blocks[1].Second.Weights);
        Assert.True(LeelaZeroWeights.LooksLikeLeelaZero(plain));
        Assert.True(LeelaZeroWeights.LooksLikeLeelaZero(compressed));
    }

    [Fact]
    public void OtherFilesDoNotLookLikeLeelaZero()
    {
        var binary = Path.Combine(_folder, "model.bin");
        File.WriteAllBytes(binary, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x0A, 0x31]);
        var text = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(text, "1\nhello world\n");
        var empty = Path.Combine(_folder, "empty.txt");
        File.WriteAllText(empty, string.Empty);
        var version3 = Path.Combine(_folder, "v3.txt");
        File.WriteAllText(version3, "3\n0.5 0.25\n");

        Assert.False(LeelaZeroWeights.LooksLikeLeelaZero(binary));
        Assert.False(LeelaZeroWeights.LooksLikeLeelaZero(text));
        Assert.False(LeelaZeroWeights.LooksLikeLeelaZero(empty));
        Assert.False(LeelaZeroWeights.LooksLikeLeelaZero(version3));
        Assert.False(LeelaZeroWeights.LooksLikeLeelaZero(Path.Combine(_folder, "missing.txt")));
        Assert.False(LeelaZeroWeights.LooksLikeLeelaZero(_folder));
    }

    [Fact]
    public void WrongVersionIsReportedOnLineOne()
    {
        var lines = ValidLines();
        lines[0] = "3";
        var error = ReadExpectingError(lines);
        Assert.Equal(1, error.LineNumber);
        Assert.Contains("version", error.Message);
    }

    [Fact]
    public void NonNumberIsReportedWithItsLine()
    {
        var lines = ValidLines();
        lines[4] = lines[4].Replace(" ", " oops ", StringComparison.Ordinal);
        var error = ReadExpectingError(lines);
        Assert.Equal(5, error.LineNumber);
        Assert.Contains("\"oops\"", error.Message);
        Assert.Contains("variances", error.Message);
    }

    [Fact]
    public void MissingLinesAtTheEndSayTruncated()
    {
        var lines = ValidLines();
        var error = ReadExpectingError(lines.Take(lines.Length - 3).ToArray());
        Assert.Equal(lines.Length - 2, error.LineNumber);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("value head", error.Message);
    }

    [Fact]
    public void LineCutShortIsReportedWithExpectedCount()
    {
        var lines = ValidLines();
        // Line index of the policy head's fully connected weights: version + 4 per conv (1 input + 2 per block) + 4.
        int policyLine = 1 + 4 * (1 + 2 * 1) + 4;
        lines[policyLine] = string.Join(' ', lines[policyLine].Split(' ').Take(1000));
        var error = ReadExpectingError(lines);
        Assert.Equal(policyLine + 1, error.LineNumber);
        Assert.Contains("policy head fully connected weights", error.Message);
        Assert.Contains("261364", error.Message);
    }

    [Fact]
    public void ResidualConvolutionOfWrongSizeIsReported()
    {
        var lines = ValidLines();
        lines[5] = lines[5] + " 0.5";
        var error = ReadExpectingError(lines);
        Assert.Equal(6, error.LineNumber);
        Assert.Contains("residual", error.Message);
    }

    [Fact]
    public void DataAfterTheValueHeadIsRejected()
    {
        var lines = ValidLines().Append("0.1 0.2").ToArray();
        var error = ReadExpectingError(lines);
        Assert.Equal(lines.Length, error.LineNumber);
        Assert.Contains("after the value head", error.Message);
    }

    [Fact]
    public void NegativeVarianceIsRejected()
    {
        var lines = ValidLines();
        lines[4] = "-1 " + string.Join(' ', lines[4].Split(' ').Skip(1));
        var error = ReadExpectingError(lines);
        Assert.Equal(5, error.LineNumber);
        Assert.Contains("variance", error.Message);
    }

    [Fact]
    public void MissingFileGivesFileNotFound()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => LeelaZeroWeights.Load(Path.Combine(_folder, "none.txt")));
        Assert.Contains("none.txt", exception.Message);
    }

    private static string[] ValidLines()
    {
        var writer = new StringWriter();
        LeelaZeroWeightsWriter.Write(LeelaZeroRandomWeights.Create(1, 4, seed: 9), writer);
        return writer.ToString().TrimEnd('\n').Split('\n');
    }

    private static LeelaZeroFormatException ReadExpectingError(string[] lines)
    {
        var text = string.Join('\n', lines) + "\n";
        var error = Assert.Throws<LeelaZeroFormatException>(
            () => LeelaZeroWeightsReader.Read(new StringReader(text), "test.txt"));
        Assert.StartsWith("test.txt, line ", error.Message);
        return error;
    }
}
