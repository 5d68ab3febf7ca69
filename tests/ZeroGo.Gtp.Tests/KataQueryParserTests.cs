using System.Text.Json;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Gtp.KataAnalysis;

namespace ZeroGo.Gtp.Tests;

/// <summary>KataGo analysis queries read as KataGo reads them: the game, the turns, the settings, errors and warnings.</summary>
public sealed class KataQueryParserTests
{
    // What KaTrain sends for the position after three moves of a two-stone handicap game (its fields, its values).
    private const string KaTrainQuery =
        "{'rules':'japanese','priority':0,'analyzeTurns':[3],'maxVisits':500,'komi':0.5,'boardXSize':19,'boardYSize':19," +
        "'includeOwnership':true,'includeMovesOwnership':false,'includePolicy':true,'initialStones':[['B','Q16'],['B','D4']]," +
        "'initialPlayer':'W','moves':[['W','Q4'],['B','D16'],['W','C3']]," +
        "'overrideSettings':{'reportAnalysisWinratesAs':'BLACK','maxTime':8.0},'id':'QUERY:1'}";

    /// <summary>Parses a query written with single quotes (readable in C#) as the JSON it stands for.</summary>
    private static QueryParse Parse(string json, AnalysisSettings? defaults = null)
    {
        using var document = JsonDocument.Parse(json.Replace('\'', '"'));
        return AnalysisQueryParser.Parse("q", document.RootElement.Clone(), defaults ?? AnalysisSettings.Default);
    }

    private static string Query(string extraFields) =>
        "{'id':'q','rules':'tromp-taylor','komi':7.5,'boardXSize':9,'boardYSize':9" + extraFields + "}";

    [Fact]
    public void KaTrainsQueryIsOneTurnWithItsStonesSettingsAndARulesWarning()
    {
        var parse = Parse(KaTrainQuery);

        var query = Assert.IsType<AnalysisQuery>(parse.Query);
        var turn = Assert.Single(query.Turns);
        Assert.Equal(3, turn.TurnNumber);
        Assert.Equal(Color.Black, turn.Position.ToMove);
        Assert.Equal(5, 361 - turn.Position.Board.EmptyCount);
        Assert.Equal(0.5, turn.Position.Rules.Komi);
        Assert.Equal(500, query.Limits.MaxVisits);
        Assert.Equal(TimeSpan.FromSeconds(8), query.Limits.MaxTime);
        Assert.Equal(ReportPerspective.Black, query.Perspective);
        Assert.True(query.IncludeOwnership);
        Assert.True(query.IncludePolicy);
        Assert.False(query.IncludePvVisits);
        var warning = Assert.Single(parse.Warnings);
        Assert.Equal("rules", warning.Field);
        Assert.Contains("japanese", warning.Message);
    }

    [Fact]
    public void EveryTurnOfAGameCanBeAskedForAndDefaultsToTheLastOne()
    {
        string moves = ",'moves':[['B','E5'],['W','C3'],['B','G7']]";

        var all = Parse(Query(moves + ",'analyzeTurns':[0,1,2,3]")).Query!;
        var last = Parse(Query(moves)).Query!;

        Assert.Equal([0, 1, 2, 3], all.Turns.Select(t => t.TurnNumber));
        Assert.Equal([Color.Black, Color.White, Color.Black, Color.White], all.Turns.Select(t => t.Position.ToMove));
        Assert.Equal([0, 1, 2, 3], all.Turns.Select(t => t.Position.Moves.Count));
        Assert.Equal(3, Assert.Single(last.Turns).TurnNumber);
    }

    [Fact]
    public void AKoRecaptureInTheMovesIsPlayedAsRecorded()
    {
        // Black F5 takes White's E5 in a ko; White takes straight back at E5: illegal, but the record says it happened.
        string moves = ",'moves':[['B','D5'],['W','F4'],['B','E4'],['W','F6'],['B','E6'],['W','G5'],['B','pass']," +
                       "['W','E5'],['B','F5'],['W','E5']]";

        var parse = Parse(Query(moves));

        Assert.Null(parse.Error);
        var position = Assert.Single(parse.Query!.Turns).Position;
        Assert.Equal(10, position.Moves.Count);
        Assert.Equal(Color.White, position.Board[GtpVertexPoint("E5", position.Geometry)]);
        Assert.Equal(Color.Empty, position.Board[GtpVertexPoint("F5", position.Geometry)]);
    }

    [Theory]
    [InlineData(",'moves':[['B','E5'],['W','E5']]", "moves", "Illegal move 1: E5 is occupied")]
    [InlineData(",'moves':[['B','Z9']]", "moves", "Z9")]
    [InlineData(",'moves':[['X','E5']]", "moves", "player")]
    [InlineData(",'moves':'E5'", "moves", "array")]
    [InlineData(",'moves':[],'analyzeTurns':[1]", "analyzeTurns", "turn number 1")]
    [InlineData(",'moves':[],'komi':7.3", "komi", "half-integer")]
    [InlineData(",'moves':[],'maxVisits':0", "maxVisits", "positive integer")]
    [InlineData(",'moves':[],'overrideSettings':{'reportAnalysisWinratesAs':'ME'}", "overrideSettings", "SIDETOMOVE")]
    [InlineData(",'moves':[],'avoidMoves':[{'player':'B','moves':['E5'],'untilDepth':0}]", "avoidMoves", "untilDepth")]
    [InlineData(",'moves':[],'initialStones':[['B','E5'],['W','E5']]", "initialStones", "twice")]
    public void ABadFieldIsAnErrorNamingIt(string fields, string field, string message)
    {
        // Query() already has a komi: the komi case gets a line without it.
        string json = fields.Contains("\"komi\"") ? "{'id':'q','rules':'chinese','boardXSize':9,'boardYSize':9" + fields + "}" : Query(fields);

        var parse = Parse(json);

        Assert.Null(parse.Query);
        Assert.Equal(field, parse.Error!.Field);
        Assert.Contains(message, parse.Error.Message);
    }

    [Theory]
    [InlineData(1, 9, "boardXSize")]
    [InlineData(9, 26, "boardYSize")]
    public void ABoardSizeOutsideTwoToTwentyFiveIsAnError(int width, int height, string field)
    {
        var parse = Parse($$"""{"id":"q","rules":"chinese","boardXSize":{{width}},"boardYSize":{{height}},"moves":[]}""");

        Assert.Equal(field, parse.Error!.Field);
    }

    [Fact]
    public void ARectangularBoardAndExplicitCoordinatesWork()
    {
        var parse = Parse("{'id':'q','rules':'chinese','boardXSize':13,'boardYSize':7,'moves':[['B','(0,0)'],['W','N1']]}");

        var position = Assert.Single(parse.Query!.Turns).Position;
        Assert.Equal(BoardGeometry.Get(13, 7), position.Geometry);
        Assert.Equal("A7", GtpVertex.Format(position.Moves[0].Move, position.Geometry));
        Assert.Equal(Color.White, position.Board[GtpVertexPoint("N1", position.Geometry)]);
    }

    [Fact]
    public void UnknownFieldsAndSettingsAreWarningsAndTheQueryGoesOn()
    {
        var parse = Parse(Query(",'moves':[],'colour':'blue','includeOwnershipStdev':true,'includeMovesOwnershipStdev':false,'overrideSettings':{'wideRootNoise':0.04,'maxVisits':33}"));

        Assert.NotNull(parse.Query);
        Assert.Equal(33, parse.Query!.Limits.MaxVisits);
        Assert.Equal(["colour", "includeOwnershipStdev", "overrideSettings"], parse.Warnings.Select(w => w.Field).Order());
    }

    [Fact]
    public void MovesOwnershipIsTrackedByTheSearchOnlyWhenAskedFor()
    {
        var asked = Parse(Query(",'moves':[],'includeMovesOwnership':true")).Query!;
        var plain = Parse(Query(",'moves':[],'includeMovesOwnership':false")).Query!;

        Assert.True(asked.IncludeMovesOwnership && asked.Search.TrackMoveOwnership);
        Assert.False(plain.IncludeMovesOwnership || plain.Search.TrackMoveOwnership);
    }

    [Fact]
    public void AvoidAndAllowBecomeMoveRestrictionsAndAnEmptyAvoidListIsDropped()
    {
        var parse = Parse(Query(",'moves':[],'avoidMoves':[{'player':'B','moves':['E5','pass'],'untilDepth':1},{'player':'W','moves':[],'untilDepth':3}]," +
                                 "'allowMoves':[{'player':'B','moves':['C3'],'untilDepth':2}]"));

        var rules = parse.Query!.Restrictions;
        Assert.Equal(2, rules.Count);
        Assert.False(rules[0].Allow);
        Assert.Equal([Move.At(GtpVertexPoint("E5", BoardGeometry.Get(9))), Move.Pass], rules[0].Moves);
        Assert.True(rules[1].Allow);
        Assert.Equal(2, rules[1].UntilPly);
    }

    [Fact]
    public void ConfigDefaultsApplyUnlessTheQueryOverridesThem()
    {
        var defaults = AnalysisSettings.Default with { MaxVisits = 77, Perspective = ReportPerspective.White };

        var plain = Parse(Query(",'moves':[]"), defaults).Query!;
        var overridden = Parse(Query(",'moves':[],'maxVisits':5,'rootPolicyTemperature':2.5,'overrideSettings':{'reportAnalysisWinratesAs':'SIDETOMOVE'}"), defaults).Query!;

        Assert.Equal((77, ReportPerspective.White), (plain.Limits.MaxVisits!.Value, plain.Perspective));
        Assert.Equal((5, ReportPerspective.SideToMove), (overridden.Limits.MaxVisits!.Value, overridden.Perspective));
        Assert.Equal(2.5, overridden.Search.RootPolicyTemperature);
    }

    [Fact]
    public void KataGosScoreUtilityFactorsReachTheSearchAndOutOfRangeOnesAreRefused()
    {
        var applied = AnalysisSettingKeys.Apply(AnalysisSettings.Default, "staticScoreUtilityFactor", "0.1");
        applied = AnalysisSettingKeys.Apply(applied.Settings, "dynamicScoreUtilityFactor", "0.3");
        var refused = AnalysisSettingKeys.Apply(applied.Settings, "dynamicScoreUtilityFactor", "-1");

        Assert.True(applied.Applied);
        Assert.Equal((0.1, 0.3), (applied.Settings.Search.StaticScoreUtility, applied.Settings.Search.DynamicScoreUtility));
        Assert.False(refused.Applied);
        Assert.Contains("dynamicScoreUtilityFactor", refused.Error);
        Assert.Equal(0.3, refused.Settings.Search.DynamicScoreUtility);
    }

    [Fact]
    public void ConfigTextAndOverridesParseAsKataGoWritesThem()
    {
        var file = KataConfig.ParseFile("# analysis\nmaxVisits = 200  # per turn\n\nreportAnalysisWinratesAs=\"BLACK\"\n");
        var overrides = KataConfig.ParseOverrides("maxVisits=10, numSearchThreads = 2");

        Assert.Equal([new("maxVisits", "200"), new("reportAnalysisWinratesAs", "BLACK")], file);
        Assert.Equal([new("maxVisits", "10"), new("numSearchThreads", "2")], overrides);
        Assert.Throws<FormatException>(() => KataConfig.ParseFile("maxVisits 200"));
    }

    private static Point GtpVertexPoint(string vertex, BoardGeometry geometry) =>
        GtpVertex.TryParse(vertex, geometry, out var move) ? move.Point : throw new ArgumentException(vertex);
}
