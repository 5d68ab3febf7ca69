using System.Text.Json;
using System.Text.Json.Serialization;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Go.Tests.Sgfmill;

/// <summary>
/// sgfmill's board test vectors (rules/sgfmill/board_test_data.json, MIT licence, see LICENCE.sgfmill.rst beside
/// it). Three lists: play tests (moves "B C3" applied in order without turn alternation, self-capture allowed, ko
/// ignored; then the expected diagram, simple-ko point and B−W area score without komi), static score tests
/// (a diagram and its B−W area score) and setup tests (AB/AW/AE lists; 'illegal' means a stone was left without
/// liberties, and sgfmill then removes such chains, which the expected diagram shows).
/// </summary>
internal sealed class SgfmillVectors
{
    public const string RelativePath = "rules/sgfmill/board_test_data.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    [JsonRequired]
    public List<PlayCase> PlayTests { get; init; } = [];

    [JsonRequired]
    public List<ScoreCase> ScoreTests { get; init; } = [];

    [JsonRequired]
    public List<SetupCase> SetupTests { get; init; } = [];

    public static SgfmillVectors Load(string path) =>
        JsonSerializer.Deserialize<SgfmillVectors>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path} holds no test data");

    /// <summary>
    /// Case codes for MemberData. Discovery happens before any test can skip, so when the shared data is absent
    /// one placeholder row is produced and the test itself skips through <see cref="TestData.RequireShared"/>.
    /// </summary>
    public static TheoryData<string> Codes(Func<SgfmillVectors, IEnumerable<string>> select)
    {
        var data = new TheoryData<string>();
        var path = TestData.SharedRoot is null ? null : Path.Combine(TestData.SharedRoot, RelativePath);
        if (path is null || !File.Exists(path))
        {
            data.Add(Unavailable);
            return data;
        }

        foreach (var code in select(Load(path)))
        {
            data.Add(code);
        }

        return data;
    }

    public const string Unavailable = "(shared test data unavailable)";

    /// <summary>The data for a test: skips when the shared folder is absent, fails when the file is missing.</summary>
    public static SgfmillVectors Require() => Load(TestData.RequireShared(RelativePath));

    public sealed class PlayCase
    {
        [JsonRequired]
        public string Code { get; init; } = "";

        [JsonRequired]
        public List<string> Moves { get; init; } = [];

        [JsonRequired]
        public string ExpectedDiagram { get; init; } = "";

        public string? ExpectedSimpleKoPoint { get; init; }

        [JsonRequired]
        public int ExpectedAreaScoreBMinusW { get; init; }
    }

    public sealed class ScoreCase
    {
        [JsonRequired]
        public string Code { get; init; } = "";

        [JsonRequired]
        public string Diagram { get; init; } = "";

        [JsonRequired]
        public int ExpectedAreaScoreBMinusW { get; init; }
    }

    public sealed class SetupCase
    {
        [JsonRequired]
        public string Code { get; init; } = "";

        [JsonRequired]
        public List<string> Black { get; init; } = [];

        [JsonRequired]
        public List<string> White { get; init; } = [];

        [JsonRequired]
        public List<string> Empty { get; init; } = [];

        [JsonRequired]
        public string ExpectedDiagram { get; init; } = "";

        [JsonRequired]
        public bool ExpectedIsLegal { get; init; }
    }
}

/// <summary>
/// sgfmill's diagram text: one line per row from the top, each starting with the row number (counted from the
/// bottom) and then one cell per column ('#' Black, 'o' White, '.' empty), and a last line of column letters
/// (GTP letters, no I).
/// </summary>
internal static class SgfmillDiagram
{
    /// <summary>The stones of a diagram by GTP vertex ("D4" → Black…), and the board size.</summary>
    public static (BoardGeometry Geometry, Dictionary<Point, Color> Stones) Parse(string diagram)
    {
        var lines = diagram.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var letters = lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines[..^1];
        if (rows.Length != letters.Length)
        {
            throw new InvalidDataException($"diagram is {letters.Length} wide but {rows.Length} high");
        }

        var geometry = BoardGeometry.Get(letters.Length, rows.Length);
        var stones = new Dictionary<Point, Color>();
        foreach (var line in rows)
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != letters.Length + 1)
            {
                throw new InvalidDataException($"diagram row '{line}' has {cells.Length - 1} cells, expected {letters.Length}");
            }

            for (int column = 0; column < letters.Length; column++)
            {
                var color = cells[column + 1] switch
                {
                    "#" => Color.Black,
                    "o" => Color.White,
                    "." => Color.Empty,
                    var other => throw new InvalidDataException($"unknown diagram cell '{other}'"),
                };
                if (color != Color.Empty)
                {
                    stones.Add(Vertex(letters[column] + cells[0], geometry), color);
                }
            }
        }

        return (geometry, stones);
    }

    /// <summary>The same diagram text rendered from a ZeroGo board, for comparison with the expected text.</summary>
    public static string Render(Board board)
    {
        var g = board.Geometry;
        var text = new System.Text.StringBuilder();
        int labelWidth = g.Height.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        for (int row = 0; row < g.Height; row++)
        {
            text.Append((g.Height - row).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(labelWidth));
            for (int column = 0; column < g.Width; column++)
            {
                text.Append("  ").Append(board.ColorAt(column, row) switch { Color.Black => '#', Color.White => 'o', _ => '.' });
            }

            text.Append('\n');
        }

        text.Append(' ', labelWidth);
        for (int column = 0; column < g.Width; column++)
        {
            text.Append("  ").Append(GtpVertex.Format(g.PointAt(column, 0), g)[0]);
        }

        return text.Append('\n').ToString();
    }

    public static Point Vertex(string text, BoardGeometry geometry) =>
        GtpVertex.TryParse(text, geometry, out var move) && move.IsPlay
            ? move.Point
            : throw new InvalidDataException($"'{text}' is not a vertex on {geometry}");
}
