using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;
using SkiaSharp;

namespace ZeroGo.Desktop.Rendering;

/// <summary>
/// An animated GIF built frame by frame from headless renders and written once at the end. SkiaSharp cannot encode
/// GIF, so the frames go to ImageSharp's encoder (used for encoding our own pictures only, never to decode files).
/// Each frame gets its own 256-colour palette (the first position of a game may have no white stone at all) and is
/// quantized without dithering, so stones keep flat colours. After the first frame only the pixels that changed are
/// stored; the rest are transparent over the previous frame, which stays (disposal "do not dispose"). A move changes
/// a few stones and panel lines, so a 200-move replay takes about as much room as a handful of full frames.
/// </summary>
public sealed class GifAnimation : IDisposable
{
    /// <summary>The shortest delay browsers honour; shorter ones are shown at 100 ms by most of them.</summary>
    public const int MinDelayMs = 20;

    /// <summary>The longest delay a GIF frame can hold (65535 hundredths of a second).</summary>
    public const int MaxDelayMs = 655_350;

    private Image<Rgba32>? _image;
    private Rgba32[]? _previous;

    public GifAnimation(int width, int height)
    {
        if (width < 16 || height < 16 || width > 8192 || height > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"GIF size {width}x{height} is outside 16..8192");
        }

        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public int FrameCount => _image?.Frames.Count ?? 0;

    /// <summary>
    /// Appends <paramref name="frame"/> (opaque, of this animation's size), shown for <paramref name="delayMs"/>
    /// milliseconds.
    /// </summary>
    public void AddFrame(SKBitmap frame, int delayMs)
    {
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"frame is {frame.Width}x{frame.Height}, the animation {Width}x{Height}", nameof(frame));
        }

        if (delayMs is < MinDelayMs or > MaxDelayMs)
        {
            throw new ArgumentOutOfRangeException(nameof(delayMs), $"frame delay {delayMs} ms is outside {MinDelayMs}..{MaxDelayMs}");
        }

        using var rgba = frame.ColorType == SKColorType.Rgba8888 ? null : frame.Copy(SKColorType.Rgba8888);
        var pixels = MemoryMarshal.Cast<byte, Rgba32>((rgba ?? frame).GetPixelSpan());
        ImageFrame<Rgba32> added;
        if (_image is null || _previous is null)
        {
            _image = Image.LoadPixelData(pixels, Width, Height);
            _previous = pixels.ToArray();
            added = _image.Frames.RootFrame;
        }
        else
        {
            added = _image.Frames.AddFrame(ChangedPixels(pixels, _previous));
        }

        var metadata = added.Metadata.GetGifMetadata();
        metadata.FrameDelay = (int)Math.Round(delayMs / 10.0);
        metadata.DisposalMethod = GifDisposalMethod.NotDispose;
    }

    /// <summary>
    /// The pixels of <paramref name="current"/> that differ from <paramref name="previous"/>, the others transparent
    /// (all zero: the colour the GIF encoder takes as its transparent index); <paramref name="previous"/> becomes
    /// <paramref name="current"/>. Opaque frames never have an all-zero pixel of their own.
    /// </summary>
    private static Rgba32[] ChangedPixels(ReadOnlySpan<Rgba32> current, Rgba32[] previous)
    {
        var changed = new Rgba32[current.Length];
        for (int i = 0; i < current.Length; i++)
        {
            if (current[i] != previous[i])
            {
                changed[i] = current[i];
                previous[i] = current[i];
            }
        }

        return changed;
    }

    /// <summary>Writes the animation (looping forever) to <paramref name="path"/>, creating folders as needed.</summary>
    public void Save(string path)
    {
        if (_image is null)
        {
            throw new InvalidOperationException("the animation has no frames");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _image.Metadata.GetGifMetadata().RepeatCount = 0;
        var encoder = new GifEncoder
        {
            ColorTableMode = GifColorTableMode.Local,
            Quantizer = new WuQuantizer(new QuantizerOptions { Dither = null, MaxColors = 256 }),
        };
        using var stream = File.Create(path);
        _image.SaveAsGif(stream, encoder);
    }

    public void Dispose()
    {
        _image?.Dispose();
        _image = null;
        _previous = null;
    }
}
