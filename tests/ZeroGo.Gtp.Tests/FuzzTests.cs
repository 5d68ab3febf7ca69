using System.Text;
using ZeroGo.Go;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// Garbage in, framed answers out: seeded random bytes and malformed commands never crash the server, never
/// produce an internal error, get exactly one response per non-empty line, and leave a consistent game state.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "", "b", "w", "B", "WHITE", "black", "x", "pass", "PASS", "resign", "A1", "a1", "T19", "Z25", "z26", "I5",
        "J10", "E5", "D4", "C3", "B2", "A0", "A-1", "A+1", "AA1", "1A", "0", "1", "2", "-1", "3", "7", "9", "19",
        "25", "26", "999999999999999999999", "2147483648", "-2147483649", "1e400", "NaN", "-Infinity", "6.5",
        "0.5", "7,5", "1:9", "9:13", "25:25", ":", "9:", "ko", "suicide", "simple", "positional", "allowed",
        "alive", "dead", "seki", "none", "absolute", "canadian", "byoyomi", "tromp-taylor", "\u00e9t\u00e9",
        "\ud83d\ude00", "\u0000", "#", "=", "?", "\"", "\\", "%s%n",
    ];

    [Fact]
    public void RandomBytesNeverCrashAndEveryLineIsAnsweredOnce()
    {
        var random = new Random(7);
        var script = new StringBuilder();
        for (int line = 0; line < 3000; line++)
        {
            int length = random.Next(0, 60);
            for (int i = 0; i < length; i++)
            {
                // Latin-1 bytes: control characters, '#', digits and letters all turn up.
                char c = (char)random.Next(0, 256);
                script.Append(c is '\n' or '\r' ? ' ' : c);
            }

            script.Append(random.Next(10) == 0 ? "\r\n" : "\n");
        }

        CheckScript(script.ToString(), seed: 7);
    }

    [Fact]
    public void MalformedCommandsNeverCrashOrCorruptTheState()
    {
        var random = new Random(11);
        var host = new GtpTestHost(seed: 11, boardSize: 9);
        var names = host.Server.Commands.Names.Where(name => name != "quit").ToArray();
        var script = new StringBuilder();
        for (int line = 0; line < 6000; line++)
        {
            if (random.Next(3) == 0)
            {
                script.Append(random.Next(100000)).Append(' ');
            }

            if (random.Next(2) == 0)
            {
                // A plausible command, so the game actually moves on and the state has something to corrupt.
                script.Append(Plausible(random)).Append('\n');
                continue;
            }

            var name = names[random.Next(names.Length)];
            script.Append(random.Next(8) == 0 ? name.ToUpperInvariant() : name);
            int arguments = random.Next(0, 5);
            if (name == "printsgf")
            {
                arguments = 0; // with an argument it writes that file: fuzzing it would litter the working folder
            }

            for (int i = 0; i < arguments; i++)
            {
                script.Append(random.Next(6) == 0 ? '\t' : ' ').Append(Tokens[random.Next(Tokens.Length)]);
            }

            script.Append('\n');
        }

        var (answered, succeeded) = CheckScript(script.ToString(), seed: 11);
        Assert.True(succeeded > answered / 4, $"only {succeeded} of {answered} fuzzed commands succeeded: the fuzz is too blunt");
    }

    private static string Plausible(Random random)
    {
        string Colour() => random.Next(2) == 0 ? "b" : "w";
        string Vertex() => random.Next(30) == 0 ? "pass" : $"{"ABCDEFGHJKLMN"[random.Next(13)]}{random.Next(1, 14)}";
        return random.Next(20) switch
        {
            < 8 => $"play {Colour()} {Vertex()}",
            8 or 9 => $"genmove {Colour()}",
            10 => "undo",
            11 => $"boardsize {random.Next(1, 14)}",
            12 => $"is_legal {Colour()} {Vertex()}",
            13 => $"fixed_handicap {random.Next(1, 10)}",
            14 => $"place_free_handicap {random.Next(1, 30)}",
            15 => $"set_free_handicap {Vertex()} {Vertex()} {Vertex()}",
            16 => $"zerogo-rules ko {(random.Next(3) switch { 0 => "simple", 1 => "situational", _ => "positional" })} suicide {(random.Next(2) == 0 ? "allowed" : "forbidden")}",
            17 => "clear_board",
            18 => $"komi {random.Next(-20, 20) / 2.0:0.0}",
            _ => $"time_left {Colour()} {random.Next(0, 100)} {random.Next(0, 5)}",
        };
    }

    /// <summary>
    /// Runs the script twice: line by line in process (checking the state after every line) and as one stream
    /// through <see cref="GtpServer.Run"/> (checking the framing). Both must give the same responses.
    /// </summary>
    private static (int Answered, int Succeeded) CheckScript(string script, ulong seed)
    {
        var lines = script.Split('\n');
        var stepByStep = new GtpTestHost(seed, boardSize: 9);
        var expected = new StringBuilder();
        int answered = 0, succeeded = 0;
        foreach (var raw in lines)
        {
            string? response;
            try
            {
                response = stepByStep.Server.Execute(raw);
            }
            catch (Exception e)
            {
                Assert.Fail($"line '{Escape(raw)}' threw {e}");
                throw;
            }

            if (response is null)
            {
                Assert.Equal("", Protocol.GtpCommandLine.Preprocess(raw));
                continue;
            }

            answered++;
            succeeded += response[0] == '=' ? 1 : 0;
            expected.Append(response);
            Assert.DoesNotContain("internal error", response);
            Assert.Matches(@"\A[=?]\d*( |\n)", response);
            Assert.EndsWith("\n\n", response);
            Assert.DoesNotContain("\n\n", response[..^2]);
            AssertConsistent(stepByStep.State, raw);
        }

        Assert.True(answered > lines.Length / 2, $"only {answered} of {lines.Length} lines were commands");

        var streamed = new GtpTestHost(seed, boardSize: 9).RunScript(script);
        Assert.Equal(expected.ToString(), streamed);
        return (answered, succeeded);
    }

    private static void AssertConsistent(GameState state, string afterLine)
    {
        var problem = state.Board.FindInconsistency();
        Assert.True(problem is null, $"after '{Escape(afterLine)}': {problem}");
        Assert.Equal(state.Board.ComputeHashFromScratch(), state.Board.Hash);
        Assert.Equal(state.Moves.Count + 1, state.PositionHistory.Count);
        Assert.Equal(state.Board.Hash, state.PositionHistory[^1]);
        Assert.False(state.Board.HasChainWithoutLiberties(), $"after '{Escape(afterLine)}': a chain without liberties");
        Assert.True(double.IsFinite(state.Rules.Komi));
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
