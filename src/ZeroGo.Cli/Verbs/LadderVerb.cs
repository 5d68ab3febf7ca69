using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ZeroGo.Training.Arena;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Runs;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo ladder --run DIR</c>: plays selected generations against fixed anchors (random, GNU Go levels) and
/// each against the previous selected one, and draws the Elo curve over training time (charts/elo.png,
/// logs/ladder.csv). Elo is relative to the first anchor (random = 0) and, chained, to generation 0.
/// </summary>
internal static class LadderVerb
{
    public static Command Create()
    {
        var runDir = new Option<string>("--run") { Description = "Run folder.", Required = true };
        var games = new Option<int>("--games") { Description = "Games per pairing.", DefaultValueFactory = _ => 20 };
        var visits = new Option<int>("--visits") { Description = "Visits per move for the models.", DefaultValueFactory = _ => 32 };
        var anchors = new Option<string>("--anchors") { Description = "Comma-separated anchor engines.", DefaultValueFactory = _ => "random" };
        var points = new Option<int>("--points") { Description = "Most generations to place on the curve (evenly spaced).", DefaultValueFactory = _ => 6 };
        var command = new Command("ladder", "Elo of a run's generations against anchors and each other, as a PNG curve.")
        {
            runDir, games, visits, anchors, points,
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

                int count = Math.Max(2, parse.GetValue(points));
                var chosen = generations.Count <= count
                    ? generations
                    : Enumerable.Range(0, count).Select(i => generations[(int)Math.Round(i * (generations.Count - 1) / (double)(count - 1))]).Distinct().ToList();
                var created = chosen.ToDictionary(g => g, g => ReadCreated(run.ModelStem(g)));
                var start = created[chosen[0]];
                var log = new CsvLog(Path.Combine(run.Logs, "ladder.csv"), ["time", "generation", "hours", "opponent", "wins", "losses", "draws", "elo", "elo_error"]);
                var anchorList = parse.GetValue(anchors)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var curves = anchorList.ToDictionary(a => a, _ => new List<(double Hours, double Elo)>());
                var chain = new List<(double Hours, double Elo)>();
                double chained = 0;
                int? previous = null;
                var options = new ArenaOptions { Size = config.Size, Komi = config.Komi, Games = parse.GetValue(games), Parallel = Math.Max(2, Environment.ProcessorCount) };
                foreach (int generation in chosen)
                {
                    double hours = (created[generation] - start).TotalHours;
                    string model = $"model:{run.ModelStem(generation)}@{parse.GetValue(visits)}";
                    foreach (var anchor in anchorList)
                    {
                        var stats = Play(model, anchor, options, parse.GetValue(visits), run, generation);
                        curves[anchor].Add((hours, stats.EloDifference));
                        log.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), generation, hours, anchor, stats.Wins, stats.Losses, stats.Draws, stats.EloDifference, stats.EloError95);
                    }

                    if (previous is int p)
                    {
                        var stats = Play(model, $"model:{run.ModelStem(p)}@{parse.GetValue(visits)}", options, parse.GetValue(visits), run, generation);
                        chained += stats.EloDifference;
                        log.Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), generation, hours, RunDirectory.GenerationName(p), stats.Wins, stats.Losses, stats.Draws, stats.EloDifference, stats.EloError95);
                    }

                    chain.Add((hours, chained));
                    previous = generation;
                }

                var series = curves.Select(c => ($"vs {c.Key}", c.Value.Select(v => v.Hours).ToArray(), c.Value.Select(v => v.Elo).ToArray())).ToList();
                series.Add(("chained vs gen-0000", chain.Select(v => v.Hours).ToArray(), chain.Select(v => v.Elo).ToArray()));
                var png = Path.Combine(run.Charts, "elo.png");
                Charts.Lines(png, $"Elo over training time ({config.Size}x{config.Size}, {parse.GetValue(visits)} visits)", "hours of training", "Elo", series);
                Console.WriteLine($"ladder: Elo curve in {png}, results in {Path.Combine(run.Logs, "ladder.csv")}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException
                or ZeroGo.Neural.Files.ModelFileException or ZeroGo.Formats.Gtp.GtpEngineException)
            {
                Console.Error.WriteLine($"zerogo ladder: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static MatchStatistics Play(string a, string b, ArenaOptions options, int visits, RunDirectory run, int generation)
    {
        var folder = Path.Combine(run.ArenaGames, "ladder", $"{RunDirectory.GenerationName(generation)}-vs-{Sanitize(b)}");
        return ArenaVerb.Play(a, b, options, visits, folder, _ => { }) ?? new MatchStatistics();
    }

    private static string Sanitize(string text) =>
        new(Path.GetFileName(text.Replace("model:", "").Split('@')[0]).Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_').ToArray());

    private static DateTimeOffset ReadCreated(string stem)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(stem + ".json"));
        return document.RootElement.TryGetProperty("created", out var value) && value.TryGetDateTimeOffset(out var created)
            ? created
            : File.GetLastWriteTimeUtc(stem + ".json");
    }
}
