using ZeroGo.Formats.Gtp;
using ZeroGo.Go;
using ZeroGo.Gtp.Analysis;
using ZeroGo.Gtp.Engine;
using ZeroGo.Gtp.Client;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Tests;

/// <summary>genmove gives a lost game up by its <see cref="ResignationRule"/>, as Leela Zero and KataGo engines do.</summary>
public sealed class GenmoveResignationTests
{
    /// <summary>Every position is lost for Black (value −0.98 for Black to move, +0.98 for White); uniform policy off pass.</summary>
    private sealed class LostForBlackEvaluator : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "lost for black";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int r = 0; r < requests.Count; r++)
            {
                var result = results[r];
                UniformEvaluator.FillUniformPolicy(requests[r].LegalMask, result.Policy);
                result.Policy[^1] = 0;
                result.ValueForSideToMove = requests[r].ToMove == Color.Black ? -0.98f : 0.98f;
                result.DrawProbability = 0;
                result.ScoreLeadForSideToMove = requests[r].ToMove == Color.Black ? -40 : 40;
                result.HasOwnership = false;
            }
        }
    }

    /// <summary>20 moves on the edges of a 9x9 board (nothing captured), Black to move.</summary>
    private static readonly string[] Opening =
    [
        "A1", "A3", "A5", "A7", "A9", "C1", "C9", "E1", "E9", "G1",
        "G9", "J1", "J3", "J5", "J7", "J9", "C3", "C7", "G3", "G7",
    ];

    private static (InProcessGtpConnection Connection, EngineSession Session) Host(ResignationRule rule)
    {
        var engine = new SearchMoveGenerator(new LostForBlackEvaluator(), SearchOptions.Default with { Seed = 3, Threads = 1 }, visits: 32)
        {
            Resignation = rule,
        };
        var session = new EngineSession(engine, boardSize: 9);
        var table = GtpCommandTable.CreateStandard();
        table.Register(new AnalysisCommands(engine));
        var connection = new InProcessGtpConnection(new GtpServer(session, table));
        for (int i = 0; i < Opening.Length; i++)
        {
            Assert.Equal("", connection.Ask($"play {(i % 2 == 0 ? "b" : "w")} {Opening[i]}"));
        }

        return (connection, session);
    }

    [Theory]
    [InlineData("genmove b")]
    [InlineData("lz-genmove_analyze b")]
    [InlineData("kata-genmove_analyze b")]
    public void ALostSideResignsOnItsThirdHopelessMovePastTheOpening(string command)
    {
        var (connection, session) = Host(ResignationRule.Default);
        var answers = new List<string>();
        for (int turn = 0; turn < 3; turn++)
        {
            string answer = connection.Ask(command).Split('\n')[^1].Replace("play ", "", StringComparison.Ordinal).Trim();
            answers.Add(answer);
            if (turn < 2)
            {
                Assert.Matches(@"^[A-HJ]\d$", answer);
                Assert.Equal("", connection.Ask($"play w {FirstEmpty(session)}"));
            }
        }

        Assert.Equal("resign", answers[2]);
        Assert.Equal(Opening.Length + 4, session.State.Moves.Count);
    }

    [Fact]
    public void NeverMeansEveryGameIsPlayedOutAndTheWinningSideNeverResigns()
    {
        var (never, neverSession) = Host(ResignationRule.Never);
        var (winning, winningSession) = Host(ResignationRule.Default);
        Assert.Equal("", winning.Ask("play b E5"));
        for (int turn = 0; turn < 4; turn++)
        {
            Assert.Matches(@"^[A-HJ]\d$", never.Ask("genmove b"));
            Assert.Equal("", never.Ask($"play w {FirstEmpty(neverSession)}"));
            Assert.Matches(@"^[A-HJ]\d$", winning.Ask("genmove w"));
            Assert.Equal("", winning.Ask($"play b {FirstEmpty(winningSession)}"));
        }
    }

    /// <summary>An empty point of the centre for the side that is not searched.</summary>
    private static string FirstEmpty(EngineSession session)
    {
        var geometry = session.State.Geometry;
        foreach (var vertex in new[] { "E5", "E3", "E7", "C5", "G5", "D4", "F6", "D6", "F4" })
        {
            Assert.True(Formats.GtpVertex.TryParse(vertex, geometry, out var move));
            if (session.State.Board[move.Point] == Color.Empty)
            {
                return vertex;
            }
        }

        throw new InvalidOperationException("no empty centre point");
    }
}
