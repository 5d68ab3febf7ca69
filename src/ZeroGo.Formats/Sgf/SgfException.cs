namespace ZeroGo.Formats.Sgf;

/// <summary>
/// The reader's own error type: every problem with an SGF file (unreadable syntax, not SGF at all, an illegal
/// move in strict replay, an unsupported board) surfaces as this or a subclass, never as another exception.
/// </summary>
public class SgfException : Exception
{
    public SgfException(string message)
        : base(message)
    {
    }

    public SgfException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A syntax error (or a file that is not SGF) at a 1-based line and column of the input.</summary>
public sealed class SgfParseException : SgfException
{
    public SgfParseException(string problem, int line, int column, string? fileName = null)
        : base(Describe(problem, line, column, fileName))
    {
        Problem = problem;
        Line = line;
        Column = column;
        FileName = fileName;
    }

    /// <summary>The file's name when the input was a file.</summary>
    public string? FileName { get; }

    private static string Describe(string problem, int line, int column, string? fileName)
    {
        string where = line > 0 ? $"line {line}, column {column}" : "";
        string prefix = string.Join(", ", new[] { fileName, where }.Where(s => !string.IsNullOrEmpty(s)));
        return prefix.Length == 0 ? problem : $"{prefix}: {problem}";
    }

    /// <summary>The message without the position.</summary>
    public string Problem { get; }

    /// <summary>1-based line; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    public int Column { get; }
}

/// <summary>A move that cannot be replayed under the rules (strict replay), with its move number.</summary>
public sealed class SgfReplayException : SgfException
{
    public SgfReplayException(SgfWarning problem)
        : base(problem.ToString())
    {
        Problem = problem;
    }

    public SgfWarning Problem { get; }

    /// <summary>1-based move number along the replayed line (0 for setup problems).</summary>
    public int MoveNumber => Problem.MoveNumber;
}
