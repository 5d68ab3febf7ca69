using System.CommandLine;
using System.Globalization;
using ZeroGo.Cli.Engine;
using ZeroGo.Training.Arena;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo arena --size N --games G ENGINE_A ENGINE_B</c>: a match with alternating colours, games in
/// parallel, every game saved as SGF. Last line: <c>A vs B: W-L-D, win rate P% [LO%, HI%]</c> (A's view).
/// </summary>
internal static class ArenaVerb
{
    /// <summary>The training layer's engines plus the desktop board's levels, which only the CLI can build.</summary>
    public const string EngineHelp = EngineSpec.Help + " | level:NAME[@VISITS] (the play window's opponent: beginner, casual, club, strong, full)";

    public static Command Create()
    {
        var engineA = new Argument<string>("ENGINE_A") { Description = EngineHelp };
        var engineB = new Argument<string>("ENGINE_B") { Description = EngineHelp };
        var size = new Option<int>("--size") { Description = "Board size.", DefaultValueFactory = _ => 9 };
        var games = new Option<int>("--games") { Description = "Games to play (colours alternate).", DefaultValueFactory = _ => 10 };
        var komi = new Option<double?>("--komi") { Description = "Komi (default: the fair value for the size, e.g. 7.5 on 9x9)." };
        var visits = new Option<int>("--visits") { Description = "Visits for model: engines without @VISITS.", DefaultValueFactory = _ => 64 };
        var parallel = new Option<int>("--parallel") { Description = "Games at once (default: cores).", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        var output = new Option<string?>("--out") { Description = "Folder for the SGFs (default runs/arena/<time>)." };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var sprt = new Option<string?>("--sprt") { Description = "Stop early by SPRT: ELO0,ELO1 (alpha = beta = 0.05), e.g. 0,50." };
        var moveCap = new Option<int>("--move-cap") { Description = "Count the game after this many moves (0: 3 x area).", DefaultValueFactory = _ => 0 };
        var openingMoves = new Option<int?>("--opening-moves")
        {
            Description = "Random moves that open each game, the same for both colours of a pair (default: about one per 16 points, 2..8; 0: none). Deterministic engines would otherwise repeat the same games.",
        };
        var scoreUtility = ScoreUtilityOption();
        var command = new Command("arena", "Play two engines against each other: W-L-D, win rate with 95% interval, Elo.")
        {
            engineA, engineB, size, games, komi, visits, parallel, output, seed, sprt, moveCap, openingMoves, scoreUtility,
        };
        command.SetAction(parse =>
        {
            int boardSize = parse.GetValue(size);
            int gameCount = parse.GetValue(games);
            if (boardSize is < 2 or > 19 || gameCount < 1)
            {
                return UsageError.Report("arena", "--size must be 2..19 and --games at least 1");
            }

            if (parse.GetValue(openingMoves) is int opening && (opening < 0 || opening >= boardSize * boardSize))
            {
                return UsageError.Report("arena", $"--opening-moves must be 0..{boardSize * boardSize - 1}");
            }

            double leadWeight = parse.GetValue(scoreUtility);
            if (GtpEngineOptions.ScoreUtilityProblem(leadWeight) is { } scoreProblem)
            {
                return UsageError.Report("arena", scoreProblem);
            }

            Sprt? test = null;
            if (parse.GetValue(sprt) is string sprtText)
            {
                var parts = sprtText.Split(',');
                if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var elo0)
                    || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var elo1) || elo1 <= elo0)
                {
                    return UsageError.Report("arena", "--sprt wants ELO0,ELO1 with ELO0 < ELO1, e.g. 0,50");
                }

                test = new Sprt(elo0, elo1);
            }

            try
            {
                var result = Play(parse.GetValue(engineA)!, parse.GetValue(engineB)!, new ArenaOptions
                {
                    Size = boardSize,
                    Games = gameCount,
                    Komi = parse.GetValue(komi) ?? RunConfig.DefaultKomi(boardSize),
                    Parallel = Math.Max(1, parse.GetValue(parallel)),
                    Seed = parse.GetValue(seed),
                    Sprt = test,
                    MoveCap = parse.GetValue(moveCap),
                    OpeningMoves = parse.GetValue(openingMoves),
                }, parse.GetValue(visits), parse.GetValue(output), TrainingCli.Print, leadWeight);
                return result is null ? 1 : 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException
                or ZeroGo.Neural.Files.ModelFileException or ZeroGo.Formats.Gtp.GtpEngineException or ZeroGo.Formats.Gtp.GtpCommandException)
            {
                Console.Error.WriteLine($"zerogo arena: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// Plays the match, saving SGFs under <paramref name="outputFolder"/> (null: a fresh folder of its own under
    /// <c>runs/arena/</c>); prints progress and the summary lines. <paramref name="scoreUtility"/>: how much the
    /// expected lead counts beside winning for <c>model:</c> engines.
    /// </summary>
    public static MatchStatistics? Play(string specA, string specB, ArenaOptions options, int defaultVisits, string? outputFolder, Action<string> say,
        double scoreUtility = 0)
    {
        using var a = CreateEngine(specA, defaultVisits, options.Size, scoreUtility);
        using var b = CreateEngine(specB, defaultVisits, options.Size, scoreUtility);
        var started = DateTime.UtcNow;
        string description = string.Create(CultureInfo.InvariantCulture,
            $"{a.Name} vs {b.Name}: {options.Games} games on {options.Size}x{options.Size}, komi {options.Komi}, seed {options.Seed}, started {started:yyyy-MM-dd HH:mm:ss} UTC");
        string identity = MatchIdentity.Of(a, b, options, scoreUtility);
        string sgfFolder = outputFolder is null
            ? MatchFolder.ClaimFresh(MatchFolder.DefaultFor(started), description, identity)
            : MatchFolder.Use(outputFolder, description, identity);
        var saved = SavedArenaGames.Read(sgfFolder, problem => say($"arena: {problem}"));
        if (saved.Count > 0)
        {
            var earlier = saved.Where(game => game.Key < options.Games).Aggregate(new MatchStatistics(), (stats, game) => stats.Add(game.Value));
            say($"arena: resuming {sgfFolder}: {earlier.Games} of {options.Games} games already played, {a.Name} {earlier.Summary()}");
            options = options with { AlreadyPlayed = saved };
        }

        var match = new ArenaMatch(a, b, options);
        match.GameFinished += (game, stats) =>
        {
            var sgf = SgfGames.ToSgf(game.Record, game.BlackName, game.WhiteName, game.ResultText, game.Comments,
                $"{a.Name} vs {b.Name}, game {game.Index + 1}");
            AtomicFile.WriteAllText(Path.Combine(sgfFolder, SavedArenaGames.FileName(game.Index)), sgf);
            say($"arena: game {game.Index + 1}: {game.BlackName} (B) vs {game.WhiteName} (W): {game.ResultText}{(game.HitMoveCap ? " (move cap)" : "")}  " +
                $"{a.Name} {stats.Summary()}");
        };
        match.GameFailed += failure =>
            say($"arena: {failure.Error.Message}{(failure.Retrying ? "; replaying the game with fresh engines" : "; not replayed again")}");
        using var cancel = TrainingCli.CancelOnCtrlC();
        var result = match.Run(cancel.Token);
        if (cancel.Token.IsCancellationRequested && result.Games < options.Games)
        {
            say($"arena: stopped after {result.Games} of {options.Games} games; the same engines and settings with --out {sgfFolder} resume the match");
        }

        if (options.Sprt is { } sprt && sprt.Decide(result) is bool accepted)
        {
            Console.WriteLine($"SPRT: {(accepted ? "H1" : "H0")} accepted after {result.Games} games (LLR {sprt.LogLikelihoodRatio(result):0.00})");
        }

        Console.WriteLine($"{result.EloSummary()} (95%); SGFs in {Path.GetFullPath(sgfFolder)}");
        Console.WriteLine($"{a.Name} vs {b.Name}: {result.Summary()}");
        return result;
    }

    /// <summary>
    /// <c>--score-utility</c> of arena and gtp: KataGo's score utility (<see cref="Search.SearchOptions.WithScoreUtility"/>), off by default.
    /// </summary>
    public static Option<double> ScoreUtilityOption() => new("--score-utility")
    {
        Description = "How much the expected lead counts beside winning, 0..1 (KataGo's score utility: 0.3 is its play default; 0, the default here: win rate only). For networks with a trained score head.",
        DefaultValueFactory = _ => 0,
    };

    private static IArenaPlayerFactory CreateEngine(string spec, int defaultVisits, int boardSize, double scoreUtility)
    {
        var engine = spec.Trim().StartsWith(LevelPlayerFactory.Prefix, StringComparison.OrdinalIgnoreCase)
            ? LevelPlayerFactory.Create(spec.Trim(), boardSize, threads: Math.Max(1, Environment.ProcessorCount))
            : EngineSpec.Create(spec, defaultVisits, scoreUtility: scoreUtility);
        if (engine is ModelPlayerFactory { FixedBoardSize: int fixedSize } && fixedSize != boardSize)
        {
            engine.Dispose();
            throw new ArgumentException($"{spec} is a Leela Zero network, which plays only {fixedSize}x{fixedSize}; use --size {fixedSize}");
        }

        return engine;
    }
}
