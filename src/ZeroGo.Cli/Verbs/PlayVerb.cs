using System.CommandLine;
using System.Globalization;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Play;
using ZeroGo.Desktop.Players;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.Files;
using ZeroGo.Search;

namespace ZeroGo.Cli.Verbs;

/// <summary><c>zerogo play</c>: a game against the AI in the desktop window (SDL2 + SkiaSharp).</summary>
internal static class PlayVerb
{
    /// <summary>Full-strength visits by board size when --visits is not given: answers within ~2 s on 2 cores.</summary>
    internal static int DefaultVisits(int size) => size <= 9 ? 800 : size <= 13 ? 400 : 250;

    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Board size: 9, 13 or 19 (any 2..25 works).", DefaultValueFactory = _ => 9 };
        var visits = new Option<int?>("--visits") { Description = "Search visits per move at full strength (default: 800 on 9x9, 400 on 13x13, 250 on 19x19)." };
        var color = new Option<string>("--color") { Description = "Your colour: black or white.", DefaultValueFactory = _ => "black" };
        var model = new Option<string?>("--model") { Description = "Network file (STEM.json/.weights); without it the AI is the search with random-rollout evaluation." };
        var level = new Option<string>("--level")
        {
            Description = "Strength: " + string.Join(", ", StrengthLevel.All.Select(l => l.Key)) + ".",
            DefaultValueFactory = _ => StrengthLevel.Default.Key,
        };
        var komi = new Option<double>("--komi") { Description = "Komi.", DefaultValueFactory = _ => 7.5 };
        var handicap = new Option<int>("--handicap") { Description = "Fixed handicap stones for Black (0, 2..9).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Search threads.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var engine = new Option<string>("--engine") { Description = "search (MCTS) or playouts (flat Monte Carlo, the simplest opponent).", DefaultValueFactory = _ => "search" };
        var stats = new Option<bool>("--stats") { Description = "On exit, print how many frames were drawn (the loop redraws only on change)." };
        var command = new Command("play", "Play against the AI in a window.")
        {
            size, visits, color, model, level, komi, handicap, threads, engine, stats,
        };
        command.SetAction(parse =>
        {
            int boardSize = parse.GetValue(size);
            string colorText = parse.GetValue(color)!.Trim().ToLowerInvariant();
            var strength = StrengthLevel.Find(parse.GetValue(level)!);
            int visitCount = parse.GetValue(visits) ?? DefaultVisits(boardSize);
            int stones = parse.GetValue(handicap);
            string engineName = parse.GetValue(engine)!.Trim().ToLowerInvariant();
            string? error =
                !BoardGeometry.IsValidSize(boardSize, boardSize) ? $"board size {boardSize} is outside 2..25"
                : colorText is not ("black" or "white" or "b" or "w") ? $"--color must be black or white (got '{colorText}')"
                : strength is null ? $"unknown --level '{parse.GetValue(level)}'; choose one of: {string.Join(", ", StrengthLevel.All.Select(l => l.Key))}"
                : visitCount is < 1 or > 10_000_000 ? $"--visits must be 1..10000000 (got {visitCount})"
                : stones != 0 && (stones < 2 || stones > Handicap.MaxFixed(BoardGeometry.Get(boardSize))) ? $"--handicap {stones} is not possible on {boardSize}x{boardSize}"
                : engineName is not ("search" or "playouts") ? $"--engine must be search or playouts (got '{engineName}')"
                : parse.GetValue(model) is { } file && !File.Exists(file) && !File.Exists(file + ".json") ? $"model file not found: {file}"
                : null;
            if (error is not null)
            {
                Console.Error.WriteLine($"zerogo play: {error}");
                return 2;
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
            };
            try
            {
                var (source, layers) = CreateEngine(engineName, parse.GetValue(model), parse.GetValue(threads));
                var opponent = new LevelOpponent(source, settings.Level, settings.Visits);
                using var screen = new PlayScreen(new PlayController(settings, opponent))
                {
                    SaveGame = SaveGame,
                    Layers = layers,
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
            catch (ModelFileException e)
            {
                Console.Error.WriteLine($"zerogo play: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The analysis engine: the search over a network (--model) or over random rollouts, or flat Monte Carlo.</summary>
    internal static (IAnalysisSource Source, ILayerSource? Layers) CreateEngine(string engine, string? model, int threads)
    {
        if (engine == "playouts")
        {
            return (new MonteCarloAnalysis(), null);
        }

        if (model is not null)
        {
            return CreateNetworkEngine(model, threads);
        }

        return (new SearchAnalysisSource(new RolloutEvaluator(playoutsPerEvaluation: 4), threads), null);
    }

    /// <summary>Kept apart so TorchSharp loads only when a network is asked for.</summary>
    private static (IAnalysisSource, ILayerSource?) CreateNetworkEngine(string model, int threads)
    {
        var network = PolicyValueNetwork.Load(model);
        var evaluator = new BatchingEvaluator(network);
        return (new SearchAnalysisSource(evaluator, threads), new NetworkLayers(network));
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

    /// <summary>The layers view over a ZeroGo network: the residual stream after each block.</summary>
    private sealed class NetworkLayers(PolicyValueNetwork network) : ILayerSource
    {
        public int BlockCount => network.Config.Blocks;

        public int Channels => network.Config.Channels;

        public float[][] BlockActivations(GameState state, int block)
        {
            var request = EvaluationRequestBuilder.Create(state, 0);
            var blocks = network.ReadBlockActivations(request);
            var activations = blocks[Math.Clamp(block, 0, blocks.Count - 1)];
            int channels = activations.GetLength(0), height = activations.GetLength(1), width = activations.GetLength(2);
            var result = new float[channels][];
            for (int c = 0; c < channels; c++)
            {
                result[c] = new float[height * width];
                for (int r = 0; r < height; r++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        result[c][r * width + x] = activations[c, r, x];
                    }
                }
            }

            return result;
        }
    }
}
