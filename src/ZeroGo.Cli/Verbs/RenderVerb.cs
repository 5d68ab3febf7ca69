using System.CommandLine;
using System.Globalization;
using ZeroGo.Cli.Engine;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Desktop.Replay;
using ZeroGo.Formats;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Neural.Files;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo render FILE.sgf --move N -o out.png</c>: the replay picture drawn headless to an opaque PNG (no display
/// needed), for docs, tests and sharing; <c>--gif out.gif [--from N] [--to M] [--delay MS]</c> animates the main line.
/// </summary>
internal static class RenderVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The SGF record." };
        var move = new Option<int?>("--move") { Description = "Show the position after this move, marked (default: the last move)." };
        var output = new Option<string?>("-o", "--output") { Description = "PNG file to write." };
        var gif = new Option<string?>("--gif") { Description = "Animated GIF of the main line to write (instead of or beside -o): one frame per move." };
        var from = new Option<int>("--from") { Description = "--gif: first position, after this move (0 = the start).", DefaultValueFactory = _ => 0 };
        var to = new Option<int?>("--to") { Description = "--gif: last position, after this move (default: the last move)." };
        var delay = new Option<int>("--delay") { Description = "--gif: milliseconds per move (the last frame stays 4 times longer).", DefaultValueFactory = _ => 600 };
        var overlay = new Option<string>("--overlay") { Description = "none, policy, ownership or candidates (policy/ownership/candidates run a short search).", DefaultValueFactory = _ => "none" };
        var size = new Option<int?>("--size") { Description = "Image height in pixels, at least 400 (default 800 for the PNG, 400 for the GIF); the width adds the side panel." };
        var boardOnly = new Option<bool>("--board-only") { Description = "Only the board (a square image), no side panel." };
        var review = new Option<bool>("--review") { Description = "Analyse the positions before and after the move: its surprise and win rates in the panel." };
        var visits = new Option<int>("--visits") { Description = "Visits of the search behind an overlay.", DefaultValueFactory = _ => 400 };
        var model = new Option<string?>("--model") { Description = "Network file for overlays (ZeroGo model or Leela Zero weights); default: the bundled network for the board size, else random rollouts." };
        var engine = new Option<string>("--engine") { Description = EngineChoice.Help, DefaultValueFactory = _ => EngineChoice.Auto };
        var command = new Command("render", "Draw a position of a record to a PNG, or its moves to an animated GIF (headless).")
        {
            file, move, output, gif, from, to, delay, overlay, size, boardOnly, review, visits, model, engine,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            string? target = parse.GetValue(output);
            string? gifTarget = parse.GetValue(gif);
            string overlayName = parse.GetValue(overlay)!.Trim().ToLowerInvariant();
            int height = parse.GetValue(size) ?? 800;
            int gifHeight = parse.GetValue(size) ?? 400;
            bool analyses = overlayName != "none" || parse.GetValue(review);
            string? error = target is null && gifTarget is null ? "give -o FILE.png, --gif FILE.gif or both"
                : height is < 400 or > 8000 ? $"--size must be 400..8000 pixels (got {height})"
                : gifTarget is not null && gifHeight > 2000 ? $"--size must be at most 2000 pixels for --gif (got {gifHeight})"
                : gifTarget is not null && analyses && target is null ? "--gif draws the record without analysis: --overlay and --review go with -o only"
                : overlayName is not ("none" or "policy" or "ownership" or "candidates") ? $"--overlay must be none, policy, ownership or candidates (got '{overlayName}')"
                : parse.GetValue(visits) < 1 ? "--visits must be positive"
                : EngineChoice.Check(parse.GetValue(engine)!, parse.GetValue(model)) is { } engineError ? engineError
                : null;
            if (error is not null)
            {
                return UsageError.Report("render", error);
            }

            try
            {
                var record = GameRecord.Load(path);
                bool withPanel = !parse.GetValue(boardOnly);
                if (gifTarget is not null)
                {
                    var animation = new ReplayAnimationOptions(parse.GetValue(from), parse.GetValue(to) ?? record.MoveCount, parse.GetValue(delay), gifHeight, withPanel);
                    if (animation.Check(record) is { } animationError)
                    {
                        return UsageError.Report("render", animationError);
                    }

                    WriteGif(record, gifTarget, animation);
                }

                if (target is null)
                {
                    return 0;
                }

                int moveNumber = parse.GetValue(move) ?? record.MoveCount;
                if (moveNumber < 0 || moveNumber > record.MoveCount)
                {
                    return UsageError.Report("render", $"--move {moveNumber} is outside 0..{record.MoveCount} (the record has {record.MoveCount} moves)");
                }

                bool wantsReview = parse.GetValue(review);
                using var engineInUse = overlayName == "none" && !wantsReview
                    ? null
                    : DesktopEngine.Create(parse.GetValue(engine)!, parse.GetValue(model), record.Geometry, Environment.ProcessorCount);
                var source = engineInUse?.Source;
                using var screen = new ReplayScreen(new ReplayController(record, source, parse.GetValue(visits), moveNumber))
                {
                    ShowCandidates = overlayName == "candidates",
                    Heat = overlayName switch
                    {
                        "policy" => HeatOverlay.Policy,
                        "ownership" => HeatOverlay.Ownership,
                        _ => HeatOverlay.None,
                    },
                };
                if (source is not null)
                {
                    Console.Error.WriteLine($"zerogo render: analysing move {moveNumber} with {source.Name} ({parse.GetValue(visits)} visits) ...");
                    if (wantsReview)
                    {
                        screen.Controller.ReviewCurrentMove();
                        if (MovePriorLine(screen.Controller, moveNumber) is { } line)
                        {
                            Console.WriteLine(line);
                        }
                    }

                    if (overlayName != "none")
                    {
                        screen.Controller.AnalyseCurrent();
                    }
                }

                var (board, panel) = screen.BuildFrame();
                int width = withPanel ? (int)Math.Round(height * 1.5) : height;
                if (!withPanel)
                {
                    panel = null!;
                }

                using var bitmap = PngExport.Render(width, height, board, withPanel ? panel : null);
                PngExport.Save(bitmap, target);
                Console.WriteLine($"wrote {target} ({width}x{height}, move {moveNumber} of {record.MoveCount})");
                return 0;
            }
            catch (Exception e) when (e is SgfException or IOException or UnauthorizedAccessException or InvalidOperationException or ModelFileException or FormatException)
            {
                Console.Error.WriteLine($"zerogo render: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// "move 37 (B P10): prior 0.0213 %, rank 63; AlphaGo's policy network: 1 in 10,000 (0.01 %)": the reviewed
    /// move's prior for scripts and readers of the terminal; null where there is no move or no prior.
    /// </summary>
    private static string? MovePriorLine(ReplayController controller, int moveNumber)
    {
        var before = controller.Review[moveNumber - 1];   // null before the first move
        if (before is null || double.IsNaN(before.NextPrior) || controller.Record.MoveIn(controller.Node) is not { } played)
        {
            return null;
        }

        string vertex = GtpVertex.Format(played.Move, controller.Record.Geometry);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"move {moveNumber} ({played.Color.Letter()} {vertex}): prior {before.NextPrior * 100:0.####} %, rank {before.NextPriorRank}");
        return controller.PublishedPriorOfShownMove() is { } known
            ? string.Create(CultureInfo.InvariantCulture, $"{line}; {known.Program}: {known.Spoken} ({known.Prior * 100:0.####} %)")
            : line;
    }

    /// <summary>Writes the animation with a progress line (frames, rate, time left) on stderr.</summary>
    private static void WriteGif(GameRecord record, string target, ReplayAnimationOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        int frames = ReplayAnimation.WriteGif(record, target, options, (done, total) =>
        {
            if (done < total && clock.Elapsed - lastReport < TimeSpan.FromSeconds(1))
            {
                return;
            }

            lastReport = clock.Elapsed;
            double rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"zerogo render: frame {done}/{total} · {rate:0.0} frames/s · about {(total - done) / rate:0} s left"));
        });
        long bytes = new FileInfo(target).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {target} ({options.Width}x{options.Height}, {frames} frames: moves {options.From}..{options.To} of {record.MoveCount}, {bytes / 1024.0 / 1024.0:0.00} MiB, {clock.Elapsed.TotalSeconds:0.0} s)"));
    }
}
