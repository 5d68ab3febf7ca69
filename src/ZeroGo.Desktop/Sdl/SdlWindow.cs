using System.Runtime.InteropServices;
using SkiaSharp;
using ZeroGo.Desktop.App;

namespace ZeroGo.Desktop.Sdl;

/// <summary>
/// A resizable SDL2 window showing frames drawn with SkiaSharp: each frame goes into an SKSurface whose BGRA
/// pixels are copied into a streaming ARGB8888 texture (the same bytes on little-endian machines) and presented.
/// All methods except <see cref="Wake"/> belong to the thread that created the window.
/// </summary>
public sealed class SdlWindow : IDisposable
{
    private IntPtr _window;
    private IntPtr _renderer;
    private IntPtr _texture;
    private SKSurface? _surface;
    private int _textureWidth;
    private int _textureHeight;

    public SdlWindow(string title, int width, int height)
    {
        if (Environment.GetEnvironmentVariable("DISPLAY") is null && Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is null)
        {
            throw new InvalidOperationException("no display: set DISPLAY (or run under Xvfb) to open the board window");
        }

        try
        {
            if (Sdl.SDL_Init(Sdl.InitVideo | Sdl.InitEvents) != 0)
            {
                throw new InvalidOperationException("SDL_Init failed: " + Sdl.Error());
            }
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException(
                "libSDL2-2.0.so.0 was not found: install it with scripts/setup.sh (Debian package libsdl2-2.0-0)", e);
        }

        Sdl.SDL_SetHint("SDL_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR", "0");
        _window = Sdl.SDL_CreateWindow(title, Sdl.WindowPosCentered, Sdl.WindowPosCentered, width, height,
            Sdl.WindowShown | Sdl.WindowResizable);
        if (_window == IntPtr.Zero)
        {
            throw new InvalidOperationException("SDL_CreateWindow failed: " + Sdl.Error());
        }

        Sdl.SDL_SetWindowMinimumSize(_window, 320, 280);
        _renderer = Sdl.SDL_CreateRenderer(_window, -1, 0);
        if (_renderer == IntPtr.Zero)
        {
            throw new InvalidOperationException("SDL_CreateRenderer failed: " + Sdl.Error());
        }

        Sdl.SDL_EventState(Sdl.EventDropFile, 1);
        // Text events for the in-window prompts (SDL starts them by default on desktops; this says so).
        Sdl.SDL_StartTextInput();
    }

    /// <summary>Drawable size in pixels.</summary>
    public (int Width, int Height) Size
    {
        get
        {
            Sdl.SDL_GetRendererOutputSize(_renderer, out int w, out int h);
            return (Math.Max(1, w), Math.Max(1, h));
        }
    }

    public string Title
    {
        set => Sdl.SDL_SetWindowTitle(_window, value);
    }

    /// <summary>Draws one frame with <paramref name="draw"/> and shows it.</summary>
    public void Present(Action<SKCanvas, int, int> draw)
    {
        var (width, height) = Size;
        EnsureSurface(width, height);
        var canvas = _surface!.Canvas;
        draw(canvas, width, height);
        canvas.Flush();
        using var pixmap = _surface.PeekPixels();
        Sdl.SDL_UpdateTexture(_texture, IntPtr.Zero, pixmap.GetPixels(), pixmap.RowBytes);
        Sdl.SDL_RenderClear(_renderer);
        Sdl.SDL_RenderCopy(_renderer, _texture, IntPtr.Zero, IntPtr.Zero);
        Sdl.SDL_RenderPresent(_renderer);
    }

    private void EnsureSurface(int width, int height)
    {
        if (_surface is not null && width == _textureWidth && height == _textureHeight)
        {
            return;
        }

        _surface?.Dispose();
        if (_texture != IntPtr.Zero)
        {
            Sdl.SDL_DestroyTexture(_texture);
        }

        _texture = Sdl.SDL_CreateTexture(_renderer, Sdl.PixelFormatArgb8888, Sdl.TextureAccessStreaming, width, height);
        if (_texture == IntPtr.Zero)
        {
            throw new InvalidOperationException("SDL_CreateTexture failed: " + Sdl.Error());
        }

        _surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"could not create a {width}x{height} drawing surface");
        _textureWidth = width;
        _textureHeight = height;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for input; returns the events that arrived (maybe none).</summary>
    public List<InputEvent> WaitEvents(int timeoutMs)
    {
        var events = new List<InputEvent>();
        if (Sdl.SDL_WaitEventTimeout(out var e, Math.Max(0, timeoutMs)) == 0)
        {
            return events;
        }

        do
        {
            if (Translate(e) is { } input)
            {
                events.Add(input);
            }
        }
        while (Sdl.SDL_PollEvent(out e) != 0);

        return events;
    }

    /// <summary>Wakes a waiting <see cref="WaitEvents"/> from any thread (e.g. when the search has news).</summary>
    public void Wake()
    {
        var e = new Sdl.Event { Type = Sdl.EventUser };
        Sdl.SDL_PushEvent(ref e);
    }

    internal static unsafe InputEvent? Translate(Sdl.Event e)
    {
        switch (e.Type)
        {
            case Sdl.EventQuit:
                return new QuitRequested();
            case Sdl.EventWindow:
                return e.WindowEvent switch
                {
                    Sdl.WindowEventResized or Sdl.WindowEventSizeChanged => new WindowResized(e.WindowData1, e.WindowData2),
                    Sdl.WindowEventExposed => new WindowResized(0, 0),
                    Sdl.WindowEventLeave => new MouseLeft(),
                    Sdl.WindowEventClose => new QuitRequested(),
                    _ => null,
                };
            case Sdl.EventMouseMotion:
                return new MouseMoved(e.MotionX, e.MotionY);
            case Sdl.EventMouseButtonDown:
                return new MouseClicked(e.ButtonX, e.ButtonY, e.Button);
            case Sdl.EventMouseWheel:
                int delta = e.WheelDirection == 1 ? -e.WheelY : e.WheelY;
                return new WheelTurned(delta, 0, 0);
            case Sdl.EventKeyDown:
                string? name = KeyName(e.KeySym);
                return name is null ? null : new KeyPressed(name, (e.KeyMod & Sdl.ModCtrl) != 0, (e.KeyMod & Sdl.ModShift) != 0);
            case Sdl.EventTextInput:
                var bytes = new ReadOnlySpan<byte>(e.Text, 32);
                int end = bytes.IndexOf((byte)0);
                string text = System.Text.Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
                return text.Length == 0 ? null : new TextTyped(text);
            case Sdl.EventDropFile:
                string? path = Marshal.PtrToStringUTF8(e.DropFile);
                Sdl.SDL_free(e.DropFile);
                return path is null ? null : new FileDropped(path);
            default:
                return null;
        }
    }

    private static string? KeyName(int sym) => sym switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => ((char)sym).ToString(),
        ' ' => "space",
        27 => "escape",
        13 => "enter",
        9 => "tab",
        8 => "backspace",
        127 => "delete",
        '+' or '=' => "plus",
        '-' => "minus",
        '[' => "[",
        ']' => "]",
        0x4000004F => "right",
        0x40000050 => "left",
        0x40000051 => "down",
        0x40000052 => "up",
        0x4000004A => "home",
        0x4000004D => "end",
        0x4000004B => "pageup",
        0x4000004E => "pagedown",
        >= 0x4000003A and <= 0x40000045 => "f" + (sym - 0x4000003A + 1),
        _ => null,
    };

    public void Dispose()
    {
        _surface?.Dispose();
        _surface = null;
        if (_texture != IntPtr.Zero)
        {
            Sdl.SDL_DestroyTexture(_texture);
            _texture = IntPtr.Zero;
        }

        if (_renderer != IntPtr.Zero)
        {
            Sdl.SDL_DestroyRenderer(_renderer);
            _renderer = IntPtr.Zero;
        }

        if (_window != IntPtr.Zero)
        {
            Sdl.SDL_DestroyWindow(_window);
            _window = IntPtr.Zero;
        }

        Sdl.SDL_Quit();
    }
}
