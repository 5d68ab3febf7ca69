using System.Globalization;
using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Metrics;

/// <summary>One finished ladder pairing: a generation against an opponent at some visits.</summary>
public sealed record LadderResult(int Generation, double CpuHours, double WallHours, string Opponent, int Visits, MatchStatistics Statistics);

/// <summary>
/// The ladder's results file (<c>logs/ladder.csv</c>): one row per finished pairing. A ladder at 400 visits
/// against GNU Go takes hours, so a restarted ladder reuses every pairing already played with the same visits and
/// at least the games asked for, and plays only what is missing. Files written before the visits column existed
/// are moved aside (their rows cannot say which visits they were played at).
/// </summary>
public sealed class LadderLog
{
    private static readonly string[] ColumnNames =
        ["time", "generation", "cpu_hours", "hours", "opponent", "visits", "wins", "losses", "draws", "elo", "elo_error"];

    private readonly CsvLog _log;
    private readonly List<LadderResult> _results;

    public LadderLog(string path)
    {
        MoveAsideIfOldFormat(path);
        _log = new CsvLog(path, ColumnNames);
        _results = CsvLog.Read(path).Select(Parse).OfType<LadderResult>().ToList();
    }

    public IReadOnlyList<LadderResult> Results => _results;

    /// <summary>The newest finished pairing of this generation, opponent and visits with at least <paramref name="games"/> games.</summary>
    public LadderResult? Find(int generation, string opponent, int visits, int games) =>
        _results.LastOrDefault(r => r.Generation == generation && r.Visits == visits && r.Statistics.Games >= games
            && string.Equals(r.Opponent, opponent, StringComparison.OrdinalIgnoreCase));

    public void Add(LadderResult result)
    {
        var s = result.Statistics;
        _log.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), result.Generation, result.CpuHours,
            result.WallHours, result.Opponent, result.Visits, s.Wins, s.Losses, s.Draws, s.EloDifference, s.EloError95);
        _results.Add(result);
    }

    private static LadderResult? Parse(Dictionary<string, string> row)
    {
        double generation = CsvLog.Number(row, "generation");
        double visits = CsvLog.Number(row, "visits");
        double wins = CsvLog.Number(row, "wins");
        double losses = CsvLog.Number(row, "losses");
        double draws = CsvLog.Number(row, "draws");
        if (!row.TryGetValue("opponent", out var opponent) || new[] { generation, visits, wins, losses, draws }.Any(double.IsNaN))
        {
            return null;
        }

        return new LadderResult((int)generation, CsvLog.Number(row, "cpu_hours"), CsvLog.Number(row, "hours"), opponent,
            (int)visits, new MatchStatistics((int)wins, (int)losses, (int)draws));
    }

    private static void MoveAsideIfOldFormat(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        string header = File.ReadLines(path).FirstOrDefault() ?? "";
        if (header.Length > 0 && header != string.Join(',', ColumnNames))
        {
            File.Move(path, path + ".old", overwrite: true);
        }
    }
}
