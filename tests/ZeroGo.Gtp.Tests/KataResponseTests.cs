using System.Text.Json;
using ZeroGo.Go;
using ZeroGo.Gtp.KataAnalysis;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Tests;

/// <summary>Analysis responses in KataGo's conventions: perspective, GTP coordinates, arrays from the top-left, pass last.</summary>
public sealed class KataResponseTests
{
    private static readonly BoardGeometry Board = BoardGeometry.Get(3, 2);

    private static SearchSnapshot Snapshot(Color toMove) => new()
    {
        Geometry = Board,
        ToMove = toMove,
        RootVisits = 11,
        Playouts = 11,
        WinRate = 0.7,
        ScoreLead = 2.5,
        Candidates =
        [
            new CandidateInfo
            {
                // Column 0, top row: A2 on a board two rows high.
                Move = Move.At(Board.PointAt(0, 0)), Visits = 10, WinRate = 0.75, ScoreLead = 3, ScoreStdev = 1, Prior = 0.5,
                Lcb = 0.6, PrincipalVariation = [Move.At(Board.PointAt(0, 0)), Move.Pass], PrincipalVariationVisits = [10, 4], Order = 0,
                Ownership = [0.25f, 0, 0, 0, 0, -0.75f],
            },
        ],
        Ownership = [1, 0.5f, 0, 0, -0.5f, -1],
        Elapsed = TimeSpan.FromSeconds(1),
        TreeNodes = 12,
        TreeBytes = 400,
        StopReason = StopReason.VisitLimit,
    };

    private static JsonElement Write(Color toMove, ReportPerspective perspective, bool pvVisits = false, float[]? policy = null, bool movesOwnership = false)
    {
        var snapshot = Snapshot(toMove);
        string line = AnalysisResponses.Analysis(new TurnReport
        {
            Id = "x", TurnNumber = 4, IsDuringSearch = false, Snapshot = snapshot, Perspective = perspective,
            IncludePvVisits = pvVisits, IncludeMovesOwnership = movesOwnership, Ownership = snapshot.Ownership, Policy = policy,
        });
        Assert.DoesNotContain('\n', line);
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    [Fact]
    public void SideToMoveReportsTheSearchAsItIs()
    {
        var response = Write(Color.White, ReportPerspective.SideToMove);

        var move = response.GetProperty("moveInfos")[0];
        Assert.Equal("x", response.GetProperty("id").GetString());
        Assert.Equal(4, response.GetProperty("turnNumber").GetInt32());
        Assert.False(response.GetProperty("isDuringSearch").GetBoolean());
        Assert.Equal("A2", move.GetProperty("move").GetString());
        Assert.Equal(["A2", "pass"], move.GetProperty("pv").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0.75, move.GetProperty("winrate").GetDouble());
        Assert.Equal(3, move.GetProperty("scoreLead").GetDouble());
        Assert.Equal(0.5, move.GetProperty("utility").GetDouble(), 6);
        Assert.Equal(10, move.GetProperty("visits").GetInt32());
        Assert.False(move.TryGetProperty("pvVisits", out _));
        var root = response.GetProperty("rootInfo");
        Assert.Equal("W", root.GetProperty("currentPlayer").GetString());
        Assert.Equal(0.7, root.GetProperty("winrate").GetDouble());
        Assert.Equal(11, root.GetProperty("visits").GetInt32());
        Assert.Equal([1, 0.5, 0, 0, -0.5, -1], response.GetProperty("ownership").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Theory]
    [InlineData(Color.White, ReportPerspective.Black)]
    [InlineData(Color.Black, ReportPerspective.White)]
    public void TheOtherPlayersPerspectiveTurnsEveryFigureAround(Color toMove, ReportPerspective perspective)
    {
        var response = Write(toMove, perspective);

        var move = response.GetProperty("moveInfos")[0];
        Assert.Equal(0.25, move.GetProperty("winrate").GetDouble(), 6);
        Assert.Equal(-3, move.GetProperty("scoreLead").GetDouble());
        Assert.Equal(-3, move.GetProperty("scoreMean").GetDouble());
        Assert.Equal(0.4, move.GetProperty("lcb").GetDouble(), 6);
        Assert.Equal(-0.5, move.GetProperty("utility").GetDouble(), 6);
        Assert.Equal(1, move.GetProperty("scoreStdev").GetDouble());
        Assert.Equal(0.3, response.GetProperty("rootInfo").GetProperty("winrate").GetDouble(), 6);
        Assert.Equal(-2.5, response.GetProperty("rootInfo").GetProperty("scoreLead").GetDouble());
        Assert.Equal([-1, -0.5, 0, 0, 0.5, 1], response.GetProperty("ownership").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void EachMovesOwnershipIsWrittenOnlyWhenAskedAndTurnsWithThePerspective()
    {
        var plain = Write(Color.White, ReportPerspective.SideToMove);
        var own = Write(Color.White, ReportPerspective.SideToMove, movesOwnership: true);
        var black = Write(Color.White, ReportPerspective.Black, movesOwnership: true);

        Assert.False(plain.GetProperty("moveInfos")[0].TryGetProperty("ownership", out _));
        Assert.Equal([0.25, 0, 0, 0, 0, -0.75], own.GetProperty("moveInfos")[0].GetProperty("ownership").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([-0.25, 0, 0, 0, 0, 0.75], black.GetProperty("moveInfos")[0].GetProperty("ownership").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void TheOwnPerspectiveChangesNothing()
    {
        Assert.Equal(Write(Color.Black, ReportPerspective.SideToMove).GetRawText(), Write(Color.Black, ReportPerspective.Black).GetRawText());
    }

    [Fact]
    public void PolicyKeepsItsOrderWithPassLastAndMinusOneForIllegalMoves()
    {
        var response = Write(Color.Black, ReportPerspective.Black, pvVisits: true, policy: [0.25f, -1, 0.25f, 0.125f, 0.125f, -1, 0.25f]);

        Assert.Equal([0.25, -1, 0.25, 0.125, 0.125, -1, 0.25], response.GetProperty("policy").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([10, 4], response.GetProperty("moveInfos")[0].GetProperty("pvVisits").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public void ErrorsWarningsAndEchoesHaveKataGosFields()
    {
        using var query = JsonDocument.Parse("""{"id":"v","action":"query_version"}""");

        Assert.Equal("""{"error":"bad line"}""", AnalysisResponses.Error("bad line"));
        Assert.Equal("""{"error":"no","field":"komi","id":"q"}""", AnalysisResponses.FieldError("q", new QueryProblem("komi", "no")));
        Assert.Equal("""{"field":"rules","id":"q","warning":"hm"}""", AnalysisResponses.FieldWarning("q", new QueryProblem("rules", "hm")));
        Assert.Equal("""{"id":"q","isDuringSearch":false,"noResults":true,"turnNumber":2}""", AnalysisResponses.NoResults("q", 2));
        Assert.Equal("""{"id":"v","action":"query_version","version":"1.2","git_hash":"<omitted>"}""",
            AnalysisResponses.Echo(query.RootElement, ("version", "1.2"), ("git_hash", "<omitted>")));
    }
}
