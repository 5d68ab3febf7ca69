using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ZeroGo.Training.Arena;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Runs;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo ladder --run DIR</c>: plays selected generations against fixed anchors (random, GNU Go levels) and,
/// unless told not to, each against the previous selected one, and draws the Elo curve over the lineage's
/// cumulative CPU-hours (charts/elo.png, logs/ladder.csv). Elo is relative to each anchor and, chained, to the first
/// selected generation. Pairings already in logs/ladder.csv at the same visits are not replayed, so a killed ladder
/// resumes and a later one only adds the new generations.
/// </summary>
internal static class LadderVerb
{
    public static Command Create()
    {
        var runDir = new Option<string>("--run") { Description = "Run folder.", Required = true };
        var games = new Option<int>("--games") { Description = "Games per pairing.", DefaultValueFactory = _ => 20 };
        var visits = new Option<int>("--visits") { Description = "Visits per move for the models.", DefaultValueFactory = _ => 32 };
        var anchors = new Option<string>("--anchors") { Description = "Comma-separated anchor engines (random, gnugo:LEVEL, model:FILE@V ...).", DefaultValueFactory = _ => "random" };
        var points = new Option<int>("--points") { Description = "Most generations to place on the curve (evenly spaced, first and newest included).", DefaultValueFactory = _ => 6 };
        var generationList = new Option<string?>("--generations") { Description = "Comma-separated generation numbers to place instead of --points." };
        var noChain = new Option<bool>("--no-chain") { Description = "Do not play each generation against the previous one." };
        var png = new Option<string?>("--png") { Description = "Also write the chart here (e.g. docs/images/elo-9x9.png)." };
        var command = new Command("ladder", "Elo of a run's generations against anchors and each other over CPU-hours, as a PNG curve.")
        {
            runDir, games, visits, anchors, points, generationList, noChain, png,
        };
        command.SetAction(parse =>
        {
            try
            {
                var run = new RunDirectory(parse.GetValue(runDir)!);
                var config = run.LoadConfig();
                var generations = run.GenerationsWithFile(".json");
                if (generations.Count == 0)
                {
                    Console.Error.WriteLine($"zerogo ladder: no models in {run.Models}");
                    return 1;
                }

                int gamesPerPairing = parse.GetValue(games);
                int visitsPerMove = parse.GetValue(visits);
                if (gamesPerPairing < 1 || visitsPerMove < 1)
                {
                    return UsageError.Report("ladder", "error: --games and --visits must be at least 1");
                }

                var chosen = Choose(generations, parse.GetValue(generationList), parse.GetValue(points));
                var times = chosen.ToDictionary(g => g, g => ReadTimes(run.ModelStem(g), g));
                var start = times[chosen[0]].Created;
                bool cpuAxis = chosen.All(g => double.IsFinite(times[g].CpuHours));
                double X(int g) => cpuAxis ? times[g].CpuHours : (times[g].Created - start).TotalHours;

                var log = new LadderLog(Path.Combine(run.Logs, "ladder.csv"));
                var anchorList = parse.GetValue(anchors)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var curves = anchorList.ToDictionary(a => a, _ => new List<(double X, double Elo)>());
                var chain = new List<(double X, double Elo)>();
                double chained = 0;
                int? previous = null;
                var options = new ArenaOptions { Size = config.Size, Komi = config.Komi, Games = gamesPerPairing, Parallel = Math.Max(2, Environment.ProcessorCount) };
                foreach (int generation in chosen)
                {
                    string model = $"model:{run.ModelStem(generation)}@{visitsPerMove}";
                    var opponents = anchorList.Select(a => (Name: a, Spec: a)).ToList();
                    if (previous is int p && !parse.GetValue(noChain))
                    {
                        opponents.Add((RunDirectory.GenerationName(p), $"model:{run.ModelStem(p)}@{visitsPerMove}"));
                    }

                    foreach (var (name, spec) in opponents)
                    {
                        var done = log.Find(generation, name, visitsPerMove, gamesPerPairing);
                        if (done is not null)
                        {
                            Console.WriteLine($"ladder: {RunDirectory.GenerationName(generation)} vs {name}: {done.Statistics.Summary()} (already played)");
                        }

                        var stats = done?.Statistics ?? Play(model, spec, options, visitsPerMove, run, generation);
                        if (done is null)
                        {
                            log.Add(new LadderResult(generation, times[generation].CpuHours, (times[generation].Created - start).TotalHours, name, visitsPerMove, stats));
                        }

                        if (curves.TryGetValue(name, out var curve))
                        {
                            curve.Add((X(generation), stats.EloDifference));
                        }
                        else
                        {
                            chained += stats.EloDifference;
                        }
                    }

                    chain.Add((X(generation), chained));
                    previous = generation;
                }

                var series = curves.Select(c => ($"vs {c.Key}", c.Value.Select(v => v.X).ToArray(), c.Value.Select(v => v.Elo).ToArray())).ToList();
                if (!parse.GetValue(noChain))
                {
                    series.Add(($"chained vs {RunDirectory.GenerationName(chosen[0])}", chain.Select(v => v.X).ToArray(), chain.Select(v => v.Elo).ToArray()));
                }

                string title = $"Elo over training ({config.Size}x{config.Size}, {visitsPerMove} visits, {gamesPerPairing} games per point)";
                string xLabel = cpuAxis ? "cumulative CPU-hours" : "hours of training (wall clock; the models carry no CPU-hours)";
                var chart = Path.Combine(run.Charts, "elo.png");
                Charts.Lines(chart, title, xLabel, "Elo", series);
                if (parse.GetValue(png) is { } extra)
                {
                    Charts.Lines(extra, title, xLabel, "Elo", series);
                }

                Console.WriteLine($"ladder: Elo curve in {chart}, results in {Path.Combine(run.Logs, "ladder.csv")}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException or FormatException
                or JsonException or ZeroGo.Neural.Files.ModelFileException or ZeroGo.Formats.Gtp.GtpEngineException)
            {
                Console.Error.WriteLine($"zerogo ladder: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The generations asked for by number, else up to <paramref name="count"/> evenly spaced ones, first and newest included.</summary>
    internal static List<int> Choose(IReadOnlyList<int> generations, string? list, int count)
    {
        if (!string.IsNullOrWhiteSpace(list))
        {
            var asked = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int g) ? g
                    : throw new ArgumentException($"--generations: '{t}' is not a generation number"))
                .Distinct().Order().ToList();
            var missing = asked.Where(g => !generations.Contains(g)).ToList();
            return missing.Count == 0 ? asked : throw new ArgumentException($"--generations: no model for generation {string.Join(", ", missing)}");
        }

        count = Math.Max(2, count);
        return generations.Count <= count
            ? [.. generations]
            : Enumerable.Range(0, count).Select(i => generations[(int)Math.Round(i * (generations.Count - 1) / (double)(count - 1))]).Distinct().ToList();
    }

    private static MatchStatistics Play(string a, string b, ArenaOptions options, int visits, RunDirectory run, int generation)
    {
        var folder = Path.Combine(run.ArenaGames, "ladder", $"{RunDirectory.GenerationName(generation)}-vs-{Sanitize(b)}-{visits}v");
        return ArenaVerb.Play(a, b, options, visits, folder, Console.WriteLine) ?? new MatchStatistics();
    }

    private static string Sanitize(string text) =>
        new(text.Replace("model:", "").Split('@')[0].Split('/', '\\').Last().Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_').ToArray());

    /// <summary>When the model was made and the lineage's cumulative CPU-hours then (generation 0 of a run from zero: 0).</summary>
    private static (DateTimeOffset Created, double CpuHours) ReadTimes(string stem, int generation)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(stem + ".json"));
        var root = document.RootElement;
        var created = root.TryGetProperty("created", out var value) && value.TryGetDateTimeOffset(out var c)
            ? c
            : File.GetLastWriteTimeUtc(stem + ".json");
        double cpuHours = root.TryGetProperty("cpuHours", out var hours) && hours.ValueKind == JsonValueKind.Number
            ? hours.GetDouble()
            : generation == 0 ? 0 : double.NaN;   // a run from an --init model records its hours in generation 0
        return (created, cpuHours);
    }
}
