namespace ZeroGo.Formats.Sgf;

/// <summary>What kind of thing a warning reports; strict mode refuses the serious kinds.</summary>
public enum SgfWarningKind
{
    /// <summary>An old-format or common deviation read as intended (FF[3] names, junk before the tree).</summary>
    Leniency,

    /// <summary>Damaged syntax repaired by guessing (missing bracket, stray characters): strict mode refuses it.</summary>
    SyntaxRepair,

    /// <summary>The text encoding had to be guessed or the declared one did not fit the bytes.</summary>
    Charset,

    /// <summary>A property value that could not be used (bad number, off-board setup point).</summary>
    BadValue,

    /// <summary>A move that breaks the rules (occupied, off board, suicide, ko, superko): strict replay refuses it.</summary>
    IllegalMove,
}

/// <summary>A problem found while reading or replaying a record, kept so tolerant readers can show it.</summary>
/// <param name="Line">1-based line in the file, 0 when unknown (for trees built in memory).</param>
/// <param name="MoveNumber">1-based move number along the replayed line, 0 when not about a move.</param>
public sealed record SgfWarning(SgfWarningKind Kind, string Message, int Line = 0, int Column = 0, int MoveNumber = 0)
{
    /// <summary>True for the kinds strict mode turns into errors.</summary>
    public bool IsSerious => Kind is SgfWarningKind.SyntaxRepair or SgfWarningKind.IllegalMove;

    public override string ToString()
    {
        var where = new List<string>();
        if (MoveNumber > 0)
        {
            where.Add($"move {MoveNumber}");
        }

        if (Line > 0)
        {
            where.Add($"line {Line}, column {Column}");
        }

        return where.Count == 0 ? Message : $"{string.Join(", ", where)}: {Message}";
    }
}
