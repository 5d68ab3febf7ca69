using System.Text;
using SkiaSharp;

namespace ZeroGo.Desktop.Rendering;

/// <summary>
/// Draws and measures text in any script: runs of characters the main typeface lacks (Chinese, Japanese, Korean …)
/// are drawn with a fallback typeface found through fontconfig (Noto Sans CJK when installed). Not thread-safe:
/// one instance per rendering thread.
/// </summary>
public sealed class TextRenderer : IDisposable
{
    private static readonly string[] CjkFamilies = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR"];

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly SKTypeface? _cjk;
    private readonly Dictionary<int, SKTypeface> _fallbackByCodepoint = [];
    private readonly SKFont _font = new() { Subpixel = true, Edging = SKFontEdging.SubpixelAntialias };

    public TextRenderer()
    {
        _regular = Match("DejaVu Sans", SKFontStyle.Normal);
        _bold = Match("DejaVu Sans", SKFontStyle.Bold);
        foreach (var family in CjkFamilies)
        {
            var typeface = SKFontManager.Default.MatchFamily(family, SKFontStyle.Normal);
            if (typeface is not null && typeface.ContainsGlyph('囲'))
            {
                _cjk = typeface;
                break;
            }
        }
    }

    /// <summary>Family name of the typeface used for CJK text (null when no such font is installed).</summary>
    public string? CjkFamily => _cjk?.FamilyName;

    public SKTypeface Regular => _regular;

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/> pixels.</summary>
    public float Measure(string text, float size, bool bold = false)
    {
        float width = 0;
        foreach (var (run, typeface) in Runs(text, bold))
        {
            _font.Typeface = typeface;
            _font.Size = size;
            width += _font.MeasureText(run);
        }

        return width;
    }

    /// <summary>Draws one line; <paramref name="y"/> is the baseline, <paramref name="align"/> places it around x.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color,
        SKTextAlign align = SKTextAlign.Left, bool bold = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        float width = align == SKTextAlign.Left ? 0 : Measure(text, size, bold);
        float start = align switch
        {
            SKTextAlign.Center => x - width / 2,
            SKTextAlign.Right => x - width,
            _ => x,
        };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var (run, typeface) in Runs(text, bold))
        {
            _font.Typeface = typeface;
            _font.Size = size;
            canvas.DrawText(run, start, y, SKTextAlign.Left, _font, paint);
            start += _font.MeasureText(run);
        }
    }

    /// <summary>Draws text centred on (x, y) both ways (labels on stones).</summary>
    public void DrawCentered(SKCanvas canvas, string text, float x, float y, float size, SKColor color, bool bold = false)
    {
        _font.Typeface = bold ? _bold : _regular;
        _font.Size = size;
        var metrics = _font.Metrics;
        float baseline = y - (metrics.Ascent + metrics.Descent) / 2;
        Draw(canvas, text, x, baseline, size, color, SKTextAlign.Center, bold);
    }

    /// <summary>Ascent-to-descent height of a line at <paramref name="size"/>, for stacking lines.</summary>
    public float LineHeight(float size) => size * 1.3f;

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>: at spaces where possible,
    /// between any two characters of CJK text (which has no spaces), and at explicit newlines.
    /// </summary>
    public List<string> Wrap(string text, float size, float maxWidth, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new StringBuilder();
            int lastBreak = -1;
            var elements = System.Globalization.StringInfo.GetTextElementEnumerator(paragraph);
            while (elements.MoveNext())
            {
                string element = elements.GetTextElement();
                line.Append(element);
                if (Measure(line.ToString(), size, bold) <= maxWidth || line.Length == element.Length)
                {
                    if (element == " " || IsWide(element))
                    {
                        lastBreak = line.Length;
                    }

                    continue;
                }

                // Too wide: cut at the last break opportunity, or just before this character.
                int cut = lastBreak > 0 ? lastBreak : line.Length - element.Length;
                lines.Add(line.ToString(0, cut).TrimEnd());
                string rest = line.ToString(cut, line.Length - cut).TrimStart();
                line.Clear().Append(rest);
                lastBreak = -1;
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    private static bool IsWide(string element) => element.Length > 0 && element[0] >= 0x2E80;

    private IEnumerable<(string Run, SKTypeface Typeface)> Runs(string text, bool bold)
    {
        var main = bold ? _bold : _regular;
        var run = new StringBuilder();
        SKTypeface? current = null;
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            int codepoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i)
                : char.IsSurrogate(text[i]) ? 0xFFFD : text[i];
            var typeface = TypefaceFor(codepoint, main);
            if (current is not null && !ReferenceEquals(typeface, current))
            {
                yield return (run.ToString(), current);
                run.Clear();
            }

            current = typeface;
            run.Append(char.ConvertFromUtf32(codepoint));
        }

        if (current is not null && run.Length > 0)
        {
            yield return (run.ToString(), current);
        }
    }

    private SKTypeface TypefaceFor(int codepoint, SKTypeface main)
    {
        if (codepoint < 0x2E80 && main.ContainsGlyph(codepoint))
        {
            return main;
        }

        if (_cjk is not null && _cjk.ContainsGlyph(codepoint))
        {
            return _cjk;
        }

        if (main.ContainsGlyph(codepoint))
        {
            return main;
        }

        if (!_fallbackByCodepoint.TryGetValue(codepoint, out var fallback))
        {
            fallback = SKFontManager.Default.MatchCharacter(codepoint) ?? main;
            _fallbackByCodepoint[codepoint] = fallback;
        }

        return fallback;
    }

    private static SKTypeface Match(string family, SKFontStyle style) =>
        SKFontManager.Default.MatchFamily(family, style) ?? SKTypeface.CreateDefault();

    public void Dispose()
    {
        _font.Dispose();
    }
}
