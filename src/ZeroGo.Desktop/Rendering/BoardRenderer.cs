using System.Globalization;
using SkiaSharp;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Rendering;

/// <summary>
/// Draws a <see cref="BoardView"/> onto any SkiaSharp canvas (a window's surface or a PNG): wooden board, grid,
/// star points, coordinates, shaded stones, marks and analysis overlays. Stateless apart from the text renderer,
/// so the same call draws identical pictures on screen and headless. The parts that change only with the window
/// size (wood, grid, coordinates) are drawn once into a cached image. Not thread-safe: one per drawing thread.
/// </summary>
public sealed class BoardRenderer : IDisposable
{
    private const string ColumnLetters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";
    private readonly TextRenderer _text;
    private SKImage? _staticLayer;
    private (SKRect Area, BoardGeometry Geometry, bool Coordinates) _staticKey;

    public BoardRenderer(TextRenderer text) => _text = text;

    /// <summary>Draws the board into <paramref name="area"/> (centred, as large as fits); returns the layout for hit tests.</summary>
    public BoardLayout Draw(SKCanvas canvas, SKRect area, BoardView view)
    {
        var layout = new BoardLayout(view.Geometry, area, view.ShowCoordinates);
        DrawStaticLayer(canvas, area, layout, view.ShowCoordinates);
        if (view.Heat == HeatOverlay.Layers && view.LayerValues is { } layers)
        {
            DrawLayerCells(canvas, layout, layers);
            DrawGrid(canvas, layout);
        }

        if (view.Heat == HeatOverlay.Policy && view.Analysis?.Policy is { } policy)
        {
            DrawPolicy(canvas, layout, view.Board, policy);
        }

        DrawStones(canvas, layout, view);
        if (view.Heat == HeatOverlay.Ownership && view.Analysis?.OwnershipBlack is { } ownership)
        {
            DrawOwnership(canvas, layout, view.Board, ownership);
        }

        if (view.Territory is { } territory)
        {
            DrawTerritory(canvas, layout, territory);
        }

        DrawMarkers(canvas, layout, view);
        if (view.ShowCandidates && view.Analysis is { } analysis)
        {
            DrawCandidates(canvas, layout, view.Board, analysis, view.MaxCandidates);
        }

        if (view.Variation is { Count: > 0 } variation)
        {
            DrawVariation(canvas, layout, view.Board, variation, view.VariationColor);
        }

        if (!view.Ghost.IsNone && view.Geometry.IsOnBoard(view.Ghost))
        {
            DrawGhost(canvas, layout, view);
        }

        if (!view.Highlight.IsNone && view.Geometry.IsOnBoard(view.Highlight))
        {
            DrawHighlight(canvas, layout, view.Highlight, view.HighlightCaption, p => view.Board[p].IsPlayer());
        }

        return layout;
    }

    /// <summary>Wood, grid, star points and coordinates: drawn once per size into an image, then copied.</summary>
    private void DrawStaticLayer(SKCanvas canvas, SKRect area, BoardLayout layout, bool coordinates)
    {
        var key = (area, layout.Geometry, coordinates);
        if (_staticLayer is null || _staticKey != key)
        {
            _staticLayer?.Dispose();
            int width = (int)Math.Ceiling(area.Right) + 1, height = (int)Math.Ceiling(area.Bottom) + 1;
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
            var layer = surface.Canvas;
            layer.Clear(SKColors.Transparent);
            DrawWood(layer, layout);
            DrawGrid(layer, layout);
            if (coordinates)
            {
                DrawCoordinates(layer, layout);
            }

            _staticLayer = surface.Snapshot();
            _staticKey = key;
        }

        canvas.DrawImage(_staticLayer, 0, 0);
    }

    public void Dispose()
    {
        _staticLayer?.Dispose();
        _staticLayer = null;
    }

    private static void DrawWood(SKCanvas canvas, BoardLayout layout)
    {
        var rect = layout.BoardRect;
        float corner = Math.Max(2, layout.Spacing * 0.12f);
        using (var shadow = new SKPaint
        {
            Color = new SKColor(0, 0, 0, 110), IsAntialias = true,
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, Math.Max(1, layout.Spacing * 0.18f)),
        })
        {
            var offset = rect;
            offset.Offset(layout.Spacing * 0.06f, layout.Spacing * 0.12f);
            canvas.DrawRoundRect(offset, corner, corner, shadow);
        }

        using (var wood = new SKPaint { IsAntialias = true })
        {
            wood.Shader = SKShader.CreateLinearGradient(
                new SKPoint(rect.Left, rect.Top), new SKPoint(rect.Right, rect.Bottom),
                [BoardTheme.WoodLight, BoardTheme.WoodDark], SKShaderTileMode.Clamp);
            canvas.DrawRoundRect(rect, corner, corner, wood);
        }

        // Grain: thin wavy lines of varying strength, from a fixed seed so every frame is identical.
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(rect, corner, corner), antialias: true);
        var random = new Random(12345);
        using var grain = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var path = new SKPath();
        int lines = (int)Math.Clamp(rect.Height / 5, 20, 160);
        for (int i = 0; i < lines; i++)
        {
            float y = rect.Top + (float)random.NextDouble() * rect.Height;
            float amplitude = (float)(random.NextDouble() * rect.Height * 0.012);
            float phase = (float)(random.NextDouble() * Math.PI * 2);
            float wavelength = rect.Width * (0.3f + (float)random.NextDouble() * 0.7f);
            path.Reset();
            path.MoveTo(rect.Left, y);
            for (float x = rect.Left; x <= rect.Right + 8; x += 8)
            {
                path.LineTo(x, y + amplitude * MathF.Sin(phase + (x - rect.Left) / wavelength * MathF.PI * 2));
            }

            grain.Color = BoardTheme.Grain.WithAlpha((byte)(6 + random.Next(22)));
            grain.StrokeWidth = 0.6f + (float)random.NextDouble() * Math.Max(1, rect.Height / 400);
            canvas.DrawPath(path, grain);
        }

        canvas.Restore();
    }

    private static float Snap(float value, float width) =>
        width <= 1.5f ? MathF.Floor(value) + 0.5f : MathF.Round(value);

    private static void DrawGrid(SKCanvas canvas, BoardLayout layout)
    {
        var geometry = layout.Geometry;
        float width = Math.Max(1f, MathF.Round(layout.Spacing * 0.03f * 2) / 2);
        using var line = new SKPaint { Color = BoardTheme.Line, StrokeWidth = width, IsAntialias = width > 1.5f, Style = SKPaintStyle.Stroke };
        float left = Snap(layout.OriginX, width), top = Snap(layout.OriginY, width);
        float right = Snap(layout.OriginX + (geometry.Width - 1) * layout.Spacing, width);
        float bottom = Snap(layout.OriginY + (geometry.Height - 1) * layout.Spacing, width);
        for (int column = 0; column < geometry.Width; column++)
        {
            float x = Snap(layout.OriginX + column * layout.Spacing, width);
            canvas.DrawLine(x, top, x, bottom, line);
        }

        for (int row = 0; row < geometry.Height; row++)
        {
            float y = Snap(layout.OriginY + row * layout.Spacing, width);
            canvas.DrawLine(left, y, right, y, line);
        }

        // The outer frame a little heavier, as on real boards.
        line.StrokeWidth = width * 1.8f;
        line.IsAntialias = true;
        canvas.DrawRect(new SKRect(left, top, right, bottom), line);

        using var star = new SKPaint { Color = BoardTheme.Line, IsAntialias = true };
        float radius = Math.Max(1.5f, layout.Spacing * 0.09f);
        foreach (var (column, row) in StarPoints(geometry.Width, geometry.Height))
        {
            canvas.DrawCircle(layout.Center(column, row), radius, star);
        }
    }

    /// <summary>
    /// Star points (hoshi): the corner points on the 3rd line (4th from 13 up), the centre on odd sizes, and the
    /// side midpoints only on big boards (19x19 has nine, 13x13 and 9x9 five).
    /// </summary>
    internal static IEnumerable<(int Column, int Row)> StarPoints(int width, int height)
    {
        var columns = StarLines(width).ToList();
        var rows = StarLines(height).ToList();
        bool sides = width >= 15 && height >= 15;
        foreach (int column in columns)
        {
            foreach (int row in rows)
            {
                bool columnMid = width % 2 == 1 && column == width / 2 && columns.Count == 3;
                bool rowMid = height % 2 == 1 && row == height / 2 && rows.Count == 3;
                if (columnMid ^ rowMid && !sides)
                {
                    continue;
                }

                yield return (column, row);
            }
        }
    }

    /// <summary>Star-point lines along one side: 4th line from 13 up, 3rd line from 7 up, centre on odd sizes.</summary>
    internal static IEnumerable<int> StarLines(int size)
    {
        if (size < 7)
        {
            if (size % 2 == 1 && size >= 5)
            {
                yield return size / 2;
            }

            yield break;
        }

        int edge = size >= 13 ? 3 : 2;
        yield return edge;
        if (size % 2 == 1 && size >= 9)
        {
            yield return size / 2;
        }

        yield return size - 1 - edge;
    }

    private void DrawCoordinates(SKCanvas canvas, BoardLayout layout)
    {
        var geometry = layout.Geometry;
        float size = Math.Max(7, layout.Spacing * 0.34f);
        float offset = layout.Spacing * 0.78f;
        for (int column = 0; column < geometry.Width; column++)
        {
            string label = ColumnLetters[column].ToString();
            var top = layout.Center(column, 0);
            var bottom = layout.Center(column, geometry.Height - 1);
            _text.DrawCentered(canvas, label, top.X, top.Y - offset, size, BoardTheme.Coordinate);
            _text.DrawCentered(canvas, label, bottom.X, bottom.Y + offset, size, BoardTheme.Coordinate);
        }

        for (int row = 0; row < geometry.Height; row++)
        {
            string label = (geometry.Height - row).ToString(CultureInfo.InvariantCulture);
            var left = layout.Center(0, row);
            var right = layout.Center(geometry.Width - 1, row);
            _text.DrawCentered(canvas, label, left.X - offset, left.Y, size, BoardTheme.Coordinate);
            _text.DrawCentered(canvas, label, right.X + offset, right.Y, size, BoardTheme.Coordinate);
        }
    }

    private void DrawStones(SKCanvas canvas, BoardLayout layout, BoardView view)
    {
        var board = view.Board;
        var geometry = board.Geometry;
        float radius = layout.StoneRadius;
        using (var shadow = new SKPaint
        {
            Color = new SKColor(0, 0, 0, 80), IsAntialias = true,
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, Math.Max(0.6f, radius * 0.09f)),
        })
        {
            foreach (var point in geometry.Points)
            {
                if (board[point].IsPlayer() && !IsDead(view, point))
                {
                    var c = layout.Center(point);
                    canvas.DrawCircle(c.X + radius * 0.07f, c.Y + radius * 0.11f, radius * 0.98f, shadow);
                }
            }
        }

        foreach (var point in geometry.Points)
        {
            var color = board[point];
            if (color.IsPlayer())
            {
                DrawStone(canvas, layout.Center(point), radius, color, IsDead(view, point) ? (byte)110 : (byte)255);
            }
        }
    }

    private static bool IsDead(BoardView view, Point point) =>
        view.Territory is { } territory && territory.DeadByDense[view.Geometry.DenseIndex(point)];

    /// <summary>One shaded stone: a radial gradient lit from the top left, white stones with a faint rim.</summary>
    internal static void DrawStone(SKCanvas canvas, SKPoint center, float radius, Color color, byte alpha)
    {
        var light = new SKPoint(center.X - radius * 0.38f, center.Y - radius * 0.42f);
        using var paint = new SKPaint { IsAntialias = true };
        if (color == Color.Black)
        {
            paint.Shader = SKShader.CreateRadialGradient(light, radius * 1.35f,
                [BoardTheme.BlackStoneLight.WithAlpha(alpha), BoardTheme.BlackStoneMid.WithAlpha(alpha), BoardTheme.BlackStoneDark.WithAlpha(alpha)],
                [0f, 0.42f, 1f], SKShaderTileMode.Clamp);
            canvas.DrawCircle(center, radius, paint);
        }
        else
        {
            paint.Shader = SKShader.CreateRadialGradient(light, radius * 1.45f,
                [BoardTheme.WhiteStoneLight.WithAlpha(alpha), BoardTheme.WhiteStoneMid.WithAlpha(alpha), BoardTheme.WhiteStoneDark.WithAlpha(alpha)],
                [0f, 0.5f, 1f], SKShaderTileMode.Clamp);
            canvas.DrawCircle(center, radius, paint);
            using var rim = new SKPaint
            {
                IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(0.8f, radius * 0.045f),
                Color = BoardTheme.WhiteStoneEdge.WithAlpha((byte)(BoardTheme.WhiteStoneEdge.Alpha * alpha / 255)),
            };
            canvas.DrawCircle(center, radius - rim.StrokeWidth / 2, rim);
        }
    }

    private void DrawMarkers(SKCanvas canvas, BoardLayout layout, BoardView view)
    {
        var board = view.Board;
        float radius = layout.StoneRadius;
        if (view.MoveNumbers is { } numbers)
        {
            foreach (var (point, number) in numbers)
            {
                var color = board[point];
                if (!color.IsPlayer())
                {
                    continue;
                }

                string text = number.ToString(CultureInfo.InvariantCulture);
                float size = layout.Spacing * (text.Length >= 3 ? 0.34f : 0.44f);
                var ink = color == Color.Black ? new SKColor(0xF4, 0xF4, 0xF4) : new SKColor(0x18, 0x18, 0x18);
                bool isMarked = view.MarkedMove.IsPlay && view.MarkedMove.Point == point;
                var c = layout.Center(point);
                _text.DrawCentered(canvas, text, c.X, c.Y, size, isMarked ? BoardTheme.Highlight : ink, bold: isMarked);
            }

            return;
        }

        if (view.MarkedMove.IsPlay && board[view.MarkedMove.Point] is var stone && stone.IsPlayer())
        {
            var c = layout.Center(view.MarkedMove.Point);
            using var mark = new SKPaint
            {
                IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, radius * 0.12f),
                Color = stone == Color.Black ? BoardTheme.LastMoveOnBlack : BoardTheme.LastMoveOnWhite,
            };
            canvas.DrawCircle(c, radius * 0.5f, mark);
        }
    }

    private void DrawPolicy(SKCanvas canvas, BoardLayout layout, Board board, float[] policy)
    {
        var geometry = board.Geometry;
        float max = 0;
        for (int i = 0; i < geometry.Area; i++)
        {
            max = Math.Max(max, policy[i]);
        }

        if (max <= 0)
        {
            return;
        }

        using var paint = new SKPaint { IsAntialias = true };
        for (int i = 0; i < geometry.Area; i++)
        {
            var point = geometry.FromDense(i);
            float p = policy[i];
            if (p < 0.001f || board[point] != Color.Empty)
            {
                continue;
            }

            float relative = MathF.Sqrt(p / max);
            var c = layout.Center(point);
            paint.Color = BoardTheme.Heat(relative, (byte)(90 + 120 * relative));
            canvas.DrawCircle(c, layout.Spacing * (0.16f + 0.3f * relative), paint);
            if (p >= 0.01f && layout.Spacing >= 22)
            {
                string label = (p * 100).ToString(p >= 0.095f ? "0" : "0.#", CultureInfo.InvariantCulture);
                _text.DrawCentered(canvas, label, c.X, c.Y, layout.Spacing * 0.3f, new SKColor(0x10, 0x10, 0x10), bold: true);
            }
        }
    }

    private static void DrawOwnership(SKCanvas canvas, BoardLayout layout, Board board, float[] ownershipBlack)
    {
        var geometry = board.Geometry;
        using var paint = new SKPaint { IsAntialias = true };
        for (int i = 0; i < geometry.Area; i++)
        {
            var point = geometry.FromDense(i);
            float o = ownershipBlack[i];
            var stone = board[point];
            var owner = o > 0 ? Color.Black : Color.White;
            float strength = Math.Abs(o);
            if (strength < 0.05f || (stone.IsPlayer() && stone == owner))
            {
                continue; // stones that stay alive get no square: the board remains readable
            }

            float half = layout.Spacing * (stone.IsPlayer() ? 0.2f : 0.14f + 0.3f * strength);
            paint.Color = owner == Color.Black
                ? new SKColor(0x10, 0x10, 0x10, (byte)(60 + 150 * strength))
                : new SKColor(0xFA, 0xFA, 0xFA, (byte)(70 + 160 * strength));
            var c = layout.Center(point);
            canvas.DrawRect(c.X - half, c.Y - half, half * 2, half * 2, paint);
        }
    }

    private static void DrawTerritory(SKCanvas canvas, BoardLayout layout, TerritoryMap territory)
    {
        var geometry = layout.Geometry;
        using var paint = new SKPaint { IsAntialias = true };
        using var cross = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, layout.Spacing * 0.06f), Color = BoardTheme.IllegalMark };
        float half = layout.Spacing * 0.17f;
        for (int i = 0; i < geometry.Area; i++)
        {
            var owner = territory.OwnerByDense[i];
            var c = layout.Center(geometry.FromDense(i));
            if (owner.IsPlayer())
            {
                paint.Color = owner == Color.Black ? new SKColor(0x12, 0x12, 0x12, 230) : new SKColor(0xFA, 0xFA, 0xFA, 240);
                canvas.DrawRect(c.X - half, c.Y - half, half * 2, half * 2, paint);
            }

            if (territory.DeadByDense[i])
            {
                float r = layout.Spacing * 0.26f;
                canvas.DrawLine(c.X - r, c.Y - r, c.X + r, c.Y + r, cross);
                canvas.DrawLine(c.X - r, c.Y + r, c.X + r, c.Y - r, cross);
            }
        }
    }

    private static void DrawLayerCells(SKCanvas canvas, BoardLayout layout, float[] values)
    {
        var geometry = layout.Geometry;
        using var paint = new SKPaint();
        float half = layout.Spacing / 2;
        for (int i = 0; i < geometry.Area && i < values.Length; i++)
        {
            var c = layout.Center(geometry.FromDense(i));
            paint.Color = BoardTheme.Viridis(values[i], 200);
            canvas.DrawRect(c.X - half, c.Y - half, layout.Spacing, layout.Spacing, paint);
        }
    }

    private void DrawCandidates(SKCanvas canvas, BoardLayout layout, Board board, AnalysisSnapshot analysis, int maxCount)
    {
        var best = analysis.Best;
        if (best is null)
        {
            return;
        }

        using var fill = new SKPaint { IsAntialias = true };
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, layout.Spacing * 0.06f), Color = new SKColor(0x10, 0x60, 0xC0) };
        int shown = 0;
        // Draw worst first so the best candidate ends on top.
        var candidates = analysis.Candidates.Where(c => c.Move.IsPlay && c.Visits > 0).Take(maxCount).ToList();
        for (int i = candidates.Count - 1; i >= 0; i--)
        {
            var candidate = candidates[i];
            var point = candidate.Move.Point;
            if (board[point] != Color.Empty)
            {
                continue;
            }

            bool isBest = candidate == best;
            var c = layout.Center(point);
            fill.Color = BoardTheme.CandidateColor(isBest, best.WinRate - candidate.WinRate);
            float r = layout.StoneRadius * 0.92f;
            canvas.DrawCircle(c, r, fill);
            if (isBest)
            {
                canvas.DrawCircle(c, r, ring);
            }

            shown++;
            if (layout.Spacing >= 26)
            {
                string winRate = (candidate.WinRate * 100).ToString("0.#", CultureInfo.InvariantCulture);
                string visits = FormatVisits(candidate.Visits);
                _text.DrawCentered(canvas, winRate, c.X, c.Y - layout.Spacing * 0.12f, layout.Spacing * 0.3f, new SKColor(0x0C, 0x0C, 0x0C), bold: true);
                _text.DrawCentered(canvas, visits, c.X, c.Y + layout.Spacing * 0.2f, layout.Spacing * 0.23f, new SKColor(0x20, 0x20, 0x20));
            }
        }
    }

    internal static string FormatVisits(int visits) => visits switch
    {
        >= 1_000_000 => (visits / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "m",
        >= 10_000 => (visits / 1e3).ToString("0", CultureInfo.InvariantCulture) + "k",
        >= 1_000 => (visits / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => visits.ToString(CultureInfo.InvariantCulture),
    };

    private void DrawVariation(SKCanvas canvas, BoardLayout layout, Board board, IReadOnlyList<Move> variation, Color first)
    {
        var occupied = new HashSet<Point>();
        var color = first;
        int number = 1;
        foreach (var move in variation.Take(12))
        {
            if (move.IsPlay && board[move.Point] == Color.Empty && occupied.Add(move.Point))
            {
                var c = layout.Center(move.Point);
                DrawStone(canvas, c, layout.StoneRadius, color, 170);
                _text.DrawCentered(canvas, number.ToString(CultureInfo.InvariantCulture), c.X, c.Y, layout.Spacing * 0.42f,
                    color == Color.Black ? SKColors.White : SKColors.Black, bold: true);
            }

            color = color.Opponent();
            number++;
        }
    }

    private static void DrawGhost(SKCanvas canvas, BoardLayout layout, BoardView view)
    {
        var c = layout.Center(view.Ghost);
        if (view.Board[view.Ghost] == Color.Empty)
        {
            DrawStone(canvas, c, layout.StoneRadius, view.GhostColor, view.GhostIllegal ? (byte)70 : (byte)125);
        }

        if (view.GhostIllegal)
        {
            using var cross = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, layout.Spacing * 0.08f), Color = BoardTheme.IllegalMark, StrokeCap = SKStrokeCap.Round };
            float r = layout.Spacing * 0.22f;
            canvas.DrawLine(c.X - r, c.Y - r, c.X + r, c.Y + r, cross);
            canvas.DrawLine(c.X - r, c.Y + r, c.X + r, c.Y - r, cross);
        }
    }

    private void DrawHighlight(SKCanvas canvas, BoardLayout layout, Point point, string? caption, Func<Point, bool> stones)
    {
        var c = layout.Center(point);
        float r = layout.StoneRadius * 1.18f;
        using var glow = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(3, layout.Spacing * 0.16f),
            Color = BoardTheme.Highlight.WithAlpha(110),
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, Math.Max(1, layout.Spacing * 0.08f)),
        };
        canvas.DrawCircle(c, r, glow);
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, layout.Spacing * 0.07f), Color = BoardTheme.Highlight };
        canvas.DrawCircle(c, r, ring);
        if (string.IsNullOrEmpty(caption))
        {
            return;
        }

        // A label in a rounded box beside the ring, inside the board, where it covers the fewest stones.
        float size = Math.Max(11, layout.Spacing * 0.42f);
        float width = _text.Measure(caption, size, bold: true) + size;
        float height = size * 1.5f;
        var board = layout.BoardRect;
        var options = new[]
        {
            new SKPoint(c.X + r + size * 0.3f, c.Y - height / 2),
            new SKPoint(c.X - r - size * 0.3f - width, c.Y - height / 2),
            new SKPoint(c.X - width / 2, c.Y + r + size * 0.3f),
            new SKPoint(c.X - width / 2, c.Y - r - size * 0.3f - height),
            new SKPoint(c.X + r * 0.6f, c.Y + r * 0.6f),
            new SKPoint(c.X + r * 0.6f, c.Y - r * 0.6f - height),
        };
        float x = 0, y = 0;
        int fewest = int.MaxValue;
        foreach (var option in options)
        {
            float ox = Math.Clamp(option.X, board.Left + 2, board.Right - width - 2);
            float oy = Math.Clamp(option.Y, board.Top + 2, board.Bottom - height - 2);
            var candidate = new SKRect(ox, oy, ox + width, oy + height);
            int covered = candidate.IntersectsWith(new SKRect(c.X - r, c.Y - r, c.X + r, c.Y + r)) ? 1000 : 0;
            foreach (var p in layout.Geometry.Points)
            {
                if (p != point && stones(p))
                {
                    var sc = layout.Center(p);
                    float r2 = layout.StoneRadius * 0.8f;
                    covered += candidate.IntersectsWith(new SKRect(sc.X - r2, sc.Y - r2, sc.X + r2, sc.Y + r2)) ? 1 : 0;
                }
            }

            if (covered < fewest)
            {
                fewest = covered;
                x = ox;
                y = oy;
            }
        }

        var box = new SKRect(x, y, x + width, y + height);
        using var background = new SKPaint { IsAntialias = true, Color = BoardTheme.Highlight.WithAlpha(235) };
        canvas.DrawRoundRect(box, height / 3, height / 3, background);
        _text.DrawCentered(canvas, caption, box.MidX, box.MidY, size, SKColors.White, bold: true);
    }
}
