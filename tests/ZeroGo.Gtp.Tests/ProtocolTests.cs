using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Tests;

/// <summary>GTP 2 framing: ids, success and failure lines, one empty line after each response, preprocessing.</summary>
public sealed class ProtocolTests
{
    /// <summary>Whole scripts through the server loop, answered byte for byte.</summary>
    [Theory]
    // Ids are echoed; every response ends with one empty line.
    [InlineData("12 protocol_version\nname\n7 frobnicate\n", "=12 2\n\n= ZeroGo\n\n?7 unknown command\n\n")]
    // Empty and comment lines are never answered.
    [InlineData("\n   \n# a comment\n\t\n#\nprotocol_version # trailing comment\n\n", "= 2\n\n")]
    // Carriage returns and control characters are dropped; tabs separate.
    [InlineData("1 proto\u0001col_version\r\n2\tboardsize\t9\r\n3 query_boardsize\u007f\r\n", "=1 2\n\n=2\n\n=3 9\n\n")]
    // A byte order mark or a zero-width space does not spoil a command.
    [InlineData("\ufeffname\nprotocol\u200b_version\n", "= ZeroGo\n\n= 2\n\n")]
    // Commands, colours and vertices are case-insensitive; list_stones goes row by row from the top, as GNU Go.
    [InlineData("BOARDSIZE 9\nPlay BLACK d4\nplay W e5\nplay b C3\nLIST_STONES Black\nlist_stones WHITE\n", "=\n\n=\n\n=\n\n=\n\n= D4 C3\n\n= E5\n\n")]
    // quit answers, then nothing more is read.
    [InlineData("5 quit\nname\n", "=5\n\n")]
    // An id alone is a syntax error.
    [InlineData("42\n", "?42 syntax error\n\n")]
    public void ScriptsAreAnsweredExactly(string script, string expected) =>
        Assert.Equal(expected, new GtpTestHost().RunScript(script));

    [Fact]
    public void EndOfInputEndsTheLoopWithoutQuit()
    {
        var host = new GtpTestHost();
        Assert.Equal("= 2\n\n", host.RunScript("protocol_version"));
        Assert.False(host.Server.QuitRequested);
    }

    [Fact]
    public void MultiLineAnswersStartOnTheLineAfterTheStatusAndContainNoEmptyLine()
    {
        var output = new GtpTestHost().RunScript("1 boardsize 5\n2 showboard\n");
        Assert.StartsWith("=1\n\n=2 \n   A B C D E\n 5 . . . . . 5\n", output);
        Assert.EndsWith("\n\n", output);
        var body = output["=1\n\n".Length..^2];
        Assert.DoesNotContain("\n\n", body);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   # nothing", null)]
    [InlineData("name", "name|")]
    [InlineData("  17   play   b  D4  ", "17 play|b,D4")]
    [InlineData("0 name", "0 name|")]
    [InlineData("play\tb\tD4#x", "play|b,D4")]
    [InlineData("-1 name", "-1|name")]
    public void ParsingSplitsIdNameAndArguments(string raw, string? expected)
    {
        var line = GtpCommandLine.Parse(raw);
        if (expected is null)
        {
            Assert.Null(line);
            return;
        }

        Assert.NotNull(line);
        Assert.Equal(expected, $"{(line.Id is null ? "" : line.Id + " ")}{line.Name}|{string.Join(',', line.Arguments)}");
    }

    [Fact]
    public void ResponseBodiesLoseEmptyLinesAndControlCharacters()
    {
        Assert.Equal("= a\nb\n\n", GtpResponseFormat.Success(null, "a\n\n\nb\n"));
        Assert.Equal("=3 \nx\n\n", GtpResponseFormat.Success("3", "\nx"));
        Assert.Equal("? bad\n\n", GtpResponseFormat.Failure(null, "b\u0007ad\r"));
        Assert.Equal("=\n\n", GtpResponseFormat.Success(null, "  \n \n"));
    }

    [Fact]
    public void UnexpectedHandlerExceptionsBecomeInternalErrorsAndTheServerGoesOn()
    {
        var host = new GtpTestHost();
        host.Server.Commands.Add("test-throw", _ => throw new InvalidOperationException("boom"));
        var output = host.RunScript("1 test-throw\n2 protocol_version\n");
        Assert.Equal("?1 internal error: boom\n\n=2 2\n\n", output);
    }

    [Fact]
    public void ABrokenOutputStopsTheServerQuietly()
    {
        var host = new GtpTestHost();
        var broken = new BrokenWriter();
        host.Server.Run(new StringReader("name\nname\nname\n"), broken);
        Assert.Equal(1, broken.Writes);
    }

    private sealed class BrokenWriter : TextWriter
    {
        public int Writes { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(string? value)
        {
            Writes++;
            throw new IOException("pipe closed");
        }
    }
}
