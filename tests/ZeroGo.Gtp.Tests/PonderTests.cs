using ZeroGo.Go;
using ZeroGo.Gtp.Analysis;
using ZeroGo.Gtp.Engine;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// Pondering (<c>zerogo gtp --ponder</c>): after genmove the search goes on in the position after the engine's move
/// while no command runs, stops as soon as the next command arrives, and the next genmove reuses what it found.
/// </summary>
public sealed class PonderTests
{
    private const int VisitsPerMove = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private sealed class Host : IDisposable
    {
        private readonly LineFeed _input = new();
        private readonly Thread _server;
        private int _id;

        public Host(bool ponder, SearchOptions? options = null)
        {
            Engine = new SearchMoveGenerator(new UniformEvaluator(), options ?? SearchOptions.Default with { Seed = 3, Threads = 1 },
                VisitsPerMove, ponder: ponder);
            Session = new EngineSession(Engine, boardSize: 9);
            var table = GtpCommandTable.CreateStandard();
            table.Register(new AnalysisCommands(Engine));
            var server = new GtpServer(Session, table);
            _server = PipeServer.Start(server, _input, Output);
        }

        public SearchMoveGenerator Engine { get; }

        public EngineSession Session { get; }

        public SharedWriter Output { get; } = new();

        /// <summary>Sends a command over the pipe and returns its answer once the server has written it.</summary>
        public string Ask(string command)
        {
            int id = ++_id;
            _input.Send($"{id} {command}");
            string header = $"={id}";
            Output.WaitFor(text => text.Contains(header, StringComparison.Ordinal) && text.EndsWith("\n\n", StringComparison.Ordinal), Patience);
            string text = Output.Text;
            string answer = text[(text.LastIndexOf(header, StringComparison.Ordinal) + header.Length)..].Trim();
            return answer;
        }

        public void Dispose()
        {
            _input.Close();
            Assert.True(_server.Join(Patience), "the server loop did not end");
            Assert.False(Engine.IsPondering, "pondering must not outlive the server loop");
        }
    }

    [Fact]
    public void TheTreeKeepsGrowingAfterGenmoveAndTheNextMoveReusesIt()
    {
        using var host = new Host(ponder: true);
        host.Ask("genmove b");
        Assert.True(host.Engine.IsPondering, "pondering should start after genmove");

        // No command runs now; the search explores White's answers until the most searched one has far more visits
        // than a whole move's budget.
        Assert.True(SpinWait.SpinUntil(() => TopCandidateVisits(host.Engine) >= 5 * VisitsPerMove, Patience),
            "the pondered tree did not grow");
        var answer = host.Engine.Search.Snapshot().BestMove;
        Assert.Equal("", host.Ask($"play w {GtpVertexText(answer)}"));
        Assert.False(host.Engine.IsPondering, "the next command stops pondering before it runs");
        int reused = host.Engine.Search.Snapshot().RootVisits; // still rooted at the pondered position

        host.Ask("genmove b");
        var result = host.Engine.LastResult!;
        Assert.True(result.Snapshot.RootVisits >= 5 * VisitsPerMove,
            $"genmove should start from the pondered subtree (root visits {result.Snapshot.RootVisits}, pondered {reused})");
        Assert.Equal(0, result.Snapshot.Playouts); // the reused visits already exceed the move's budget
        Assert.Equal(3, host.Session.State.Moves.Count);
    }

    [Fact]
    public void WithoutPonderingTheNextMoveStartsFromTheMoveBudgetOnly()
    {
        using var host = new Host(ponder: false);
        host.Ask("genmove b");
        Assert.False(host.Engine.IsPondering);
        host.Ask("play w pass");
        host.Ask("genmove b");
        Assert.Equal(VisitsPerMove, host.Engine.LastResult!.Snapshot.RootVisits);
        Assert.True(host.Engine.LastResult.Snapshot.Playouts > 0);
    }

    [Fact]
    public void AnyCommandStopsPonderingAtOnceAndTheTreeIsKept()
    {
        using var host = new Host(ponder: true);
        host.Ask("genmove b");
        Assert.True(SpinWait.SpinUntil(() => host.Engine.Search.Snapshot().RootVisits >= 500, Patience));
        Assert.Equal("ZeroGo", host.Ask("name"));
        Assert.False(host.Engine.IsPondering);
        int visits = host.Engine.Search.Snapshot().RootVisits;
        Thread.Sleep(50);
        Assert.Equal(visits, host.Engine.Search.Snapshot().RootVisits); // nothing searches any more
    }

    [Fact]
    public void APonderThatFilledTheTreeDoesNotSpoilTheNextSearch()
    {
        // The memory cap ends this ponder on its own within moments; the next genmove must still search.
        using var host = new Host(ponder: true, SearchOptions.Default with { Seed = 3, Threads = 1, MaxTreeBytes = 1 << 20 });
        host.Ask("genmove b");
        Assert.True(SpinWait.SpinUntil(() => !host.Engine.IsPondering, Patience), "the memory cap should end the ponder");
        Assert.Equal(StopReason.MemoryFull, host.Engine.Search.Snapshot().StopReason);
        host.Ask("play w pass");

        host.Ask("genmove b");
        Assert.Equal(VisitsPerMove, host.Engine.LastResult!.Snapshot.RootVisits);
    }

    [Fact]
    public void GenmoveAnalyzePondersToo()
    {
        using var host = new Host(ponder: true);
        host.Ask("lz-genmove_analyze b 0");
        Assert.True(host.Engine.IsPondering);
        host.Ask("name");
        Assert.False(host.Engine.IsPondering);
    }

    private static int TopCandidateVisits(SearchMoveGenerator engine)
    {
        var candidates = engine.Search.Snapshot().Candidates;
        return candidates.Count > 0 ? candidates[0].Visits : 0;
    }

    private static string GtpVertexText(Move move) => Formats.GtpVertex.Format(move, BoardGeometry.Get(9));
}
