using System.Text.Json;

namespace ZeroGo.Cli.Tests;

/// <summary>
/// <c>zerogo analysis</c> as KaTrain runs it: KataGo's command line, KaTrain's queries over real pipes, JSON lines
/// only on stdout, bad lines answered and survived, terminate, and a clean exit at end of input.
/// </summary>
public sealed class AnalysisProcessTests
{
    // KaTrain's query for the position after three moves of a two-stone game (its fields and values; visits kept small).
    private const string KaTrainQuery =
        "{'id':'QUERY:1','rules':'japanese','priority':0,'analyzeTurns':[3],'maxVisits':12,'komi':0.5,'boardXSize':19," +
        "'boardYSize':19,'includeOwnership':true,'includeMovesOwnership':true,'includePolicy':true," +
        "'initialStones':[['B','Q16'],['B','D4']],'initialPlayer':'W','moves':[['W','Q4'],['B','D16'],['W','C3']]," +
        "'overrideSettings':{'reportAnalysisWinratesAs':'BLACK','maxTime':8.0}}";

    // KaTrain's game sweep: every turn of the game in one query, no ownership or policy.
    private const string SweepQuery =
        "{'id':'QUERY:2','rules':'japanese','priority':0,'analyzeTurns':[0,1,2,3],'maxVisits':6,'komi':0.5,'boardXSize':19," +
        "'boardYSize':19,'includeOwnership':false,'includeMovesOwnership':false,'includePolicy':false," +
        "'initialStones':[['B','Q16'],['B','D4']],'initialPlayer':'W','moves':[['W','Q4'],['B','D16'],['W','C3']]," +
        "'overrideSettings':{'reportAnalysisWinratesAs':'BLACK'}}";

    private static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    private static List<JsonElement> Lines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private static string? IdOf(JsonElement line) => line.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static bool IsFinal(JsonElement line) => line.TryGetProperty("isDuringSearch", out var during) && !during.GetBoolean();

    /// <summary>A tiny network for 19x19 and a KataGo analysis config with keys ZeroGo does not use.</summary>
    private static (string Model, string Config) Files(TempFolder folder)
    {
        string model = EngineFixtures.WriteZeroGoModel(folder.File("tiny"), "19");
        string config = folder.File("analysis.cfg");
        File.WriteAllText(config, "# as KaTrain ships it, shortened\nlogDir = analysis_logs\nnnCacheSizePowerOfTwo = 20\nmaxVisits = 500\nnumSearchThreads = 1\n");
        return (model, config);
    }

    [Fact]
    public void KaTrainsQueriesWithKataGosCommandLine()
    {
        using var folder = new TempFolder();
        var (model, config) = Files(folder);
        using var engine = new ZeroGoProcess(folder.Path, "analysis", "-model", model, "-config", config, "-analysis-threads", "2", "--seed", "4");

        engine.Send(Json(KaTrainQuery));
        engine.Send(Json(SweepQuery));
        engine.Send(Json("{'id':'V','action':'query_version'}"));
        engine.CloseInput();
        Assert.True(engine.Exit(), "end of input should end the engine once its queries are answered");

        Assert.Equal(0, engine.Process.ExitCode);
        var lines = Lines(engine.Stdout);
        var warning = Assert.Single(lines, l => IdOf(l) == "QUERY:1" && l.TryGetProperty("warning", out _));
        Assert.Equal("rules", warning.GetProperty("field").GetString());
        var answer = Assert.Single(lines, l => IdOf(l) == "QUERY:1" && IsFinal(l));
        Assert.Equal(3, answer.GetProperty("turnNumber").GetInt32());
        Assert.Equal("B", answer.GetProperty("rootInfo").GetProperty("currentPlayer").GetString());
        Assert.True(answer.GetProperty("rootInfo").GetProperty("visits").GetInt32() >= 12);
        Assert.NotEqual(0, answer.GetProperty("moveInfos").GetArrayLength());
        Assert.All(answer.GetProperty("moveInfos").EnumerateArray(), m => Assert.Matches("^([A-HJ-T]([1-9]|1[0-9])|pass)$", m.GetProperty("move").GetString()));
        Assert.Equal(361, answer.GetProperty("ownership").GetArrayLength());
        Assert.All(answer.GetProperty("moveInfos").EnumerateArray(), m => Assert.Equal(361, m.GetProperty("ownership").GetArrayLength()));
        var policy = answer.GetProperty("policy").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(362, policy.Count);
        Assert.Equal(5, policy.Count(p => p == -1)); // the five stones on the board
        Assert.Equal(1, policy.Where(p => p >= 0).Sum(), 3);
        Assert.Equal([0, 1, 2, 3], lines.Where(l => IdOf(l) == "QUERY:2" && IsFinal(l)).Select(l => l.GetProperty("turnNumber").GetInt32()).Order());
        Assert.DoesNotContain(lines, l => IdOf(l) == "QUERY:2" && (l.TryGetProperty("policy", out _) || l.TryGetProperty("ownership", out _)));
        Assert.Equal("V", IdOf(Assert.Single(lines, l => l.TryGetProperty("version", out _))));
        Assert.Contains("ignoring config keys ZeroGo does not use: logDir, nnCacheSizePowerOfTwo", engine.Stderr);
    }

    [Fact]
    public void BadLinesAreAnsweredAndTerminateStopsALongSearch()
    {
        using var folder = new TempFolder();
        var (model, _) = Files(folder);
        using var engine = new ZeroGoProcess(folder.Path, "analysis", "--model", model, "--threads", "1", "--seed", "5");

        engine.Send("{not json");
        engine.Send(Json("{'id':'X','rules':'chinese','boardXSize':19,'boardYSize':19,'moves':[['B','D4'],['W','D4']]}"));
        engine.Send(Json("{'id':'L','rules':'chinese','komi':7.5,'boardXSize':9,'boardYSize':9,'moves':[],'maxVisits':100000000,'reportDuringSearchEvery':0.05}"));
        Assert.True(engine.WaitFor(text => text.Contains("\"isDuringSearch\":true", StringComparison.Ordinal)), engine.Stdout + engine.Stderr);
        engine.Send(Json("{'id':'T','action':'terminate','terminateId':'L'}"));
        Assert.True(engine.WaitFor(text => text.Contains("\"isDuringSearch\":false", StringComparison.Ordinal)), engine.Stdout + engine.Stderr);
        engine.CloseInput();
        Assert.True(engine.Exit());

        Assert.Equal(0, engine.Process.ExitCode);
        var lines = Lines(engine.Stdout);
        Assert.StartsWith("Could not parse json", lines[0].GetProperty("error").GetString());
        Assert.False(lines[0].TryGetProperty("id", out _));
        var occupied = Assert.Single(lines, l => IdOf(l) == "X");
        Assert.Equal("moves", occupied.GetProperty("field").GetString());
        Assert.Contains("Illegal move 1", occupied.GetProperty("error").GetString());
        Assert.Single(lines, l => IdOf(l) == "T" && l.GetProperty("action").GetString() == "terminate");
        var final = Assert.Single(lines, l => IdOf(l) == "L" && IsFinal(l));
        Assert.True(final.GetProperty("rootInfo").GetProperty("visits").GetInt32() < 100000000);
        Assert.DoesNotContain("internal error", engine.Stderr);
    }

    [Fact]
    public void AMissingConfigFileIsAUsageError()
    {
        using var folder = new TempFolder();
        using var engine = new ZeroGoProcess(folder.Path, "analysis", "-config", folder.File("none.cfg"));
        Assert.True(engine.Exit());

        Assert.Equal(2, engine.Process.ExitCode);
        Assert.Equal("", engine.Stdout);
        Assert.Contains("none.cfg", engine.Stderr);
    }
}
