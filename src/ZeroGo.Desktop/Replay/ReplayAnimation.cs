using ZeroGo.Desktop.Rendering;

namespace ZeroGo.Desktop.Replay;

/// <summary>What part of a record an animated replay shows, and how.</summary>
/// <param name="From">First position shown: after this move (0 = the start, setup and handicap stones).</param>
/// <param name="To">Last position shown: after this move.</param>
/// <param name="DelayMs">How long each move stays.</param>
/// <param name="Height">Frame height in pixels; with the panel the frame is 1.5 times as wide, else square.</param>
/// <param name="WithPanel">Draw the side panel (players, move number, comments) beside the board.</param>
public sealed record ReplayAnimationOptions(int From, int To, int DelayMs = 600, int Height = 400, bool WithPanel = true)
{
    /// <summary>The last frame stays this many times longer, so a looping GIF pauses on the final position.</summary>
    public const int FinalHoldFactor = 4;

    /// <summary>The longest delay per move (a minute; the final hold is then still within what a GIF can store).</summary>
    public const int MaxDelayMs = 60_000;

    public int Width => WithPanel ? (int)Math.Round(Height * 1.5) : Height;

    /// <summary>Why these options cannot animate <paramref name="record"/>, or null when they can.</summary>
    public string? Check(GameRecord record)
    {
        int moves = record.MoveCount;
        return From < 0 || From > moves ? $"--from {From} is outside 0..{moves} (the record has {moves} moves)"
            : To < From || To > moves ? $"--to {To} is outside {From}..{moves} (the record has {moves} moves)"
            : DelayMs is < GifAnimation.MinDelayMs or > MaxDelayMs ? $"--delay must be {GifAnimation.MinDelayMs}..{MaxDelayMs} ms (got {DelayMs})"
            : Height is < 100 or > 2000 ? $"the frame height must be 100..2000 pixels (got {Height})"
            : null;
    }
}

/// <summary>
/// A replay of a record's main line as an animated GIF: one frame per position from <c>From</c> to <c>To</c>, each
/// drawn as <c>zerogo render</c> draws it (last move marked, panel with players, move and comment), headless.
/// </summary>
public static class ReplayAnimation
{
    /// <summary>
    /// Draws the frames and writes the GIF to <paramref name="path"/>; <paramref name="progress"/> hears (frames done,
    /// frames in all) after each frame. Returns the number of frames. Throws <see cref="ArgumentException"/> for
    /// options that do not fit the record (see <see cref="ReplayAnimationOptions.Check"/>).
    /// </summary>
    public static int WriteGif(GameRecord record, string path, ReplayAnimationOptions options, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        if (options.Check(record) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        int total = options.To - options.From + 1;
        // Start at move 0 so that no frame carries the "Move N" highlight ring of a chosen move.
        using var screen = new ReplayScreen(new ReplayController(record, source: null, visits: 1, startMove: 0));
        using var text = new TextRenderer();
        var scene = new SceneRenderer(text);
        using var gif = new GifAnimation(options.Width, options.Height);
        for (int move = options.From; move <= options.To; move++)
        {
            cancel.ThrowIfCancellationRequested();
            screen.Controller.GoTo(record.NodeAfterMove(move));
            var (board, panel) = screen.BuildFrame();
            using var frame = PngExport.Render(options.Width, options.Height, board, options.WithPanel ? panel : null, scene);
            gif.AddFrame(frame, move == options.To ? options.DelayMs * ReplayAnimationOptions.FinalHoldFactor : options.DelayMs);
            progress?.Invoke(move - options.From + 1, total);
        }

        gif.Save(path);
        return gif.FrameCount;
    }
}
