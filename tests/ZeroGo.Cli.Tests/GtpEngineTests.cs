using System.Text.RegularExpressions;
using ZeroGo.Cli.Engine;
using ZeroGo.Go;
using ZeroGo.Formats.Gtp;
using ZeroGo.Gtp.Client;
using ZeroGo.Neural.Loading;
using ZeroGo.Neural.Files;
using ZeroGo.Neural.LeelaZero;

namespace ZeroGo.Cli.Tests;

/// <summary>The engine <c>zerogo gtp</c> builds from its options, served in process.</summary>
public sealed class GtpEngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>One candidate of Lizzie's lz-analyze format.</summary>
    private static readonly Regex LizzieCandidate = new(
        @"info move (?<move>[A-HJ-T]\d{1,2}|pass) visits (?<visits>\d+) winrate (?<winrate>\d+) prior (?<prior>\d+) lcb (?<lcb>\d+) order (?<order>\d+) pv(?<pv>( ([A-HJ-T]\d{1,2}|pass))+)");

    [Theory]
    [InlineData(0.03, true, "resigns below 3% win rate")]
    [InlineData(0.1, true, "resigns below 10% win rate")]
    [InlineData(0.0, false, "never resigns")]
    public void GenmoveResignsByTheRuleItWasGiven(double below, bool enabled, string described)
    {
        using var folder = new TempFolder();
        var options = EngineFixtures.Quick(folder.Path) with { ResignBelow = below };
        using var engine = GtpEngine.Create(options, new StringWriter());
        var rule = Assert.IsType<Gtp.Analysis.SearchMoveGenerator>(engine.Generator).Resignation;
        Assert.Equal(enabled, rule.Enabled);
        Assert.Equal(enabled ? below : 0, rule.WinRateBelow);
        Assert.Contains(described, engine.Describe(options));
        Assert.Equal(0.03, new GtpEngineOptions().ResignBelow);
    }

    [Fact]
    public void WithoutAModelTheNetworkEngineSaysItIsFreshAndPlaysLegalMoves()
    {
        using var folder = new TempFolder();
        var log = new StringWriter();
        using var engine = GtpEngine.Create(EngineFixtures.Quick(folder.Path), log);
        var gtp = new InProcessGtpConnection(engine.CreateServer());

        gtp.Ask("boardsize 9");
        var state = engine.Session.State;
        foreach (string color in new[] { "b", "w", "b" })
        {
            string answer = gtp.Ask("genmove " + color);
            Assert.Matches(@"^([A-HJ][1-9]|pass)$", answer);
        }

        Assert.Equal(3, engine.Session.State.Moves.Count);
        Assert.Contains("freshly initialised", engine.Describe(EngineFixtures.Quick(folder.Path)));
        Assert.Contains("no bundled model for 9x9", log.ToString());
        Assert.Contains("b6c64", engine.Generator.Name);
        Assert.Contains("16 visits", engine.Generator.Name);
    }

    [Fact]
    public void LzAnalyzeStreamsLizzieInfoLinesUntilTheNextCommand()
    {
        using var folder = new TempFolder();
        using var engine = GtpEngine.Create(EngineFixtures.Quick(folder.Path), TextWriter.Null);
        using var host = new StreamingHost(engine.CreateServer());

        host.Send("boardsize 9");
        host.Send("play b E5");
        host.Send("lz-analyze 10");
        Assert.True(host.WaitFor(text => text.Split('\n').Count(l => l.StartsWith("info move ", StringComparison.Ordinal)) >= 2, Patience),
            "lz-analyze should report at least twice: " + host.Output);
        host.Send("name");
        Assert.True(host.WaitFor(text => text.Contains("= ZeroGo\n\n", StringComparison.Ordinal), Patience), host.Output);

        var lines = host.Output.Split('\n');
        var infoLines = lines.Where(l => l.StartsWith("info ", StringComparison.Ordinal)).ToList();
        foreach (string line in infoLines)
        {
            // Every candidate of every line parses; nothing else is on the line.
            var candidates = LizzieCandidate.Matches(line);
            Assert.NotEmpty(candidates);
            Assert.Equal(line.Length, candidates.Sum(m => m.Length) + candidates.Count - 1);
            Assert.All(candidates, c => Assert.NotEqual("E5", c.Groups["move"].Value));
            Assert.Equal(Enumerable.Range(0, candidates.Count).Select(i => i.ToString()), candidates.Select(c => c.Groups["order"].Value));
            Assert.All(candidates, c => Assert.InRange(int.Parse(c.Groups["winrate"].Value), 0, 10000));
        }

        // The search goes on past --visits (GUIs analyse endlessly): the last report has more visits than the first.
        static int Visits(string line) => LizzieCandidate.Matches(line).Sum(m => int.Parse(m.Groups["visits"].Value));
        Assert.True(Visits(infoLines[^1]) > Visits(infoLines[0]), $"{Visits(infoLines[0])} then {Visits(infoLines[^1])}");

        // The stream is one response: "=" then info lines, closed by an empty line before name's answer.
        int header = Array.FindIndex(lines, l => l.StartsWith("info move ", StringComparison.Ordinal)) - 1;
        Assert.Equal(["=", "", "=", "", "="], lines[..(header + 1)]); // boardsize, play, then the stream's header
        int nameAnswer = Array.IndexOf(lines, "= ZeroGo");
        Assert.Equal("", lines[nameAnswer - 1]);
        Assert.All(lines[(header + 1)..(nameAnswer - 1)], l => Assert.StartsWith("info move ", l));
        Assert.True(host.Finish(Patience));
    }

    [Fact]
    public void KataAnalyzeWithOwnershipGivesOneValuePerPoint()
    {
        using var folder = new TempFolder();
        using var engine = GtpEngine.Create(EngineFixtures.Quick(folder.Path), TextWriter.Null);
        using var host = new StreamingHost(engine.CreateServer());

        host.Send("boardsize 7");
        host.Send("kata-analyze b 10 ownership true");
        Assert.True(host.WaitFor(text => text.Contains(" ownership ", StringComparison.Ordinal) && text.EndsWith('\n'), Patience), host.Output);
        host.Send("quit");
        Assert.True(host.Finish(Patience));

        string line = host.Output.Split('\n').First(l => l.Contains(" ownership ", StringComparison.Ordinal));
        var values = line[(line.IndexOf(" ownership ", StringComparison.Ordinal) + 11)..].Split(' ');
        Assert.Equal(49, values.Length);
        Assert.All(values, v => Assert.Matches(@"^-?\d+(\.\d+)?$", v)); // plain decimals, never exponents
        Assert.Contains(" scoreLead ", line);
    }

    [Fact]
    public void HeatmapOfALeelaZeroFilePrintsNineteenRowsPassAndWinrate()
    {
        using var folder = new TempFolder();
        string file = EngineFixtures.WriteLeelaZeroFile(folder.File("random-1x8.txt"));
        using var engine = GtpEngine.Create(EngineFixtures.Quick(folder.Path, file), TextWriter.Null);
        var gtp = new InProcessGtpConnection(engine.CreateServer());

        Assert.Equal(NetworkFamily.LeelaZero, engine.Networks!.Family);
        Assert.Equal("19", gtp.Ask("query_boardsize"));
        gtp.Ask("play b Q16");
        var rows = gtp.Ask("heatmap").Split('\n');

        Assert.Equal(21, rows.Length);
        var grid = rows[..19].Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray()).ToArray();
        Assert.All(grid, row => Assert.Equal(19, row.Length));
        Assert.Equal(0, grid[3][15]); // Q16 is occupied
        Assert.Matches(@"^pass: \d+$", rows[19]);
        Assert.Matches(@"^winrate: 0\.\d{6}$|^winrate: 1\.000000$", rows[20]);
        int total = grid.Sum(r => r.Sum()) + int.Parse(rows[19][6..]);
        Assert.InRange(total, 1000 - 362, 1000); // per mille, truncated point by point
        Assert.Equal(rows, gtp.Ask("heatmap 0").Split('\n'));
        Assert.False(gtp.Send("heatmap 8").Success);

        Assert.Matches(@"^([A-HJ-T]\d{1,2}|pass)$", gtp.Ask("genmove w"));
    }

    [Fact]
    public void ALeelaZeroNetworkRefusesOtherBoardSizesAndKeepsTheGame()
    {
        using var folder = new TempFolder();
        string file = EngineFixtures.WriteLeelaZeroFile(folder.File("random.txt"));
        string sgf = folder.File("nine.sgf");
        File.WriteAllText(sgf, "(;GM[1]FF[4]SZ[9]KM[7];B[ee];W[cc])");
        using var engine = GtpEngine.Create(EngineFixtures.Quick(folder.Path, file), TextWriter.Null);
        var gtp = new InProcessGtpConnection(engine.CreateServer());
        gtp.Ask("play b D4");

        var refused = gtp.Send("boardsize 9");
        Assert.False(refused.Success);
        Assert.Equal("unacceptable size (this Leela Zero network plays 19x19 only)", refused.Text);
        Assert.False(gtp.Send("rectangular_boardsize 19 13").Success);
        var load = gtp.Send("loadsgf " + sgf);
        Assert.False(load.Success);
        Assert.StartsWith("cannot load file: the game is 9x9", load.Text);

        Assert.Equal("19", gtp.Ask("query_boardsize"));
        Assert.Equal("D4", gtp.Ask("list_stones b"));
        Assert.Equal("", gtp.Ask("boardsize 19"));
        Assert.Equal("", gtp.Ask("list_stones b"));
    }

    [Fact]
    public void BadModelFilesAreRefusedWithAMessageThatNamesTheProblem()
    {
        using var folder = new TempFolder();
        string missing = folder.File("no-such-model");
        var error = Assert.ThrowsAny<Exception>(() => GtpEngine.Create(EngineFixtures.Quick(folder.Path, missing), TextWriter.Null));
        Assert.Contains("no-such-model", error.Message);

        string garbage = folder.File("garbage.weights");
        File.WriteAllText(garbage, "this is no network\n");
        error = Assert.ThrowsAny<Exception>(() => GtpEngine.Create(EngineFixtures.Quick(folder.Path, garbage), TextWriter.Null));
        Assert.Contains("garbage", error.Message);

        string truncated = folder.File("truncated.txt");
        string whole = File.ReadAllText(EngineFixtures.WriteLeelaZeroFile(folder.File("whole.txt")));
        File.WriteAllLines(truncated, whole.Split('\n').Take(6));
        error = Assert.ThrowsAny<Exception>(() => GtpEngine.Create(EngineFixtures.Quick(folder.Path, truncated), TextWriter.Null));
        Assert.IsType<LeelaZeroFormatException>(error);
        Assert.Contains("truncated.txt", error.Message);

        Assert.Throws<ArgumentException>(() => GtpEngine.Create(EngineFixtures.Quick(folder.Path) with { Visits = 0 }, TextWriter.Null));
    }

    [Fact]
    public void BundledModelsAreChosenByBoardSize()
    {
        using var models = new TempFolder();
        EngineFixtures.WriteZeroGoModel(models.File("a-thirteen"), "13x13");
        EngineFixtures.WriteZeroGoModel(models.File("b-nine"), "9x9");
        File.WriteAllText(models.File("card.json"), "{\"title\": \"not a model\"}");
        File.WriteAllText(models.File("c-orphan.json"), File.ReadAllText(models.File("b-nine.json"))); // no weights beside it

        var bundled = BundledModels.Scan(models.Path);
        Assert.Equal(["a-thirteen", "b-nine"], bundled.Models.Select(m => m.Name));
        Assert.Equal("b-nine", bundled.Choose(BoardGeometry.Get(9))!.Name);
        Assert.Equal("a-thirteen", bundled.Choose(BoardGeometry.Get(13))!.Name);
        // None fits: the nearest size, a tie to the first by name.
        Assert.Equal("a-thirteen", bundled.Choose(BoardGeometry.Get(19))!.Name);
        Assert.Equal("b-nine", bundled.Choose(BoardGeometry.Get(5))!.Name);
        Assert.Equal("b-nine", bundled.Choose(BoardGeometry.Get(10))!.Name);
        Assert.Equal("a-thirteen", bundled.Choose(BoardGeometry.Get(11))!.Name);
        Assert.Empty(BundledModels.Scan(models.File("absent")).Models);

        var log = new StringWriter();
        using var engine = GtpEngine.Create(EngineFixtures.Quick(models.Path), log);
        var gtp = new InProcessGtpConnection(engine.CreateServer());
        gtp.Ask("boardsize 9");
        Assert.Matches(@"^([A-HJ][1-9]|pass)$", gtp.Ask("genmove b"));
        Assert.Contains("b1c8", engine.Generator.Name);
        Assert.Contains("9x9 plays with bundled model", log.ToString());
        Assert.Contains("b-nine", log.ToString());
        Assert.DoesNotContain("freshly initialised", log.ToString());
    }

    [Fact]
    public void TimePerMoveAloneLimitsGenmoveByTheClock()
    {
        using var folder = new TempFolder();
        var options = EngineFixtures.Quick(folder.Path) with { Visits = null, TimePerMove = TimeSpan.FromMilliseconds(300) };
        using var engine = GtpEngine.Create(options, TextWriter.Null);
        var gtp = new InProcessGtpConnection(engine.CreateServer());
        gtp.Ask("boardsize 9");
        gtp.Ask("genmove b"); // creates the network outside the timed move

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Matches(@"^([A-HJ][1-9]|pass)$", gtp.Ask("genmove w"));
        clock.Stop();

        var search = (ZeroGo.Gtp.Analysis.SearchMoveGenerator)engine.Generator;
        Assert.Equal(ZeroGo.Search.StopReason.TimeLimit, search.LastResult!.Snapshot.StopReason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"a 0.3 s move took {clock.Elapsed}");
    }

    [Fact]
    public void TheRandomEngineIsStillTheBaseline()
    {
        using var engine = GtpEngine.Create(new GtpEngineOptions { Engine = EngineKind.Random, Seed = 4 }, TextWriter.Null);
        var gtp = new InProcessGtpConnection(engine.CreateServer());
        Assert.Null(engine.Networks);
        Assert.Equal("random", engine.Generator.Name);
        gtp.Ask("boardsize 5");
        Assert.Matches(@"^[A-E][1-5]$", gtp.Ask("genmove b"));
        Assert.False(gtp.Send("heatmap").Success); // no network, no heatmap
    }
}
