using System.Diagnostics;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Desktop.Sdl;

namespace ZeroGo.Desktop.App;

/// <summary>Counts how much the loop drew, so tests and <c>--stats</c> can show that an idle board draws nothing.</summary>
public sealed record LoopStatistics(long Frames, long Wakeups, TimeSpan Elapsed, TimeSpan DrawTime);

/// <summary>
/// The render loop, in Raylib's spirit: poll input, update, draw, every iteration on one thread. Unlike a game it
/// redraws only when input or background work changed something, and otherwise sleeps in SDL_WaitEventTimeout,
/// so an idle board uses no CPU and the search keeps both cores.
/// </summary>
public sealed class DesktopApp
{
    private const int IdleWaitMs = 1000;

    public static LoopStatistics Run(IScreen screen, int width = 1200, int height = 800)
    {
        using var window = new SdlWindow(screen.Title, width, height);
        using var text = new TextRenderer();
        var scene = new SceneRenderer(text);
        screen.Wake = window.Wake;
        SceneLayout? layout = null;
        bool dirty = true;
        string title = screen.Title;
        long frames = 0, wakeups = 0;
        var clock = Stopwatch.StartNew();
        var drawTime = TimeSpan.Zero;
        while (!screen.WantsQuit)
        {
            int wait = dirty ? 0 : screen.NextUpdate is { } next ? (int)Math.Clamp(next.TotalMilliseconds, 1, IdleWaitMs) : IdleWaitMs;
            foreach (var input in window.WaitEvents(wait))
            {
                if (input is WindowResized)
                {
                    dirty = true;
                    continue;
                }

                if (input is QuitRequested)
                {
                    screen.Handle(input, layout);
                    break;
                }

                dirty |= screen.Handle(input, layout);
            }

            wakeups++;
            dirty |= screen.Update(DateTime.UtcNow);
            if (screen.WantsQuit)
            {
                break;
            }

            if (screen.Title != title)
            {
                title = screen.Title;
                window.Title = title;
            }

            if (dirty)
            {
                var started = clock.Elapsed;
                var (board, panel) = screen.BuildFrame();
                window.Present((canvas, w, h) => layout = scene.Draw(canvas, w, h, board, panel));
                drawTime += clock.Elapsed - started;
                frames++;
                dirty = false;
            }
        }

        return new LoopStatistics(frames, wakeups, clock.Elapsed, drawTime);
    }
}
