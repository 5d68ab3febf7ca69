using System.Globalization;
using System.Text.Json;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Search;
using static ZeroGo.Gtp.KataAnalysis.QueryFields;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// Moves and points in a query: <c>[player, location]</c> lists (moves, initialStones), locations as GTP vertices or
/// KataGo's <c>"(x,y)"</c>, and the avoidMoves / allowMoves rules built from them.
/// </summary>
public static class KataMoves
{
    public static List<PlayedMove> ParseMoves(JsonElement query, string field, BoardGeometry geometry, bool required)
    {
        var list = new List<PlayedMove>();
        var element = required ? Required(query, field) : Optional(query, field);
        if (element is not { } array)
        {
            return list;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new QueryFieldException(field, $"{field} must be an array of [player, location] pairs");
        }

        foreach (var pair in array.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || pair[0].ValueKind != JsonValueKind.String || pair[1].ValueKind != JsonValueKind.String)
            {
                throw new QueryFieldException(field, $"expected [player, location], got {pair.GetRawText()}");
            }

            var color = Player(pair[0], field);
            string location = pair[1].GetString()!;
            list.Add(new PlayedMove(color, ParseLocation(location, geometry)
                ?? throw new QueryFieldException(field, $"Could not parse move location '{location}' on a {geometry} board")));
        }

        return list;
    }

    /// <summary>A GTP vertex ("D4", "pass") or KataGo's explicit "(x,y)" counted from the top-left; null when neither.</summary>
    public static Move? ParseLocation(string text, BoardGeometry geometry)
    {
        string trimmed = text.Trim();
        if (trimmed.StartsWith('(') && trimmed.EndsWith(')'))
        {
            var parts = trimmed[1..^1].Split(',');
            return parts.Length == 2
                   && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int x)
                   && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int y)
                   && geometry.Contains(x, y)
                ? Move.At(geometry.PointAt(x, y))
                : null;
        }

        return GtpVertex.TryParse(trimmed, geometry, out var move) ? move : null;
    }

    public static List<MoveRestriction> ParseRestrictions(JsonElement query, string field, BoardGeometry geometry, bool allow)
    {
        var rules = new List<MoveRestriction>();
        if (Optional(query, field) is not { } list)
        {
            return rules;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new QueryFieldException(field, $"{field} must be an array of {{player, moves, untilDepth}} objects");
        }

        foreach (var rule in list.EnumerateArray())
        {
            if (rule.ValueKind != JsonValueKind.Object)
            {
                throw new QueryFieldException(field, $"{field} must be an array of {{player, moves, untilDepth}} objects");
            }

            var player = Player(RequiredIn(rule, "player", field), field);
            int depth = Integer(RequiredIn(rule, "untilDepth", field), field);
            var movesField = RequiredIn(rule, "moves", field);
            if (depth < 1 || movesField.ValueKind != JsonValueKind.Array)
            {
                throw new QueryFieldException(field, "untilDepth must be a positive integer and moves an array of locations");
            }

            var moves = new List<Move>();
            foreach (var location in movesField.EnumerateArray())
            {
                moves.Add(location.ValueKind == JsonValueKind.String && ParseLocation(location.GetString()!, geometry) is { } move
                    ? move
                    : throw new QueryFieldException(field, $"Could not parse move location {location.GetRawText()}"));
            }

            // An empty avoid list rules nothing out (KaTrain sends one when there is nothing to avoid).
            if (moves.Count > 0 || allow)
            {
                rules.Add(new MoveRestriction(player, moves, depth, allow));
            }
        }

        return rules;
    }
}
