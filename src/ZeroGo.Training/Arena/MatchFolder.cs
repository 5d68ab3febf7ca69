using System.Globalization;

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

    /// <summary>Uses <paramref name="folder"/> as given (the user named it): creates it and (re)writes its description.</summary>
    public static string Use(string folder, string description)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, DescriptionFile), description + Environment.NewLine);
        return folder;
    }
}
