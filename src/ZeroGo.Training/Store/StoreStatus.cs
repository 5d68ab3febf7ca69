using System.Globalization;
using System.Text;

namespace ZeroGo.Training.Store;

/// <summary>What <c>zerogo store status</c> prints: networks, games per generation, recent workers.</summary>
public sealed record StoreStatus(
    IReadOnlyList<NetworkEntry> Networks,
    IReadOnlyDictionary<int, int> GamesPerGeneration,
    int Games,
    int DistinctGameIds,
    int Workers,
    IReadOnlyList<WorkerActivity> RecentWorkers,
    TimeSpan Recent)
{
    /// <summary>The report, one item a line; the last line is the summary scripts read.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        foreach (var network in Networks)
        {
            int games = GamesPerGeneration.GetValueOrDefault(network.Generation);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"network gen-{network.Generation:D4}  published {network.PublishedAt:yyyy-MM-dd HH:mm:ss}Z  {games} games{(network.Gate is { } gate ? "  " + gate : "")}");
        }

        foreach (var (generation, games) in GamesPerGeneration.Where(g => Networks.All(n => n.Generation != g.Key)).OrderBy(g => g.Key))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"games of unknown generation {generation}: {games}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"workers seen in the last {Recent.TotalMinutes:0} min: {RecentWorkers.Count}");
        foreach (var worker in RecentWorkers)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"worker {worker.Name}  {worker.Games} games  {worker.GamesPerHour:0} games/h  last upload {worker.LastUpload:HH:mm:ss}Z");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"store: {Networks.Count} generations, {Games} games, {DistinctGameIds} distinct game ids, {Workers} workers");
        return text.ToString();
    }
}

/// <summary>A published network; <paramref name="Gate"/> is the result line of the gate that decided on it, if any.</summary>
public sealed record NetworkEntry(int Generation, DateTimeOffset PublishedAt, string? Gate);

/// <summary>A worker's uploads in the recent window (games/h over that window).</summary>
public sealed record WorkerActivity(string Name, int Games, double GamesPerHour, DateTimeOffset LastUpload);
