namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>A query field that cannot be used; the parser turns it into a <c>{"id", "field", "error"}</c> line.</summary>
public sealed class QueryFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
