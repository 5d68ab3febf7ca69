using System.Runtime.InteropServices;

namespace ZeroGo.Desktop.Sdl;

/// <summary>
/// The few SDL2 functions the board needs, bound to the system's libSDL2-2.0.so.0 (Debian package
/// libsdl2-2.0-0). SDL itself is not thread-safe: call these from the window thread only, except
/// <see cref="SDL_PushEvent"/>, which SDL allows from any thread.
/// </summary>
internal static unsafe class Sdl
{
    private const string Library = "libSDL2-2.0.so.0";

    public const uint InitVideo = 0x00000020;
    public const uint InitEvents = 0x00004000;
    public const uint WindowShown = 0x00000004;
    public const uint WindowResizable = 0x00000020;
    public const int WindowPosCentered = 0x2FFF0000;
    public const uint PixelFormatArgb8888 = 0x16362004;
    public const int TextureAccessStreaming = 1;

    public const uint EventQuit = 0x100;
    public const uint EventWindow = 0x200;
    public const uint EventKeyDown = 0x300;
    public const uint EventTextInput = 0x303;
    public const uint EventMouseMotion = 0x400;
    public const uint EventMouseButtonDown = 0x401;
    public const uint EventMouseButtonUp = 0x402;
    public const uint EventMouseWheel = 0x403;
    public const uint EventDropFile = 0x1000;
    public const uint EventUser = 0x8000;

    public const byte WindowEventExposed = 3;
    public const byte WindowEventResized = 5;
    public const byte WindowEventSizeChanged = 6;
    public const byte WindowEventLeave = 11;
    public const byte WindowEventClose = 14;

    public const ushort ModShift = 0x0003;
    public const ushort ModCtrl = 0x00C0;

    /// <summary>SDL_Event: a 56-byte union; the fields the board reads, at their C offsets (x86-64).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 56)]
    public struct Event
    {
        [FieldOffset(0)] public uint Type;
        [FieldOffset(12)] public byte WindowEvent;     // SDL_WindowEvent.event
        [FieldOffset(16)] public int WindowData1;      // SDL_WindowEvent.data1
        [FieldOffset(20)] public int WindowData2;      // SDL_WindowEvent.data2
        [FieldOffset(13)] public byte KeyRepeat;       // SDL_KeyboardEvent.repeat
        [FieldOffset(20)] public int KeySym;           // SDL_KeyboardEvent.keysym.sym
        [FieldOffset(24)] public ushort KeyMod;        // SDL_KeyboardEvent.keysym.mod
        [FieldOffset(20)] public int MotionX;          // SDL_MouseMotionEvent.x
        [FieldOffset(24)] public int MotionY;
        [FieldOffset(16)] public byte Button;          // SDL_MouseButtonEvent.button
        [FieldOffset(18)] public byte Clicks;
        [FieldOffset(20)] public int ButtonX;
        [FieldOffset(24)] public int ButtonY;
        [FieldOffset(16)] public int WheelX;           // SDL_MouseWheelEvent.x
        [FieldOffset(20)] public int WheelY;
        [FieldOffset(24)] public uint WheelDirection;
        [FieldOffset(8)] public IntPtr DropFile;       // SDL_DropEvent.file (free with SDL_free)
        [FieldOffset(12)] public fixed byte Text[32];  // SDL_TextInputEvent.text: UTF-8, zero-terminated
    }

    [DllImport(Library)] public static extern int SDL_Init(uint flags);

    [DllImport(Library)] public static extern void SDL_Quit();

    [DllImport(Library)] public static extern IntPtr SDL_GetError();

    [DllImport(Library)]
    public static extern int SDL_SetHint([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value);

    [DllImport(Library)]
    public static extern IntPtr SDL_CreateWindow([MarshalAs(UnmanagedType.LPUTF8Str)] string title, int x, int y, int w, int h, uint flags);

    [DllImport(Library)]
    public static extern void SDL_SetWindowTitle(IntPtr window, [MarshalAs(UnmanagedType.LPUTF8Str)] string title);

    [DllImport(Library)] public static extern void SDL_SetWindowMinimumSize(IntPtr window, int w, int h);

    [DllImport(Library)] public static extern void SDL_DestroyWindow(IntPtr window);

    [DllImport(Library)] public static extern void SDL_GetWindowSize(IntPtr window, out int w, out int h);

    [DllImport(Library)] public static extern IntPtr SDL_CreateRenderer(IntPtr window, int index, uint flags);

    [DllImport(Library)] public static extern void SDL_DestroyRenderer(IntPtr renderer);

    [DllImport(Library)] public static extern int SDL_GetRendererOutputSize(IntPtr renderer, out int w, out int h);

    [DllImport(Library)] public static extern IntPtr SDL_CreateTexture(IntPtr renderer, uint format, int access, int w, int h);

    [DllImport(Library)] public static extern void SDL_DestroyTexture(IntPtr texture);

    [DllImport(Library)] public static extern int SDL_UpdateTexture(IntPtr texture, IntPtr rect, IntPtr pixels, int pitch);

    [DllImport(Library)] public static extern int SDL_RenderClear(IntPtr renderer);

    [DllImport(Library)] public static extern int SDL_RenderCopy(IntPtr renderer, IntPtr texture, IntPtr source, IntPtr destination);

    [DllImport(Library)] public static extern void SDL_RenderPresent(IntPtr renderer);

    [DllImport(Library)] public static extern int SDL_PollEvent(out Event e);

    [DllImport(Library)] public static extern int SDL_WaitEventTimeout(out Event e, int timeoutMs);

    [DllImport(Library)] public static extern int SDL_PushEvent(ref Event e);

    [DllImport(Library)] public static extern void SDL_free(IntPtr memory);

    [DllImport(Library)] public static extern uint SDL_EventState(uint type, int state);

    [DllImport(Library)] public static extern void SDL_StartTextInput();

    public static string Error() => Marshal.PtrToStringUTF8(SDL_GetError()) ?? "unknown SDL error";
}
