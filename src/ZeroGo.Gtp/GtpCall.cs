using System.Globalization;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Gtp.Engine;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp;

/// <summary>
/// Everything a handler needs for one command: its arguments (with parsers that throw "syntax error"), the
/// engine session, the command table, a cancellation token and, for streaming commands, a thread-safe line
/// writer. Created by <see cref="GtpServer"/> per command.
/// </summary>
public sealed class GtpCall
{
    private readonly GtpOutput _output;
    private readonly Lock _streamLock = new();
    private bool _streamOpen;

    internal GtpCall(GtpCommandLine line, GtpServer server, GtpOutput output, CancellationToken cancellation)
    {
        Line = line;
        Server = server;
        _output = output;
        Cancellation = cancellation;
    }

    public GtpCommandLine Line { get; }

    public string Name => Line.Name;

    public IReadOnlyList<string> Arguments => Line.Arguments;

    public GtpServer Server { get; }

    public EngineSession Session => Server.Session;

    public GtpCommandTable Commands => Server.Commands;

    /// <summary>
    /// Cancelled when the server shuts down and, for streaming commands, as soon as the next command line arrives.
    /// </summary>
    public CancellationToken Cancellation { get; }

    /// <summary>True once <see cref="BeginResponse"/> has sent the <c>=</c> line.</summary>
    public bool HasBegun { get; private set; }

    /// <summary>Ends the server loop after this command's response (the quit command).</summary>
    public void RequestQuit() => Server.RequestQuit();

    /// <summary>Fails with "syntax error" unless there are between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    public void ExpectArguments(int min, int max = -1)
    {
        if (max < 0)
        {
            max = min;
        }

        if (Arguments.Count < min || Arguments.Count > max)
        {
            throw GtpException.SyntaxError();
        }
    }

    public string Argument(int index) =>
        index < Arguments.Count ? Arguments[index] : throw GtpException.SyntaxError();

    /// <summary>b, black, w, white in any case.</summary>
    public Color Color(int index) => ParseColor(Argument(index)) ?? throw GtpException.SyntaxError();

    /// <summary>
    /// A vertex or pass on the current board. Text that is no vertex is a syntax error; a well-formed vertex off
    /// this board (T19 on 9x9) is an illegal move.
    /// </summary>
    public Move Vertex(int index)
    {
        var text = Argument(index);
        if (GtpVertex.TryParse(text, Session.Geometry, out var move))
        {
            return move;
        }

        if (GtpVertex.TryParse(text, BoardGeometry.Get(BoardGeometry.MaxSize), out _))
        {
            throw GtpException.IllegalMove();
        }

        throw GtpException.SyntaxError();
    }

    /// <summary>A point on the current board (no pass); syntax error otherwise.</summary>
    public Point Point(int index)
    {
        var move = Vertex(index);
        return move.IsPlay ? move.Point : throw GtpException.SyntaxError();
    }

    public int Int(int index) =>
        int.TryParse(Argument(index), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw GtpException.SyntaxError();

    /// <summary>A finite float in invariant notation (7.5, -3, 6e0).</summary>
    public double Float(int index) =>
        double.TryParse(Argument(index), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
        && double.IsFinite(value)
            ? value
            : throw GtpException.SyntaxError();

    public static Color? ParseColor(string text) => text.ToLowerInvariant() switch
    {
        "b" or "black" => Go.Color.Black,
        "w" or "white" => Go.Color.White,
        _ => null,
    };

    /// <summary>Upper-case vertices separated by spaces, in the order given.</summary>
    public string FormatPoints(IEnumerable<Point> points) =>
        string.Join(' ', points.Select(point => GtpVertex.Format(point, Session.Geometry)));

    public string FormatMove(Move move) => GtpVertex.Format(move, Session.Geometry);

    /// <summary>
    /// Starts a streamed success response: writes <c>=[id]</c> and its newline now. Call after validating the
    /// arguments; afterwards the command can no longer fail (an exception only ends the stream).
    /// </summary>
    public void BeginResponse()
    {
        lock (_streamLock)
        {
            if (HasBegun)
            {
                return;
            }

            HasBegun = true;
            _streamOpen = true;
            _output.Write(GtpResponseFormat.StreamHeader(Line.Id));
        }
    }

    /// <summary>
    /// Writes one line of a streamed response (thread-safe). Ignored before <see cref="BeginResponse"/> and after
    /// the handler has returned, so a late timer tick can never break the framing. Empty lines are dropped.
    /// </summary>
    public void WriteLine(string line)
    {
        lock (_streamLock)
        {
            if (_streamOpen)
            {
                _output.Write(GtpResponseFormat.StreamLine(line));
            }
        }
    }

    /// <summary>Closes a streamed response: the final text (if any) and the empty line that ends it.</summary>
    internal void EndStream(string finalText)
    {
        lock (_streamLock)
        {
            _streamOpen = false;
            var body = GtpResponseFormat.Body(finalText);
            _output.Write(body.Length == 0 ? "\n" : body + "\n\n");
        }
    }
}
