using SkiaSharp;

namespace ZeroGo.Desktop.Rendering;

/// <summary>The colours of the board, its stones and marks (a light wooden board, as players know it).</summary>
public static class BoardTheme
{
    public static readonly SKColor Background = new(0x2A, 0x2D, 0x33);
    public static readonly SKColor WoodLight = new(0xF0, 0xD0, 0x92);
    public static readonly SKColor WoodDark = new(0xDE, 0xB0, 0x68);
    public static readonly SKColor Grain = new(0x9A, 0x64, 0x28);
    public static readonly SKColor Line = new(0x2E, 0x20, 0x10, 0xE6);
    public static readonly SKColor Coordinate = new(0x4A, 0x36, 0x1E, 0xE0);
    public static readonly SKColor BlackStoneLight = new(0x60, 0x60, 0x66);
    public static readonly SKColor BlackStoneMid = new(0x1E, 0x1E, 0x22);
    public static readonly SKColor BlackStoneDark = new(0x06, 0x06, 0x08);
    public static readonly SKColor WhiteStoneLight = new(0xFF, 0xFF, 0xFF);
    public static readonly SKColor WhiteStoneMid = new(0xF2, 0xF0, 0xEA);
    public static readonly SKColor WhiteStoneDark = new(0xC4, 0xC0, 0xB4);
    public static readonly SKColor WhiteStoneEdge = new(0x70, 0x6A, 0x5E, 0x90);
    public static readonly SKColor LastMoveOnBlack = new(0xF2, 0xF2, 0xF2);
    public static readonly SKColor LastMoveOnWhite = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Highlight = new(0xFF, 0x3B, 0x6B);
    public static readonly SKColor IllegalMark = new(0xD0, 0x20, 0x20, 0xE0);

    /// <summary>Candidate colour by how much win rate it gives up against the best (KaTrain's traffic lights).</summary>
    public static SKColor CandidateColor(bool best, double winRateLoss)
    {
        if (best)
        {
            return new SKColor(0x2E, 0xA8, 0xFF, 0xE0);
        }

        return winRateLoss switch
        {
            < 0.02 => new SKColor(0x3C, 0xC0, 0x56, 0xD8),
            < 0.05 => new SKColor(0xA6, 0xD0, 0x3A, 0xD8),
            < 0.10 => new SKColor(0xF0, 0xC8, 0x20, 0xD8),
            < 0.20 => new SKColor(0xF0, 0x84, 0x24, 0xD8),
            _ => new SKColor(0xE0, 0x38, 0x30, 0xD8),
        };
    }

    /// <summary>A heat colour for 0..1 (blue → green → yellow → red).</summary>
    public static SKColor Heat(float value, byte alpha)
    {
        value = Math.Clamp(value, 0, 1);
        float hue = 240 * (1 - value);
        return SKColor.FromHsv(hue, 85, 100).WithAlpha(alpha);
    }

    private static readonly byte[] ViridisStops =
    [
        0x44, 0x01, 0x54, 0x3B, 0x52, 0x8B, 0x21, 0x90, 0x8C, 0x5D, 0xC8, 0x63, 0xFD, 0xE7, 0x25,
    ];

    /// <summary>A perceptual ramp (dark purple → teal → yellow) for activations in the layers view.</summary>
    public static SKColor Viridis(float value, byte alpha)
    {
        var stops = ViridisStops;
        value = Math.Clamp(value, 0, 1) * 4;
        int i = Math.Min(3, (int)value);
        float t = value - i;
        byte Lerp(int channel) => (byte)(stops[i * 3 + channel] + (stops[(i + 1) * 3 + channel] - stops[i * 3 + channel]) * t);
        return new SKColor(Lerp(0), Lerp(1), Lerp(2), alpha);
    }
}
