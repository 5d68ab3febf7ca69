namespace ZeroGo.Go;

/// <summary>
/// A board location as an index into the padded board array (one border ring around the playing area).
/// Convert to and from (column, row) with <see cref="BoardGeometry"/>; the index depends on the board's width.
/// </summary>
public readonly record struct Point(short Index)
{
    /// <summary>No point (used for "no ko", "no last move").</summary>
    public static readonly Point None = new(-1);

    public bool IsNone => Index < 0;

    public override string ToString() => IsNone ? "none" : $"#{Index}";
}
