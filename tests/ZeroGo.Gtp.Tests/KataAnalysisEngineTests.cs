using System.Text.Json;
using ZeroGo.Gtp.KataAnalysis;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Tests;

/// <summary>The analysis engine in process: every turn answered once, bad lines answered and survived, priorities, terminate.</summary>
public sealed class KataAnalysisEngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The uniform evaluator behind a gate the test opens: the first turn's search holds its analysis thread until then.</summary>
    private sealed class GatedEvaluator : IEvaluator
    {
        private readonly UniformEvaluator _inner = new();

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Open { get; } = new();

        public int HistoryLength => 0;

        public string Name => "gated uniform";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            Entered.Set();
            Open.Wait(Patience);
            _inner.Evaluate(requests, results);
        }
    }

    private static string Query(string id, string extra = "") =>
        $$"""{"id":"{{id}}","rules":"tromp-taylor","komi":7.5,"boardXSize":9,"boardYSize":9,"moves":[["B","E5"],["W","C3"]],"maxVisits":8{{extra}}}""";

    private static List<JsonElement> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private static string? IdOf(JsonElement line) => line.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static bool IsFinal(JsonElement line, string id) =>
        line.TryGetProperty("id", out var lineId) && lineId.GetString() == id
        && line.TryGetProperty("isDuringSearch", out var during) && !during.GetBoolean();

    private static (AnalysisEngine Engine, SharedWriter Output, Thread Thread, LineFeed Input) Start(IEvaluator evaluator, int threads, Action? clearCache = null)
    {
        var output = new SharedWriter();
        var engine = new AnalysisEngine(new AnalysisEngineOptions
        {
            Evaluator = evaluator,
            AnalysisThreads = threads,
            ClearCache = clearCache ?? (() => { }),
            Version = "9.9",
        }, output, TextWriter.Null);
        var input = new LineFeed();
        var thread = new Thread(() => engine.Run(input)) { IsBackground = true, Name = "test analysis engine" };
        thread.Start();
        return (engine, output, thread, input);
    }

    [Fact]
    public void EveryTurnGetsOneFinalResponseAndNoBadLineEndsTheEngine()
    {
        int cacheClears = 0;
        var (_, output, thread, input) = Start(new UniformEvaluator(), threads: 2, () => Interlocked.Increment(ref cacheClears));

        input.Send("this is not json");
        input.Send("[1, 2]");
        input.Send("""{"moves":[]}""");
        input.Send(Query("game", ""","analyzeTurns":[0,1,2],"includePolicy":true,"includeOwnership":true"""));
        input.Send(Query("bad", ""","komi":"seven" """));
        input.Send("""{"id":"v","action":"query_version"}""");
        input.Send("""{"id":"c","action":"clear_cache"}""");
        input.Send("""{"id":"u","action":"dance"}""");
        input.Send(Query("last"));
        input.Close();
        Assert.True(thread.Join(Patience), "the engine should finish its queued turns and return at end of input");

        var lines = Lines(output.Text);
        Assert.Equal(3, lines.Count(l => l.TryGetProperty("error", out _) && !l.TryGetProperty("id", out _)));
        Assert.Equal([0, 1, 2], lines.Where(l => IsFinal(l, "game")).Select(l => l.GetProperty("turnNumber").GetInt32()).Order());
        Assert.Equal(2, Assert.Single(lines, l => IsFinal(l, "last")).GetProperty("turnNumber").GetInt32());
        var game = lines.First(l => IsFinal(l, "game"));
        Assert.Equal(82, game.GetProperty("policy").GetArrayLength());
        Assert.Equal(81, game.GetProperty("ownership").GetArrayLength());
        Assert.True(game.GetProperty("rootInfo").GetProperty("visits").GetInt32() >= 8);
        Assert.Equal("komi", Assert.Single(lines, l => IdOf(l) == "bad").GetProperty("field").GetString());
        Assert.Equal("9.9", Assert.Single(lines, l => IdOf(l) == "v").GetProperty("version").GetString());
        Assert.Single(lines, l => IdOf(l) == "c" && l.GetProperty("action").GetString() == "clear_cache");
        Assert.Equal(1, cacheClears);
        Assert.Equal("action", Assert.Single(lines, l => IdOf(l) == "u").GetProperty("field").GetString());
    }

    [Fact]
    public void TerminateAnswersQueuedTurnsAtOnceAndStopsTheRunningOne()
    {
        var evaluator = new GatedEvaluator();
        var (_, output, thread, input) = Start(evaluator, threads: 1);

        input.Send(Query("long", ""","analyzeTurns":[0,1,2],"maxVisits":1000000"""));
        Assert.True(evaluator.Entered.Wait(Patience), "the first turn should start searching");
        input.Send("""{"id":"t","action":"terminate","terminateId":"long"}""");
        output.WaitFor(text => text.Contains("\"action\":\"terminate\""), Patience);
        var beforeRelease = Lines(output.Text);
        evaluator.Open.Set();
        output.WaitFor(text => Lines(text).Count(l => IsFinal(l, "long")) == 3, Patience);
        input.Close();
        Assert.True(thread.Join(Patience));

        // Turns 1 and 2 never started: noResults as soon as the terminate arrived, before the gate opened.
        Assert.Equal([1, 2], beforeRelease.Where(l => IsFinal(l, "long")).Select(l => l.GetProperty("turnNumber").GetInt32()).Order());
        Assert.All(beforeRelease.Where(l => IsFinal(l, "long")), l => Assert.True(l.GetProperty("noResults").GetBoolean()));
        // Turn 0 was searching: it ends long before its million visits, with one final line.
        var lines = Lines(output.Text);
        var first = Assert.Single(lines, l => IsFinal(l, "long") && l.GetProperty("turnNumber").GetInt32() == 0);
        Assert.True(!first.TryGetProperty("rootInfo", out var root) || root.GetProperty("visits").GetInt32() < 1000);
    }

    [Fact]
    public void AHigherPriorityQueryOvertakesAnEarlierOne()
    {
        var evaluator = new GatedEvaluator();
        var (_, output, thread, input) = Start(evaluator, threads: 1);

        input.Send(Query("first"));
        Assert.True(evaluator.Entered.Wait(Patience));
        input.Send(Query("low", ""","priority":-1"""));
        input.Send(Query("normal"));
        input.Send(Query("urgent", ""","priority":10"""));
        // Every query is queued once its line is read; a query_version answered proves the reader got that far.
        input.Send("""{"id":"v","action":"query_version"}""");
        output.WaitFor(text => text.Contains("\"version\""), Patience);
        evaluator.Open.Set();
        input.Close();
        Assert.True(thread.Join(Patience));

        var order = Lines(output.Text).Where(l => l.TryGetProperty("isDuringSearch", out _)).Select(l => l.GetProperty("id").GetString());
        Assert.Equal(["first", "urgent", "normal", "low"], order);
    }

    [Fact]
    public void ReportsDuringSearchComeBeforeTheFinalOne()
    {
        var (_, output, thread, input) = Start(new UniformEvaluator(), threads: 1);

        input.Send(Query("live", ""","maxVisits":20000,"reportDuringSearchEvery":0.01"""));
        input.Close();
        Assert.True(thread.Join(Patience));

        var lines = Lines(output.Text);
        Assert.True(lines.Count >= 2, output.Text);
        Assert.All(lines[..^1], l => Assert.True(l.GetProperty("isDuringSearch").GetBoolean()));
        Assert.True(IsFinal(lines[^1], "live"));
    }
}
