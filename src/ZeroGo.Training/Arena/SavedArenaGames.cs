using System.Globalization;
using System.Text.RegularExpressions;
using ZeroGo.Formats.Sgf;

namespace ZeroGo.Training.Arena;

/// <summary>
/// The games a match folder already holds (<c>game-NNNN.sgf</c>, one per finished game), read back as results
/// from player A's side so that a stopped match resumes where it was: A is Black in even games (game 1, 3 …).
/// </summary>
public static partial class SavedArenaGames
{
    /// <summary>File name of the game with 0-based <paramref name="index"/>: <c>game-0001.sgf</c> for index 0.</summary>
    public static string FileName(int index) => string.Create(CultureInfo.InvariantCulture, $"game-{index + 1:D4}.sgf");

    /// <summary>Number of saved game files in <paramref name="folder"/> (readable or not).</summary>
    public static int Count(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "game-*.sgf").Count(f => GameFile().IsMatch(Path.GetFileName(f))) : 0;

    /// <summary>
    /// The results of the saved games, by 0-based index. A file whose result cannot be read (cut short, no RE,
    /// "Void") is left out and reported through <paramref name="unreadable"/>: that game is played again.
    /// </summary>
    public static IReadOnlyDictionary<int, GameOutcome> Read(string folder, Action<string>? unreadable = null)
    {
        var results = new SortedDictionary<int, GameOutcome>();
        if (!Directory.Exists(folder))
        {
            return results;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "game-*.sgf"))
        {
            var match = GameFile().Match(Path.GetFileName(file));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1)
            {
                continue;
            }

            int index = number - 1;
            if (ReadWinner(file, out string? problem) is { } winner)
            {
                bool aIsBlack = index % 2 == 0;
                results[index] = winner switch
                {
                    SgfWinner.Draw => GameOutcome.Draw,
                    SgfWinner.Black => aIsBlack ? GameOutcome.Win : GameOutcome.Loss,
                    _ => aIsBlack ? GameOutcome.Loss : GameOutcome.Win,
                };
            }
            else
            {
                unreadable?.Invoke($"{Path.GetFileName(file)}: {problem}; the game is played again");
            }
        }

        return results;
    }

    /// <summary>The winner the record's RE property names, or null with the reason it names none.</summary>
    private static SgfWinner? ReadWinner(string file, out string? problem)
    {
        problem = null;
        string? result;
        try
        {
            var collection = SgfReader.ReadFile(file);
            if (collection.Trees.Count == 0)
            {
                problem = "no game in the file";
                return null;
            }

            result = SgfGameInfo.FromRoot(collection.Trees[0]).Result?.Trim();
        }
        catch (Exception e) when (e is SgfException or IOException or UnauthorizedAccessException)
        {
            problem = $"unreadable ({e.Message})";
            return null;
        }

        if (string.IsNullOrEmpty(result))
        {
            problem = "no result (RE)";
            return null;
        }

        if (result.StartsWith("B+", StringComparison.OrdinalIgnoreCase))
        {
            return SgfWinner.Black;
        }

        if (result.StartsWith("W+", StringComparison.OrdinalIgnoreCase))
        {
            return SgfWinner.White;
        }

        if (result is "0" or "Draw" or "draw" or "D" or "Jigo")
        {
            return SgfWinner.Draw;
        }

        problem = $"result '{result}' names no winner";
        return null;
    }

    private enum SgfWinner
    {
        Black,
        White,
        Draw,
    }

    [GeneratedRegex(@"^game-(\d{4,})\.sgf$", RegexOptions.CultureInvariant)]
    private static partial Regex GameFile();
}
