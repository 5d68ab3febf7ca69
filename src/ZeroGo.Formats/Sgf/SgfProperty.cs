namespace ZeroGo.Formats.Sgf;

/// <summary>
/// A property of a node: an upper-case identifier (FF[3] long names such as "PlayerBlack" already reduced to
/// "PB") and one or more values. Unknown and private properties are kept like any other.
/// </summary>
public sealed class SgfProperty
{
    public SgfProperty(string identifier, IEnumerable<SgfValue> values)
    {
        if (string.IsNullOrEmpty(identifier) || !identifier.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"SGF property identifiers are upper-case letters, not '{identifier}'", nameof(identifier));
        }

        Identifier = identifier;
        Values = [.. values];
    }

    public SgfProperty(string identifier, SgfValue value)
        : this(identifier, [value])
    {
    }

    public SgfProperty(string identifier, params string[] texts)
        : this(identifier, texts.Select(t => SgfValue.FromText(t)))
    {
    }

    public string Identifier { get; }

    public List<SgfValue> Values { get; }

    /// <summary>Where the identifier started in the file (1-based; 0 when built in memory).</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>The first value's text, or "" when there is none.</summary>
    public string Text => Values.Count > 0 ? Values[0].Text : "";

    public override string ToString() => Identifier + string.Concat(Values.Select(v => "[" + v.Raw + "]"));
}
