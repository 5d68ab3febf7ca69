using System.Text.Json;
using ZeroGo.Go;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>Typed reads of a query's JSON fields; a value of the wrong kind throws <see cref="QueryFieldException"/> naming the field.</summary>
internal static class QueryFields
{
    public static Color Player(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!.Trim().ToUpperInvariant() switch
            {
                "B" or "BLACK" => Color.Black,
                "W" or "WHITE" => Color.White,
                var other => throw new QueryFieldException(field, $"Could not parse player '{other}'"),
            }
            : throw new QueryFieldException(field, $"Could not parse player {element.GetRawText()}");

    public static bool Flag(JsonElement query, string field) => Optional(query, field) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new QueryFieldException(field, $"{field} must be true or false"),
    };

    /// <summary>A JSON number that is a finite double (1e400 is a number in JSON but not in a double).</summary>
    public static double FiniteNumber(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw new QueryFieldException(field, $"{field}: expected a number, got {element.GetRawText()}");

    public static int Integer(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value)
            ? value
            : throw new QueryFieldException(field, $"{field}: expected an integer, got {element.GetRawText()}");

    public static JsonElement? Optional(JsonElement query, string field) =>
        query.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement Required(JsonElement query, string field) =>
        Optional(query, field) ?? throw new QueryFieldException(field, $"Required field {field} is missing");

    public static JsonElement RequiredIn(JsonElement rule, string name, string field) =>
        Optional(rule, name) ?? throw new QueryFieldException(field, $"each entry needs {name}");
}
