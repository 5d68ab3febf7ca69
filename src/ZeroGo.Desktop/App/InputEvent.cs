namespace ZeroGo.Desktop.App;

/// <summary>Input the screens understand, independent of SDL (tests feed these directly).</summary>
public abstract record InputEvent;

public sealed record MouseMoved(float X, float Y) : InputEvent;

/// <summary>The pointer left the window (hide the ghost stone).</summary>
public sealed record MouseLeft : InputEvent;

/// <summary>A click; <see cref="Button"/> 1 = left, 2 = middle, 3 = right.</summary>
public sealed record MouseClicked(float X, float Y, int Button) : InputEvent;

/// <summary>Wheel turned: positive = away from the user (up).</summary>
public sealed record WheelTurned(int Delta, float X, float Y) : InputEvent;

/// <summary>
/// A key: <see cref="Name"/> is a lower-case letter or digit ("a", "7"), or one of "left", "right", "up", "down",
/// "home", "end", "pageup", "pagedown", "space", "escape", "enter", "tab", "backspace", "delete", "f1".."f12".
/// </summary>
public sealed record KeyPressed(string Name, bool Ctrl = false, bool Shift = false) : InputEvent;

public sealed record FileDropped(string Path) : InputEvent;

/// <summary>Text typed with the keyboard (SDL text input: layout, shift and compose applied), for text fields.</summary>
public sealed record TextTyped(string Text) : InputEvent;

public sealed record WindowResized(int Width, int Height) : InputEvent;

public sealed record QuitRequested : InputEvent;
