using System.Text.Json;
using System.Text.RegularExpressions;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

/// <summary>
/// The 14 (sgf, expected) cases from KataGo's cpp/tests/testsgf.cpp: we compare what KataGo printed that does
/// not depend on its own internals (sizes, komi, setup stones, moves, board diagrams), never its hashes.
/// </summary>
public partial class KataGoCasesTests
{
    private const string Letters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        if (TestData.SharedRoot is null)
        {
            data.Add("(shared test data absent)");
            return data;
        }

        foreach (var (name, _, _) in LoadCases(Path.Combine(TestData.SharedRoot, "sgf", "katago_testsgf_cases.json")))
        {
            data.Add(name);
        }

        return data;
    }

    private static List<(string Name, string Sgf, string Expected)> LoadCases(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("sgf").GetString()!, c.GetProperty("expected").GetString()!))
            .ToList();
    }

    [SkippableFact]
    public void There_are_14_cases()
    {
        Assert.Equal(14, LoadCases(TestData.RequireShared("sgf/katago_testsgf_cases.json")).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Case_matches_katago(string name)
    {
        var (_, sgf, expected) = LoadCases(TestData.RequireShared("sgf/katago_testsgf_cases.json")).Single(c => c.Name == name);
        var game = SgfGame.Parse(sgf, SgfReadOptions.StrictMode);
        var lines = expected.Split('\n');
        int checks = 0;

        if (Value(lines, "xSize") is { } xSize)
        {
            Assert.Equal(int.Parse(xSize), game.Width);
            Assert.Equal(int.Parse(Value(lines, "ySize")!), game.Height);
            checks++;
        }

        if (Value(lines, "komi") is { } komi)
        {
            Assert.Equal(double.Parse(komi, System.Globalization.CultureInfo.InvariantCulture), game.Rules.Komi);
            checks++;
        }

        if (Array.IndexOf(lines, "placements") is int p and >= 0)
        {
            var placements = VertexLines(lines, p + 1);
            var moves = VertexLines(lines, Array.IndexOf(lines, "moves") + 1);
            var ourPlacements = SetupStones(game.Root);
            Assert.Equal(placements.Order(), ourPlacements.Select(s => Format(s, game)).Order());
            var ourMoves = game.MainLineMoves.Select(m => Format(m, game)).ToList();
            if (name.Contains("ordering"))
            {
                Assert.Equal(moves.Order(), ourMoves.Order()); // KataGo groups a node's moves by colour
            }
            else
            {
                Assert.Equal(moves, ourMoves);
            }

            checks++;
        }

        int final = Array.IndexOf(lines, "Final board hist");
        if (final >= 0 && game.IsSupportedSize)
        {
            var diagram = ReadDiagram(lines, final + 4, game.Height); // after "pla", "HASH" and the column letters
            Assert.Equal(diagram, SgfTestHelpers.Diagram(game.FinalState(SgfReplayMode.Strict).State.Board));
            checks++;
        }

        if (expected.Contains("MoveNum: "))
        {
            // One diagram per node in file order, each the position after that node.
            var nodes = game.Root.Descendants().ToList();
            Assert.Equal(int.Parse(Value(lines, "nodeCount")!), nodes.Count);
            var diagrams = lines.Select((line, index) => (line, index)).Where(x => x.line.StartsWith("MoveNum: ")).ToList();
            Assert.Equal(nodes.Count, diagrams.Count);
            for (int i = 0; i < nodes.Count; i++)
            {
                var diagram = ReadDiagram(lines, diagrams[i].index + 2, game.Height);
                Assert.Equal(diagram, SgfTestHelpers.Diagram(game.BuildState(nodes[i], SgfReplayMode.Strict).State.Board));
                string comment = lines[diagrams[i].index - 1]["Comments:".Length..].Trim();
                Assert.Equal(comment, nodes[i].GetText("C") ?? "");
            }

            Assert.Equal("White A5 White A4", lines[Array.IndexOf(lines, "placements 2") + 1]);
            Assert.Equal("Black C3 White D3 Black D2 White D4 Black C4", lines[Array.IndexOf(lines, "moves 5") + 1]);
            // KataGo lists its deepest line (depth 6), not the first-child main line: that line must exist in our tree.
            var leafLines = game.Root.Descendants().Where(n => n.Children.Count == 0)
                .Select(leaf => string.Join(' ', game.MovesTo(leaf).Select(m => (m.Color == Color.Black ? "Black " : "White ") + Format(m, game)[2..])));
            Assert.Contains("Black C3 White D3 Black D2 White D4 Black C4", leafLines);
            Assert.Equal(5, game.Info.Handicap);
            Assert.Equal("BlackPlayer", game.Info.PlayerBlack);
            checks++;
        }

        var samples = lines.Where(l => l.StartsWith('{')).ToList();
        if (samples.Count > 0 && !name.Contains("ordering")) // KataGo reorders moves within a node there
        {
            CheckTrainingSamples(game, samples);
            checks++;
        }

        if (!game.IsSupportedSize)
        {
            Assert.Throws<SgfException>(() => game.FinalState());
        }

        Assert.True(checks > 0, "nothing compared for " + name);
    }

    /// <summary>
    /// KataGo's sample lines: the last moves before a position (moveLocs) and the board at initialTurnNumber,
    /// with colours possibly swapped (KataGo flips colours when White starts). We check the moves and that the
    /// stones match up to that one swap.
    /// </summary>
    private static void CheckTrainingSamples(SgfGame game, List<string> samples)
    {
        var moves = game.MainLineMoves;
        foreach (var line in samples)
        {
            using var sample = JsonDocument.Parse(line);
            var root = sample.RootElement;
            int turn = root.GetProperty("initialTurnNumber").GetInt32();
            var locations = root.GetProperty("moveLocs").EnumerateArray().Select(e => e.GetString()!).ToList();
            for (int i = 0; i < locations.Count; i++)
            {
                Assert.Equal(locations[i], Format(moves[turn + i], game)[2..]);
            }

            var rows = root.GetProperty("board").GetString()!.TrimEnd('/').Split('/');
            var board = game.StateBeforeMove(turn + 1, SgfReplayMode.Strict).State.Board;
            string ours = SgfTestHelpers.Diagram(board).Replace("\n", "");
            string theirs = string.Concat(rows);
            string swapped = theirs.Replace('X', 'x').Replace('O', 'X').Replace('x', 'O');
            Assert.True(ours == theirs || ours == swapped, $"board at turn {turn}: ours {ours}, KataGo {theirs}");
        }
    }

    private static string? Value(string[] lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key + " ", StringComparison.Ordinal))?[(key.Length + 1)..].Trim();

    [GeneratedRegex(@"^([XO]) (\S+)$")]
    private static partial Regex VertexLine();

    private static List<string> VertexLines(string[] lines, int start)
    {
        var result = new List<string>();
        for (int i = start; i < lines.Length && VertexLine().Match(lines[i]) is { Success: true } m; i++)
        {
            result.Add($"{(m.Groups[1].Value == "X" ? "B" : "W")} {m.Groups[2].Value}");
        }

        return result;
    }

    /// <summary>Rows of a KataGo diagram from <paramref name="start"/> (first board row), as X/O/. text.</summary>
    private static string ReadDiagram(string[] lines, int start, int height)
    {
        var text = new System.Text.StringBuilder();
        for (int row = 0; row < height; row++)
        {
            string line = lines[start + row];
            string cells = line[3..]; // "19 " / " 9 " label
            for (int i = 0; i < cells.Length; i += 2)
            {
                text.Append(cells[i] is 'X' or 'O' ? cells[i] : '.');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static List<(Color Color, int Column, int Row)> SetupStones(SgfNode root) =>
        SgfCoordinates.ExpandList(root.GetValues("AB")).Select(p => (Color.Black, p.Column, p.Row))
            .Concat(SgfCoordinates.ExpandList(root.GetValues("AW")).Select(p => (Color.White, p.Column, p.Row)))
            .ToList();

    private static string Format((Color Color, int Column, int Row) stone, SgfGame game) =>
        $"{stone.Color.Letter()} {Vertex(stone.Column, stone.Row, game.Height)}";

    private static string Format(SgfMove move, SgfGame game)
    {
        var point = move.Coordinates(game.Width, game.Height);
        string vertex = point is { } p ? Vertex(p.Column, p.Row, game.Height) : "pass";
        return $"{move.Color.Letter()} {vertex}";
    }

    /// <summary>KataGo's vertex names: A..Z without I, then AA, AB … beyond 25 columns.</summary>
    private static string Vertex(int column, int row, int height) =>
        (column < 25 ? Letters[column].ToString() : "A" + Letters[column - 25]) + (height - row).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
