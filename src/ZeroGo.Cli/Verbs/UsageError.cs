namespace ZeroGo.Cli.Verbs;

/// <summary>
/// How a verb refuses its options: one line <c>zerogo VERB: message</c> on stderr and exit code 2 (a usage error,
/// as System.CommandLine's own parse errors; 1 is left for failures while running). Every verb goes through
/// here so the line's shape and the code cannot drift apart.
/// </summary>
internal static class UsageError
{
    /// <summary>The exit code of a refused command line.</summary>
    public const int ExitCode = 2;

    /// <summary>Prints <c>zerogo <paramref name="verb"/>: <paramref name="message"/></c> on stderr and returns <see cref="ExitCode"/>.</summary>
    public static int Report(string verb, string message)
    {
        Console.Error.WriteLine($"zerogo {verb}: {message}");
        return ExitCode;
    }
}
