using SkiaSharp;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Rendering;

/// <summary>
/// Where the board sits in a rectangle: grid spacing, the first intersection, and the mapping between pixels and
/// points (used for drawing and for mouse hit tests, so both always agree).
/// </summary>
public sealed class BoardLayout
{
    /// <summary>Board margin around the outer lines, in grid spacings, with and without coordinates.</summary>
    private const double MarginWithCoordinates = 1.05;
    private const double MarginPlain = 0.62;

    public BoardLayout(BoardGeometry geometry, SKRect area, bool coordinates)
    {
        Geometry = geometry;
        double margin = coordinates ? MarginWithCoordinates : MarginPlain;
        double spacingX = area.Width / (geometry.Width - 1 + 2 * margin);
        double spacingY = area.Height / (geometry.Height - 1 + 2 * margin);
        Spacing = (float)Math.Max(1, Math.Min(spacingX, spacingY));
        float boardWidth = (float)(Spacing * (geometry.Width - 1 + 2 * margin));
        float boardHeight = (float)(Spacing * (geometry.Height - 1 + 2 * margin));
        float left = MathF.Round(area.Left + (area.Width - boardWidth) / 2);
        float top = MathF.Round(area.Top + (area.Height - boardHeight) / 2);
        BoardRect = new SKRect(left, top, left + boardWidth, top + boardHeight);
        OriginX = left + (float)(margin * Spacing);
        OriginY = top + (float)(margin * Spacing);
    }

    public BoardGeometry Geometry { get; }

    /// <summary>Distance between neighbouring lines in pixels.</summary>
    public float Spacing { get; }

    /// <summary>The wooden board, coordinates included.</summary>
    public SKRect BoardRect { get; }

    /// <summary>Pixel position of the top-left intersection.</summary>
    public float OriginX { get; }

    public float OriginY { get; }

    public float StoneRadius => Spacing * 0.485f;

    public SKPoint Center(int column, int row) => new(OriginX + column * Spacing, OriginY + row * Spacing);

    public SKPoint Center(Point point) => Center(Geometry.ColumnOf(point), Geometry.RowOf(point));

    /// <summary>The nearest intersection to a pixel (each pixel of a cell maps to its point), or Point.None off the grid.</summary>
    public Point PointAt(float x, float y)
    {
        double column = Math.Round((x - OriginX) / Spacing);
        double row = Math.Round((y - OriginY) / Spacing);
        if (!Geometry.Contains((int)column, (int)row))
        {
            return Point.None;
        }

        return Geometry.PointAt((int)column, (int)row);
    }
}
