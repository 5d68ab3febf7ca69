using System.Text.Json;
using ZeroGo.Formats;
using ZeroGo.Go;
using static ZeroGo.Gtp.KataAnalysis.QueryFields;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// Reads one analysis query (a JSON object whose <c>id</c> is already known) as KataGo's analysis engine does:
/// the game (board size, rules, komi, initial stones and player, moves played as recorded: ko, superko and
/// suicide are not errors, an occupied or off-board point is), the turns to analyse and how to search and report
/// them. A field that cannot be used is an error for the whole query; a field we read but cannot honour, or do
/// not know, is a warning.
/// </summary>
public static class AnalysisQueryParser
{
    private static readonly HashSet<string> UsedFields =
    [
        "id", "moves", "initialStones", "initialPlayer", "rules", "komi", "boardXSize", "boardYSize", "analyzeTurns",
        "maxVisits", "rootPolicyTemperature", "rootFpuReductionMax", "analysisPVLen", "includeOwnership",
        "includePolicy", "includePVVisits", "includeMovesOwnership", "avoidMoves", "allowMoves", "overrideSettings", "reportDuringSearchEvery",
        "priority", "priorities",
    ];

    /// <summary>Flags we read but cannot honour: a warning when they ask for something (true).</summary>
    private static readonly HashSet<string> UnsupportedFlags =
    [
        "includeOwnershipStdev", "includeMovesOwnershipStdev", "includeNoResultValue",
    ];

    public static QueryParse Parse(string id, JsonElement query, AnalysisSettings defaults)
    {
        var warnings = new List<QueryProblem>();
        try
        {
            return new QueryParse(ParseQuery(id, query, defaults, warnings), null, warnings);
        }
        catch (QueryFieldException e)
        {
            return new QueryParse(null, new QueryProblem(e.Field, e.Message), warnings);
        }
    }

    private static AnalysisQuery ParseQuery(string id, JsonElement query, AnalysisSettings defaults, List<QueryProblem> warnings)
    {
        foreach (var property in query.EnumerateObject())
        {
            if (UnsupportedFlags.Contains(property.Name))
            {
                if (property.Value.ValueKind == JsonValueKind.True)
                {
                    warnings.Add(new QueryProblem(property.Name, "not supported by ZeroGo; ignored"));
                }
            }
            else if (!UsedFields.Contains(property.Name))
            {
                warnings.Add(new QueryProblem(property.Name, "Unexpected or unused field"));
            }
        }

        var geometry = ParseBoardSize(query);
        var (rules, rulesWarning) = query.TryGetProperty("rules", out var rulesField)
            ? KataRules.Parse(rulesField)
            : throw new QueryFieldException("rules", "Required field rules is missing");
        if (rulesWarning is not null)
        {
            warnings.Add(new QueryProblem("rules", rulesWarning));
        }

        rules = rules with { Komi = ParseKomi(query) };
        var settings = ApplyOverrides(query, defaults, warnings);
        var moves = KataMoves.ParseMoves(query, "moves", geometry, required: true);
        var start = new GameState(geometry, rules);
        PlaceInitialStones(start, KataMoves.ParseMoves(query, "initialStones", geometry, required: false));
        var firstPlayer = Optional(query, "initialPlayer") is { } player
            ? Player(player, "initialPlayer")
            : moves.Count > 0 ? moves[0].Color : Color.Black;
        if (start.ToMove != firstPlayer)
        {
            start.SetToMove(firstPlayer);
        }

        var turns = ParseTurns(query, moves.Count);
        var priorities = ParsePriorities(query, turns.Count);
        return new AnalysisQuery
        {
            Id = id,
            Turns = Replay(start, moves, turns, priorities),
            Limits = settings.Limits,
            Search = settings.Search with { TrackMoveOwnership = Flag(query, "includeMovesOwnership") },
            Perspective = settings.Perspective,
            Restrictions = [.. KataMoves.ParseRestrictions(query, "avoidMoves", geometry, allow: false), .. KataMoves.ParseRestrictions(query, "allowMoves", geometry, allow: true)],
            IncludeOwnership = Flag(query, "includeOwnership"),
            IncludePolicy = Flag(query, "includePolicy"),
            IncludePvVisits = Flag(query, "includePVVisits"),
            IncludeMovesOwnership = Flag(query, "includeMovesOwnership"),
            ReportEvery = Optional(query, "reportDuringSearchEvery") is { } every ? ParseInterval(every) : null,
        };
    }

    private static BoardGeometry ParseBoardSize(JsonElement query)
    {
        int width = Integer(Required(query, "boardXSize"), "boardXSize");
        int height = Integer(Required(query, "boardYSize"), "boardYSize");
        foreach (var (field, size) in new[] { ("boardXSize", width), ("boardYSize", height) })
        {
            if (size < BoardGeometry.MinSize || size > BoardGeometry.MaxSize)
            {
                throw new QueryFieldException(field, $"Board size {size} is not supported (sizes {BoardGeometry.MinSize} to {BoardGeometry.MaxSize})");
            }
        }

        return BoardGeometry.Get(width, height);
    }

    private static double ParseKomi(JsonElement query)
    {
        if (Optional(query, "komi") is not { } field)
        {
            return Rules.Default.Komi;
        }

        double komi = FiniteNumber(field, "komi");
        if (!double.IsFinite(komi) || Math.Abs(komi) > 150 || komi * 2 != Math.Floor(komi * 2))
        {
            throw new QueryFieldException("komi", $"komi must be an integer or half-integer in [-150, 150], not {field.GetRawText()}");
        }

        return komi;
    }

    /// <summary>Config and -override-config values, then the query's own rootPolicyTemperature and friends, then overrideSettings.</summary>
    private static AnalysisSettings ApplyOverrides(JsonElement query, AnalysisSettings settings, List<QueryProblem> warnings)
    {
        foreach (string field in (ReadOnlySpan<string>)["maxVisits", "rootPolicyTemperature", "rootFpuReductionMax", "analysisPVLen"])
        {
            if (Optional(query, field) is { } value)
            {
                var outcome = AnalysisSettingKeys.Apply(settings, field, value.GetRawText());
                settings = outcome.Applied ? outcome.Settings : throw new QueryFieldException(field, outcome.Error ?? "unusable value");
            }
        }

        if (Optional(query, "overrideSettings") is not { } overrides)
        {
            return settings;
        }

        if (overrides.ValueKind != JsonValueKind.Object)
        {
            throw new QueryFieldException("overrideSettings", "overrideSettings must be an object");
        }

        foreach (var setting in overrides.EnumerateObject())
        {
            string text = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString()! : setting.Value.GetRawText();
            var outcome = AnalysisSettingKeys.Apply(settings, setting.Name, text);
            if (outcome.Error is not null)
            {
                throw new QueryFieldException("overrideSettings", outcome.Error);
            }

            if (!outcome.Known)
            {
                warnings.Add(new QueryProblem("overrideSettings", $"{setting.Name}: unknown or unused setting, ignored"));
            }

            settings = outcome.Settings;
        }

        return settings;
    }

    private static void PlaceInitialStones(GameState start, List<PlayedMove> stones)
    {
        var seen = new HashSet<Point>();
        foreach (var stone in stones)
        {
            if (!stone.Move.IsPlay || !seen.Add(stone.Move.Point))
            {
                throw new QueryFieldException("initialStones", stone.Move.IsPlay ? "a point is given twice" : "an initial stone cannot be a pass");
            }
        }

        start.ApplySetup(
            stones.Where(s => s.Color == Color.Black).Select(s => s.Move.Point),
            stones.Where(s => s.Color == Color.White).Select(s => s.Move.Point),
            []);
        if (start.Board.HasChainWithoutLiberties())
        {
            throw new QueryFieldException("initialStones", "the initial stones leave a chain without liberties");
        }
    }

    private static List<int> ParseTurns(JsonElement query, int moveCount)
    {
        if (Optional(query, "analyzeTurns") is not { } field)
        {
            return [moveCount];
        }

        if (field.ValueKind != JsonValueKind.Array)
        {
            throw new QueryFieldException("analyzeTurns", "analyzeTurns must be an array of integers");
        }

        var turns = new List<int>();
        foreach (var element in field.EnumerateArray())
        {
            int turn = Integer(element, "analyzeTurns");
            if (turn < 0 || turn > moveCount)
            {
                throw new QueryFieldException("analyzeTurns", $"Invalid turn number {turn}: the game has {moveCount} moves");
            }

            if (!turns.Contains(turn))
            {
                turns.Add(turn);
            }
        }

        return turns;
    }

    private static List<int> ParsePriorities(JsonElement query, int turnCount)
    {
        if (Optional(query, "priorities") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() != turnCount)
            {
                throw new QueryFieldException("priorities", "priorities must be an array as long as analyzeTurns");
            }

            return [.. list.EnumerateArray().Select(p => Integer(p, "priorities"))];
        }

        int priority = Optional(query, "priority") is { } field ? Integer(field, "priority") : 0;
        return [.. Enumerable.Repeat(priority, turnCount)];
    }

    /// <summary>Plays the moves as recorded (ko and superko unchecked, suicide follows the board) and keeps a copy at each turn asked for.</summary>
    private static List<TurnToAnalyse> Replay(GameState start, List<PlayedMove> moves, List<int> turns, List<int> priorities)
    {
        var positions = new Dictionary<int, GameState>();
        var game = start;
        for (int turn = 0; ; turn++)
        {
            if (turns.Contains(turn))
            {
                positions[turn] = game.Clone();
            }

            if (turn == moves.Count)
            {
                break;
            }

            var (color, move) = moves[turn];
            if (move.IsPlay && game.Board[move.Point] != Color.Empty)
            {
                throw new QueryFieldException("moves", $"Illegal move {turn}: {GtpVertex.Format(move, game.Geometry)} is occupied");
            }

            game.PlayUnchecked(color, move);
        }

        return [.. turns.Select((turn, i) => new TurnToAnalyse(turn, positions[turn], priorities[i]))];
    }

    private static TimeSpan ParseInterval(JsonElement field)
    {
        double seconds = FiniteNumber(field, "reportDuringSearchEvery");
        if (seconds <= 0 || seconds > 86_400)
        {
            throw new QueryFieldException("reportDuringSearchEvery", "reportDuringSearchEvery must be a positive number of seconds");
        }

        return TimeSpan.FromSeconds(Math.Max(seconds, 0.001));
    }
}
