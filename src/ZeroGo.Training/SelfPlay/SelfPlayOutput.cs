using System.Globalization;
using System.Text.RegularExpressions;
using ZeroGo.Go;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.SelfPlay;

/// <summary>
/// Where self-play games go: one SGF per game in <see cref="GamesFolder"/> and one chunk per game in
/// <see cref="SamplesFolder"/>. The SGF is written first, the chunk last (both atomically), so a game counts as
/// finished exactly when its chunk exists: on resume, games with a chunk are kept, an SGF without its chunk
/// (killed between the two writes) is removed, and the remaining game numbers are played.
/// </summary>
public sealed partial class SelfPlayOutput(string gamesFolder, string samplesFolder)
{
    public string GamesFolder { get; } = gamesFolder;

    public string SamplesFolder { get; } = samplesFolder;

    public static string GameName(int number) => $"game-{number.ToString("D6", CultureInfo.InvariantCulture)}";

    public string SgfPath(int number) => Path.Combine(GamesFolder, GameName(number) + ".sgf");

    public string ChunkPath(int number) => Path.Combine(SamplesFolder, GameName(number) + ChunkFile.Extension);

    /// <summary>Writes a finished game (SGF, then its chunk: the commit).</summary>
    public void Write(SelfPlayGame game, string playerName)
    {
        var record = game.Record;
        var sgf = SgfGames.ToSgf(record, playerName, playerName, SgfGames.ResultText(record, game.ResignedBy.IsPlayer()),
            game.Comments, record.Source);
        AtomicFile.WriteAllText(SgfPath(record.GameNumber), sgf);
        ChunkFile.Write(ChunkPath(record.GameNumber), [record]);
    }

    /// <summary>
    /// Game numbers already finished (a valid chunk exists). Damaged chunks are removed with a warning (the game
    /// is played again), as are SGFs without a chunk and leftover temporary files.
    /// </summary>
    public SortedSet<int> ScanFinished(Action<string>? warn)
    {
        var finished = new SortedSet<int>();
        Directory.CreateDirectory(GamesFolder);
        Directory.CreateDirectory(SamplesFolder);
        foreach (var folder in new[] { GamesFolder, SamplesFolder })
        {
            foreach (var temporary in Directory.EnumerateFiles(folder, "*.tmp*"))
            {
                warn?.Invoke($"warning: removing unfinished file {temporary}");
                File.Delete(temporary);
            }
        }

        foreach (var path in Directory.EnumerateFiles(SamplesFolder, "game-*" + ChunkFile.Extension))
        {
            var match = NumberPattern().Match(Path.GetFileName(path));
            if (!match.Success)
            {
                continue;
            }

            int number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            try
            {
                var games = ChunkFile.Read(path);
                if (games.Count == 1 && games[0].GameNumber == number)
                {
                    finished.Add(number);
                    continue;
                }

                warn?.Invoke($"warning: {path} does not hold game {number}; it will be played again");
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                warn?.Invoke($"warning: damaged chunk, game will be played again: {e.Message}");
            }

            File.Delete(path);
        }

        foreach (var path in Directory.EnumerateFiles(GamesFolder, "game-*.sgf"))
        {
            var match = NumberPattern().Match(Path.GetFileName(path));
            if (match.Success && !finished.Contains(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)))
            {
                warn?.Invoke($"warning: removing {Path.GetFileName(path)}: its samples were never written (interrupted)");
                File.Delete(path);
            }
        }

        return finished;
    }

    /// <summary>The numbers 1..<paramref name="total"/> not yet finished.</summary>
    public static List<int> Remaining(SortedSet<int> finished, int total) =>
        Enumerable.Range(1, total).Where(n => !finished.Contains(n)).ToList();

    [GeneratedRegex(@"^game-(\d+)\.")]
    private static partial Regex NumberPattern();
}
