using SkiaSharp;

namespace ZeroGo.Desktop.Rendering;

/// <summary>Draws a scene headless into an opaque bitmap and writes it as PNG (no display needed).</summary>
public static class PngExport
{
    /// <summary>
    /// Renders one frame of <paramref name="width"/> × <paramref name="height"/> pixels, with <paramref name="scene"/>
    /// when given (an animation draws many frames with one renderer and its fonts), else with a new one.
    /// </summary>
    public static SKBitmap Render(int width, int height, BoardView board, PanelView? panel, SceneRenderer? scene = null)
    {
        if (width < 16 || height < 16 || width > 8192 || height > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}x{height} is outside 16..8192");
        }

        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        if (scene is not null)
        {
            scene.Draw(canvas, width, height, board, panel);
        }
        else
        {
            using var text = new TextRenderer();
            new SceneRenderer(text).Draw(canvas, width, height, board, panel);
        }

        canvas.Flush();
        return bitmap;
    }

    /// <summary>Writes <paramref name="bitmap"/> to <paramref name="path"/> as PNG (folders created as needed).</summary>
    public static void Save(SKBitmap bitmap, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var stream = File.Create(path);
        data.SaveTo(stream);
    }
}
