using System.CommandLine;
using ZeroGo.Cli.Engine;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Replay;
using ZeroGo.Formats.Sgf;
using ZeroGo.Neural.Files;

namespace ZeroGo.Cli.Verbs;

/// <summary><c>zerogo replay FILE.sgf [--move N]</c>: step through a record with the engine's review of every move.</summary>
internal static class ReplayVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The SGF record to open." };
        var move = new Option<int>("--move") { Description = "Open at this move (highlighted).", DefaultValueFactory = _ => 0 };
        var visits = new Option<int>("--visits") { Description = "Visits per position for the review (0: no review).", DefaultValueFactory = _ => 150 };
        var model = new Option<string?>("--model") { Description = "Network file (ZeroGo model or Leela Zero weights); default: the bundled network in models/ for the record's board size, else the search with random rollouts." };
        var engine = new Option<string>("--engine") { Description = EngineChoice.Help, DefaultValueFactory = _ => EngineChoice.Auto };
        var threads = new Option<int>("--threads") { Description = "Search threads.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var command = new Command("replay", "Replay a game record in a window, with the engine's view of every move.")
        {
            file, move, visits, model, threads, engine,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            int start = parse.GetValue(move);
            int visitCount = parse.GetValue(visits);
            string engineName = parse.GetValue(engine)!;
            string? modelPath = parse.GetValue(model);
            if (EngineChoice.Check(engineName, modelPath) is { } engineError)
            {
                return UsageError.Report("replay", engineError);
            }

            try
            {
                var record = GameRecord.Load(path);
                if (start < 0 || start > record.MoveCount)
                {
                    return UsageError.Report("replay", $"--move {start} is outside 0..{record.MoveCount} (the record has {record.MoveCount} moves)");
                }

                using var engine = visitCount > 0 ? DesktopEngine.Create(engineName, modelPath, record.Geometry, parse.GetValue(threads)) : null;
                if (engine is not null)
                {
                    Console.Error.WriteLine($"zerogo replay: reviewing with {engine.Source.Name}, {visitCount} visits per position");
                }

                using var screen = new ReplayScreen(new ReplayController(record, engine?.Source, Math.Max(1, visitCount), start));
                screen.Controller.StartAnalysis();
                DesktopApp.Run(screen);
                return 0;
            }
            catch (Exception e) when (e is SgfException or IOException or UnauthorizedAccessException or InvalidOperationException or ModelFileException or FormatException)
            {
                Console.Error.WriteLine($"zerogo replay: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
