using System.CommandLine;
using System.Globalization;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Play;
using ZeroGo.Desktop.Players;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Cli.Engine;
using ZeroGo.Desktop.Engines;
using ZeroGo.Neural.Files;
using ZeroGo.Neural.Loading;
using ZeroGo.Search;

namespace ZeroGo.Cli.Verbs;

/// <summary><c>zerogo play</c>: a game against the AI in the desktop window (SDL2 + SkiaSharp).</summary>
internal static class PlayVerb
{
    public static Command Create()
    {
        var size = new Option<int?>("--size") { Description = "Board size: 9, 13 or 19 (any 2..25 works; default 9, or 19 for a Leela Zero --model)." };
        var visits = new Option<int?>("--visits") { Description = "Search visits per move at full strength (default: 800 on 9x9, 400 on 13x13, 250 on 19x19)." };
        var color = new Option<string>("--color") { Description = "Your colour: black or white.", DefaultValueFactory = _ => "black" };
        var model = new Option<string?>("--model") { Description = "Network file: a ZeroGo model (STEM.json/.weights) or a Leela Zero weight file (19x19). Default: the bundled network in models/ for the board size, if any." };
        var level = new Option<string>("--level")
        {
            Description = "Strength: " + string.Join(", ", StrengthLevel.All.Select(l => l.Key)) + ".",
            DefaultValueFactory = _ => StrengthLevel.Default.Key,
        };
        var komi = new Option<double>("--komi") { Description = "Komi.", DefaultValueFactory = _ => 7.5 };
        var handicap = new Option<int>("--handicap") { Description = "Fixed handicap stones for Black (0, 2..9).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Search threads.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var engine = new Option<string>("--engine") { Description = EngineChoice.Help, DefaultValueFactory = _ => "auto" };
        var noResign = new Option<bool>("--no-resign") { Description = $"The AI plays every game out instead of resigning one it has lost ({ResignationRule.Default.Reason})." };
        var stats = new Option<bool>("--stats") { Description = "On exit, print how many frames were drawn (the loop redraws only on change)." };
        var command = new Command("play", "Play against the AI in a window.")
        {
            size, visits, color, model, level, komi, handicap, threads, engine, noResign, stats,
        };
        command.SetAction(parse =>
        {
            string? modelPath = parse.GetValue(model);
            // The family is read once, here: it picks the default board size, checks it, and loads.
            var modelSpec = modelPath is null ? null : ModelSpec.For(modelPath);
            int boardSize = parse.GetValue(size) ?? modelSpec?.FixedBoardSize ?? 9;
            string colorText = parse.GetValue(color)!.Trim().ToLowerInvariant();
            var strength = StrengthLevel.Find(parse.GetValue(level)!);
            int visitCount = parse.GetValue(visits) ?? DesktopEngine.DefaultVisits(boardSize);
            int stones = parse.GetValue(handicap);
            string engineName = parse.GetValue(engine)!.Trim().ToLowerInvariant();
            string? error =
                !BoardGeometry.IsValidSize(boardSize, boardSize) ? $"board size {boardSize} is outside 2..25"
                : colorText is not ("black" or "white" or "b" or "w") ? $"--color must be black or white (got '{colorText}')"
                : strength is null ? $"unknown --level '{parse.GetValue(level)}'; choose one of: {string.Join(", ", StrengthLevel.All.Select(l => l.Key))}"
                : visitCount is < 1 or > 10_000_000 ? $"--visits must be 1..10000000 (got {visitCount})"
                : stones != 0 && (stones < 2 || stones > Handicap.MaxFixed(BoardGeometry.Get(boardSize))) ? $"--handicap {stones} is not possible on {boardSize}x{boardSize}"
                : EngineChoice.Check(engineName, modelPath) is { } engineError ? engineError
                : modelPath is not null && !File.Exists(modelPath) && !File.Exists(modelPath + ".json") ? $"model file not found: {modelPath}"
                : modelSpec?.CheckBoardSize(boardSize);
            if (error is not null)
            {
                return UsageError.Report("play", error);
            }

            var settings = new PlaySettings
            {
                Width = boardSize,
                Height = boardSize,
                Visits = visitCount,
                HumanColor = colorText.StartsWith('w') ? Color.White : Color.Black,
                Komi = parse.GetValue(komi),
                Handicap = stones,
                Level = strength!,
                Resignation = parse.GetValue(noResign) ? ResignationRule.Never : ResignationRule.Default,
            };
            try
            {
                using var engine = DesktopEngine.CreateWith(engineName, modelSpec, BoardGeometry.Get(boardSize), parse.GetValue(threads));
                Console.Error.WriteLine($"zerogo play: {boardSize}x{boardSize}, opponent: {engine.Source.Name}");
                var opponent = new LevelOpponent(engine.Source, settings.Level, settings.Visits, resignation: settings.Resignation);
                using var screen = new PlayScreen(new PlayController(settings, opponent, ownership: engine.Ownership))
                {
                    SaveGame = SaveGame,
                    Layers = engine.Layers,
                };
                var loop = DesktopApp.Run(screen);
                if (parse.GetValue(stats))
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"frames: {loop.Frames} in {loop.Elapsed.TotalSeconds:F1} s ({loop.Frames / Math.Max(0.001, loop.Elapsed.TotalSeconds):F1}/s), draw time {loop.DrawTime.TotalSeconds:F2} s, loop wakeups {loop.Wakeups}"));
                }

                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"zerogo play: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is ModelFileException or FormatException or IOException)
            {
                Console.Error.WriteLine($"zerogo play: cannot load the network: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Ctrl+S: the game with result and the AI's comments, to ./zerogo-games/ with a time stamp.</summary>
    internal static string SaveGame(PlayController controller)
    {
        var folder = Path.Combine(Environment.CurrentDirectory, "zerogo-games");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"zerogo-{DateTime.Now:yyyyMMdd-HHmmss}.sgf");
        var human = controller.HumanColor;
        var info = new SgfGameInfo
        {
            PlayerBlack = human == Color.Black ? controller.Settings.HumanName : "ZeroGo (" + controller.Settings.Level.Name + ")",
            PlayerWhite = human == Color.White ? controller.Settings.HumanName : "ZeroGo (" + controller.Settings.Level.Name + ")",
            Result = controller.ResultText,
            Date = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            GameComment = "Opponent: " + controller.Opponent.Name,
        };
        var comments = new string?[controller.Game.Moves.Count];
        foreach (var (number, comment) in controller.MoveComments)
        {
            if (number >= 1 && number <= comments.Length)
            {
                comments[number - 1] = comment;
            }
        }

        SgfWriter.Save(path, SgfWriter.BuildTree(controller.Game, info, comments));
        return path;
    }
}
