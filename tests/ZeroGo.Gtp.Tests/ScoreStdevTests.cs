using System.Globalization;
using System.Text.RegularExpressions;
using ZeroGo.Go;
using ZeroGo.Gtp.Analysis;
using ZeroGo.Gtp.Engine;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// kata-analyze's scoreStdev: the visit-weighted standard deviation of the score leads backed up into each move's
/// subtree. Fake evaluators make it checkable: scores of ±6 (Black's view) must give exactly sqrt(36 - scoreMean²),
/// agreeing scores exactly 0.
/// </summary>
public sealed class ScoreStdevTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Regex Candidate = new(
        @"info move (?<move>\S+) visits (?<visits>\d+) utility \S+ winrate \S+ scoreMean (?<mean>\S+) scoreStdev (?<stdev>\S+) scoreLead (?<lead>\S+) ");

    /// <summary>Uniform policy off pass (so no game ends in the tree), a value and a score lead set from Black's view.</summary>
    private sealed class BlackScoreEvaluator(Func<Board, float> blackScore) : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "black-score fake";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int r = 0; r < requests.Count; r++)
            {
                var request = requests[r];
                var result = results[r];
                UniformEvaluator.FillUniformPolicy(request.LegalMask, result.Policy);
                result.Policy[^1] = 0;
                float score = blackScore(request.Board);
                float forSideToMove = request.ToMove == Color.Black ? score : -score;
                result.ScoreLeadForSideToMove = forSideToMove;
                result.ValueForSideToMove = MathF.Tanh(forSideToMove / 10);
                result.DrawProbability = 0;
                result.HasOwnership = false;
            }
        }
    }

    private static IEvaluator PlusOrMinusSix() => new BlackScoreEvaluator(board => ((board.Hash >> 17) & 1) == 0 ? 6f : -6f);

    private static IEvaluator AlwaysFourAndAHalf() => new BlackScoreEvaluator(_ => 4.5f);

    private static List<(string Move, int Visits, double Mean, double Stdev)> Analyse(IEvaluator evaluator, int visits = 300)
    {
        var engine = new SearchMoveGenerator(evaluator, SearchOptions.Default with { Seed = 11, Threads = 1 }, visits);
        var state = new GameState(BoardGeometry.Get(9), Rules.Default);
        var result = engine.Think(state, Color.Black, new SearchLimits { MaxVisits = visits }, null, TimeSpan.Zero, CancellationToken.None);
        return Parse(AnalysisFormatter.FormatKataGo(result.Snapshot, ownership: false));
    }

    private static List<(string Move, int Visits, double Mean, double Stdev)> Parse(string line) =>
        Candidate.Matches(line).Select(m => (
            m.Groups["move"].Value,
            int.Parse(m.Groups["visits"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["mean"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["stdev"].Value, CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public void UncertainOutcomesGiveThePopulationSpreadOfTheBackedUpScores()
    {
        var candidates = Analyse(PlusOrMinusSix());

        Assert.True(candidates.Count >= 5);
        Assert.Contains(candidates, c => c.Stdev > 1);
        foreach (var (move, visits, mean, stdev) in candidates)
        {
            if (visits < 2)
            {
                Assert.Equal(0, stdev);
                continue;
            }

            // Every backed-up score is +6 or -6 from the mover's view: variance = E[x²] - mean² = 36 - mean².
            double expected = Math.Sqrt(Math.Max(0, 36 - mean * mean));
            Assert.True(Math.Abs(stdev - expected) < 1e-3, $"{move} ({visits} visits): scoreStdev {stdev}, expected {expected} for mean {mean}");
        }
    }

    [Fact]
    public void TheRootsSpreadCoversEveryBackedUpScore()
    {
        var engine = new SearchMoveGenerator(PlusOrMinusSix(), SearchOptions.Default with { Seed = 11, Threads = 1 }, 300);
        var state = new GameState(BoardGeometry.Get(9), Rules.Default);
        var snapshot = engine.Think(state, Color.Black, new SearchLimits { MaxVisits = 300 }, null, TimeSpan.Zero, CancellationToken.None).Snapshot;

        // The root's own evaluation is ±6 too, so the whole root obeys 36 - mean² (rootInfo's scoreStdev).
        Assert.True(snapshot.RootVisits >= 300);
        double expected = Math.Sqrt(Math.Max(0, 36 - snapshot.ScoreLead * snapshot.ScoreLead));
        Assert.True(expected > 1, $"root mean {snapshot.ScoreLead}: the fake's scores should disagree");
        Assert.Equal(expected, snapshot.ScoreStdev, 6);
    }

    [Fact]
    public void AgreeingEvaluationsGiveZero()
    {
        var candidates = Analyse(AlwaysFourAndAHalf());

        Assert.True(candidates.Count >= 5);
        Assert.Contains(candidates, c => c.Visits >= 3); // subtrees two plies deep and more
        Assert.All(candidates, c => Assert.Equal(4.5, c.Mean));
        Assert.All(candidates, c => Assert.Equal(0, c.Stdev));
    }

    [Fact]
    public void SnapshotsOfWhiteToMoveReadFromWhitesView()
    {
        // Black's fixed +4.5 is White's -4.5: the mean flips, the spread stays 0.
        var engine = new SearchMoveGenerator(AlwaysFourAndAHalf(), SearchOptions.Default with { Seed = 11, Threads = 1 }, 100);
        var state = new GameState(BoardGeometry.Get(9), Rules.Default);
        state.Play(Color.Black, Move.At(BoardGeometry.Get(9).PointAt(4, 4)));
        var result = engine.Think(state, Color.White, new SearchLimits { MaxVisits = 100 }, null, TimeSpan.Zero, CancellationToken.None);
        var candidates = Parse(AnalysisFormatter.FormatKataGo(result.Snapshot, ownership: false));
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Equal((-4.5, 0.0), (c.Mean, c.Stdev)));
    }

    [Fact]
    public void KataAnalyzeStreamsAPositiveSpreadWhenOutcomesDiffer()
    {
        var engine = new SearchMoveGenerator(PlusOrMinusSix(), SearchOptions.Default with { Seed = 11, Threads = 1 }, 300);
        var session = new EngineSession(engine, boardSize: 9);
        var table = GtpCommandTable.CreateStandard();
        table.Register(new AnalysisCommands(engine));
        var server = new GtpServer(session, table);
        using var input = new LineFeed();
        var output = new SharedWriter();
        var thread = PipeServer.Start(server, input, output);

        input.Send("1 kata-analyze b 2");
        output.WaitFor(text => Parse(text).Any(c => c.Visits >= 20), Patience);
        input.Send("2 name");
        output.WaitFor(text => text.Contains("=2 ZeroGo\n\n", StringComparison.Ordinal), Patience);
        input.Close();
        Assert.True(thread.Join(Patience));

        var busiest = Parse(output.Text).Where(c => c.Visits >= 20).ToList();
        Assert.NotEmpty(busiest);
        Assert.All(busiest, c => Assert.True(c.Stdev > 0, $"{c.Move} with {c.Visits} visits has scoreStdev {c.Stdev}"));
    }
}
