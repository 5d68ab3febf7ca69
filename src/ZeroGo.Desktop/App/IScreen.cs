using ZeroGo.Desktop.Rendering;

namespace ZeroGo.Desktop.App;

/// <summary>
/// One mode of the window (play, replay). The loop calls everything here on the window thread: input first, then
/// <see cref="Update"/>, then (only if something changed) <see cref="BuildFrame"/> and draws it.
/// </summary>
public interface IScreen : IDisposable
{
    /// <summary>Window title for the current state.</summary>
    string Title { get; }

    /// <summary>Handles one input event; <paramref name="layout"/> is where the last frame put things.</summary>
    /// <returns>True when the picture changed.</returns>
    bool Handle(InputEvent input, SceneLayout? layout);

    /// <summary>Applies news from background work (a search result, autoplay); true when the picture changed.</summary>
    bool Update(DateTime now);

    /// <summary>
    /// How soon the screen wants <see cref="Update"/> again without input (thinking progress, autoplay, a toast
    /// to fade), or null when it can sleep until the next event.
    /// </summary>
    TimeSpan? NextUpdate { get; }

    /// <summary>True once the user asked to leave.</summary>
    bool WantsQuit { get; }

    /// <summary>What to draw now.</summary>
    (BoardView Board, PanelView Panel) BuildFrame();

    /// <summary>Called by background work to wake the loop (set by the app before the first frame).</summary>
    Action? Wake { get; set; }
}
