using System.Globalization;
using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Arena;

/// <summary>
/// The folder a match writes its SGFs to, with a <see cref="DescriptionFile"/> that says which match it holds. A
/// default folder is named by the time of the start, and two arenas started in the same second once wrote into the
/// same folder, each over the other's <c>game-0001.sgf</c> …; <see cref="ClaimFresh"/> makes each match its own.
/// </summary>
public static class MatchFolder
{
    public const string DescriptionFile = "match.txt";

    /// <summary>The default folder for a match starting now: <c>runs/arena/yyyyMMdd-HHmmss</c> (UTC).</summary>
    public static string DefaultFor(DateTime utcNow) =>
        Path.Combine("runs", "arena", utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    /// <summary>
    /// Claims <paramref name="basePath"/>, or <c>basePath-2</c>, <c>-3</c> … when another match holds it: the first
    /// folder whose description file this call creates (an exclusive create, so two processes never get one folder).
    /// Returns the folder claimed.
    /// </summary>
    public static string ClaimFresh(string basePath, string description)
    {
        for (int attempt = 1; ; attempt++)
        {
            string folder = attempt == 1 ? basePath : $"{basePath}-{attempt}";
            Directory.CreateDirectory(folder);
            try
            {
                using var stream = new FileStream(Path.Combine(folder, DescriptionFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.WriteLine(description);
                return folder;
            }
            catch (IOException) when (attempt < 1000 && File.Exists(Path.Combine(folder, DescriptionFile)))
            {
                // Another match has it: try the next name.
            }
        }
    }

    /// <summary>The line of the description file that says which match the games belong to.</summary>
    public const string IdentityPrefix = "match: ";

    /// <summary>
    /// Uses <paramref name="folder"/> as given (the user named it) for the match <paramref name="identity"/>
    /// (<see cref="MatchIdentity"/>): creates it, or resumes it when it holds games of the same match, and writes
    /// its description. Throws <see cref="InvalidOperationException"/> when it holds games of another match (other
    /// engines, model files, size, komi or seed), or of one whose identity was not recorded: mixing them would
    /// count games that were not played in this match.
    /// </summary>
    public static string Use(string folder, string description, string identity)
    {
        int savedGames = SavedArenaGames.Count(folder);
        string? recorded = RecordedIdentity(folder);
        if (savedGames > 0 && recorded != identity)
        {
            string holds = recorded is null ? "a match whose engines and settings it does not record" : $"another match ({recorded})";
            throw new InvalidOperationException(
                $"{folder} holds {savedGames} games of {holds}; this one is {identity}. Name a new --out folder, or the same engines and settings to resume.");
        }

        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, DescriptionFile), description + Environment.NewLine + IdentityPrefix + identity + Environment.NewLine);
        return folder;
    }

    /// <summary>Writes the description of a freshly claimed folder's match with its identity.</summary>
    public static string ClaimFresh(string basePath, string description, string identity) =>
        ClaimFresh(basePath, description + Environment.NewLine + IdentityPrefix + identity);

    /// <summary>The identity recorded in <paramref name="folder"/>'s description file, or null.</summary>
    public static string? RecordedIdentity(string folder)
    {
        string path = Path.Combine(folder, DescriptionFile);
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path).FirstOrDefault(line => line.StartsWith(IdentityPrefix, StringComparison.Ordinal))?[IdentityPrefix.Length..];
    }
}
