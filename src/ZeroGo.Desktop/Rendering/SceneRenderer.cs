using System.Globalization;
using SkiaSharp;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Rendering;

/// <summary>Where things landed in the last drawn frame: the board (for clicks on points) and the buttons.</summary>
public sealed class SceneLayout
{
    public SceneLayout(BoardLayout board, IReadOnlyList<(SKRect Rect, PanelButton Button)> buttons, SKRect graph)
    {
        Board = board;
        Buttons = buttons;
        Graph = graph;
    }

    public BoardLayout Board { get; }

    public IReadOnlyList<(SKRect Rect, PanelButton Button)> Buttons { get; }

    /// <summary>The win-rate graph (clicking it jumps to a move in replay); empty when not drawn.</summary>
    public SKRect Graph { get; }

    public PanelButton? ButtonAt(float x, float y) =>
        Buttons.FirstOrDefault(b => b.Button.Enabled && b.Rect.Contains(x, y)).Button;
}

/// <summary>
/// Draws a whole frame: the board on the left, the side panel (players, win rate, graph, status, comment,
/// buttons) on the right, and the help overlay. The window and <c>zerogo render</c> both call this.
/// </summary>
public sealed class SceneRenderer
{
    private static readonly SKColor PanelBackground = new(0x22, 0x25, 0x2B);
    private static readonly SKColor CardBackground = new(0x2C, 0x30, 0x37);
    private static readonly SKColor TextColor = new(0xEC, 0xEA, 0xE4);
    private static readonly SKColor Muted = new(0x9C, 0xA3, 0xAD);
    private static readonly SKColor Accent = new(0x4F, 0xA3, 0xFF);

    private readonly TextRenderer _text;
    private readonly BoardRenderer _board;

    public SceneRenderer(TextRenderer text)
    {
        _text = text;
        _board = new BoardRenderer(text);
    }

    public TextRenderer Text => _text;

    /// <summary>Width of the side panel for a frame of this size (0 when the frame is too narrow for one).</summary>
    public static float PanelWidth(int width, int height) =>
        width < 520 || width < height * 1.15f ? 0 : Math.Clamp(width * 0.3f, 280, 430);

    /// <summary>The rectangle the board is drawn in (UI tests use it to find points on a screenshot).</summary>
    public static SKRect BoardArea(int width, int height, bool withPanel)
    {
        float panelWidth = withPanel ? PanelWidth(width, height) : 0;
        float pad = Math.Max(6, Math.Min(width - panelWidth, height) * 0.02f);
        return new SKRect(pad, pad, width - panelWidth - pad, height - pad);
    }

    public SceneLayout Draw(SKCanvas canvas, int width, int height, BoardView board, PanelView? panel)
    {
        canvas.Clear(BoardTheme.Background);
        float panelWidth = panel is null ? 0 : PanelWidth(width, height);
        var boardArea = BoardArea(width, height, panel is not null);
        var layout = _board.Draw(canvas, boardArea, board);
        var buttons = new List<(SKRect, PanelButton)>();
        var graph = SKRect.Empty;
        if (panel is not null && panelWidth > 0)
        {
            graph = DrawPanel(canvas, new SKRect(width - panelWidth, 0, width, height), panel, buttons);
        }

        if (panel?.Toast is { } toast)
        {
            DrawToast(canvas, layout.BoardRect, toast);
        }

        if (panel?.Prompt is { } prompt)
        {
            DrawPrompt(canvas, layout.BoardRect, prompt);
        }

        if (panel is { ShowHelp: true })
        {
            DrawHelp(canvas, width, height, panel);
        }

        return new SceneLayout(layout, buttons, graph);
    }

    private SKRect DrawPanel(SKCanvas canvas, SKRect area, PanelView panel, List<(SKRect, PanelButton)> buttons)
    {
        using var background = new SKPaint { Color = PanelBackground };
        canvas.DrawRect(area, background);
        float scale = area.Width / 340f;
        float pad = 16 * scale;
        float x = area.Left + pad, right = area.Right - pad, w = right - x;
        float y = area.Top + pad;

        _text.Draw(canvas, panel.Title, x, y + 22 * scale, 22 * scale, TextColor, bold: true);
        y += 30 * scale;
        if (!string.IsNullOrEmpty(panel.Subtitle))
        {
            _text.Draw(canvas, Ellipsize(panel.Subtitle, 12.5f * scale, w), x, y + 13 * scale, 12.5f * scale, Muted);
            y += 20 * scale;
        }

        y += 6 * scale;
        y = DrawPlayer(canvas, x, y, w, scale, Color.Black, panel.Black, panel.ToMove == Color.Black);
        y = DrawPlayer(canvas, x, y + 6 * scale, w, scale, Color.White, panel.White, panel.ToMove == Color.White);
        y += 8 * scale;

        foreach (var line in panel.Info)
        {
            _text.Draw(canvas, Ellipsize(line, 12.5f * scale, w), x, y + 13 * scale, 12.5f * scale, Muted);
            y += 18 * scale;
        }

        if (panel.WinRateBlack is { } winRate)
        {
            y += 8 * scale;
            DrawWinRateBar(canvas, new SKRect(x, y, right, y + 24 * scale), winRate, panel.ScoreLeadBlack, scale);
            y += 30 * scale;
        }

        var graph = SKRect.Empty;
        if (panel.WinRateHistory is { Count: > 1 } history)
        {
            graph = new SKRect(x, y + 4 * scale, right, y + 4 * scale + 96 * scale);
            DrawGraph(canvas, graph, history, panel.CurrentMove, panel.MistakeMoves, scale);
            y = graph.Bottom + 8 * scale;
        }

        foreach (var (label, value) in panel.Details)
        {
            _text.Draw(canvas, label, x, y + 14 * scale, 13 * scale, Muted);
            float room = w - _text.Measure(label, 13 * scale) - 12 * scale;
            _text.Draw(canvas, Ellipsize(value, 13 * scale, room, true), right, y + 14 * scale, 13 * scale, TextColor, SKTextAlign.Right, bold: true);
            y += 19 * scale;
        }

        if (!string.IsNullOrEmpty(panel.Status))
        {
            y += 6 * scale;
            y = DrawStatus(canvas, x, y, w, scale, panel.Status, panel.StatusKind);
        }

        // Buttons sit at the bottom; the comment fills the space between.
        int perRow = 3;
        float buttonHeight = 32 * scale, gap = 6 * scale;
        int rows = (panel.Buttons.Count + perRow - 1) / perRow;
        float buttonsTop = area.Bottom - pad - 16 * scale - rows * (buttonHeight + gap);
        if (!string.IsNullOrEmpty(panel.Comment))
        {
            DrawComment(canvas, new SKRect(x, y + 8 * scale, right, buttonsTop - 8 * scale), panel.Comment, scale);
        }

        float buttonWidth = (w - gap * (perRow - 1)) / perRow;
        for (int i = 0; i < panel.Buttons.Count; i++)
        {
            var button = panel.Buttons[i];
            float bx = x + (i % perRow) * (buttonWidth + gap);
            float by = buttonsTop + (i / perRow) * (buttonHeight + gap);
            var rect = new SKRect(bx, by, bx + buttonWidth, by + buttonHeight);
            DrawButton(canvas, rect, button, scale);
            buttons.Add((rect, button));
        }

        _text.Draw(canvas, "h / F1: keyboard shortcuts", x, area.Bottom - pad + 2 * scale, 11.5f * scale, Muted);
        return graph;
    }

    private float DrawPlayer(SKCanvas canvas, float x, float y, float w, float scale, Color color, PlayerLine player, bool toMove)
    {
        float h = 46 * scale;
        var card = new SKRect(x, y, x + w, y + h);
        using var paint = new SKPaint { IsAntialias = true, Color = CardBackground };
        canvas.DrawRoundRect(card, 8 * scale, 8 * scale, paint);
        if (toMove)
        {
            using var border = new SKPaint { IsAntialias = true, Color = Accent, Style = SKPaintStyle.Stroke, StrokeWidth = 2 * scale };
            canvas.DrawRoundRect(card, 8 * scale, 8 * scale, border);
        }

        BoardRenderer.DrawStone(canvas, new SKPoint(x + 23 * scale, y + h / 2), 14 * scale, color, 255);
        _text.Draw(canvas, Ellipsize(player.Name, 15.5f * scale, w - 130 * scale, true), x + 46 * scale, y + 20 * scale, 15.5f * scale, TextColor, bold: true);
        if (!string.IsNullOrEmpty(player.Detail))
        {
            _text.Draw(canvas, Ellipsize(player.Detail, 12 * scale, w - 56 * scale), x + 46 * scale, y + 37 * scale, 12 * scale, Muted);
        }

        string captures = player.Captures == 1 ? "1 capture" : $"{player.Captures} captures";
        _text.Draw(canvas, captures, x + w - 10 * scale, y + 20 * scale, 12 * scale, Muted, SKTextAlign.Right);
        if (toMove)
        {
            _text.Draw(canvas, "to play", x + w - 10 * scale, y + 37 * scale, 11.5f * scale, Accent, SKTextAlign.Right, bold: true);
        }

        return y + h;
    }

    private void DrawWinRateBar(SKCanvas canvas, SKRect rect, double winRateBlack, double? scoreLeadBlack, float scale)
    {
        float radius = rect.Height / 2;
        float split = rect.Left + (float)(Math.Clamp(winRateBlack, 0, 1) * rect.Width);
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(rect, radius, radius), antialias: true);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x12, 0x12, 0x14) };
        canvas.DrawRect(new SKRect(rect.Left, rect.Top, split, rect.Bottom), paint);
        paint.Color = new SKColor(0xF2, 0xF0, 0xEA);
        canvas.DrawRect(new SKRect(split, rect.Top, rect.Right, rect.Bottom), paint);
        paint.Color = Accent;
        canvas.DrawRect(new SKRect(rect.MidX - 1, rect.Top, rect.MidX + 1, rect.Bottom), paint);
        canvas.Restore();
        using var border = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = new SKColor(0x60, 0x66, 0x70), StrokeWidth = 1 };
        canvas.DrawRoundRect(rect, radius, radius, border);
        float size = 12.5f * scale;
        float baseline = rect.MidY + size * 0.36f;
        string black = "B " + (winRateBlack * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        string white = "W " + ((1 - winRateBlack) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        _text.Draw(canvas, black, rect.Left + 10 * scale, baseline, size, new SKColor(0xF0, 0xF0, 0xF0), bold: true);
        _text.Draw(canvas, white, rect.Right - 10 * scale, baseline, size, new SKColor(0x18, 0x18, 0x18), SKTextAlign.Right, bold: true);
        if (scoreLeadBlack is { } lead && !double.IsNaN(lead))
        {
            string text = (lead >= 0 ? "B+" : "W+") + Math.Abs(lead).ToString("0.0", CultureInfo.InvariantCulture);
            var ink = winRateBlack >= 0.5 ? new SKColor(0xF0, 0xF0, 0xF0) : new SKColor(0x18, 0x18, 0x18);
            _text.Draw(canvas, text, rect.MidX + (winRateBlack >= 0.5 ? -8 : 8) * scale, baseline, size * 0.95f, ink,
                winRateBlack >= 0.5 ? SKTextAlign.Right : SKTextAlign.Left);
        }
    }

    private void DrawGraph(SKCanvas canvas, SKRect rect, IReadOnlyList<double?> history, int current, IReadOnlyList<int>? mistakes, float scale)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = CardBackground };
        canvas.DrawRoundRect(rect, 6 * scale, 6 * scale, paint);
        var inner = new SKRect(rect.Left + 4 * scale, rect.Top + 6 * scale, rect.Right - 4 * scale, rect.Bottom - 6 * scale);
        using var mid = new SKPaint { Color = new SKColor(0x58, 0x5E, 0x68), StrokeWidth = 1, PathEffect = SKPathEffect.CreateDash([4, 4], 0) };
        canvas.DrawLine(inner.Left, inner.MidY, inner.Right, inner.MidY, mid);
        int count = Math.Max(history.Count - 1, 1);
        float X(int i) => inner.Left + inner.Width * i / count;
        float Y(double v) => inner.Bottom - (float)(Math.Clamp(v, 0, 1) * inner.Height);

        using var line = new SKPath();
        using var fill = new SKPath();
        bool started = false;
        int lastIndex = -1;
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i] is not { } v)
            {
                continue;
            }

            if (!started)
            {
                line.MoveTo(X(i), Y(v));
                fill.MoveTo(X(i), inner.MidY);
                fill.LineTo(X(i), Y(v));
                started = true;
            }
            else
            {
                line.LineTo(X(i), Y(v));
                fill.LineTo(X(i), Y(v));
            }

            lastIndex = i;
        }

        if (started)
        {
            fill.LineTo(X(lastIndex), inner.MidY);
            fill.Close();
            canvas.Save();
            canvas.ClipRect(new SKRect(inner.Left, inner.Top, inner.Right, inner.MidY));
            paint.Color = new SKColor(0x10, 0x10, 0x10, 170);
            canvas.DrawPath(fill, paint);
            canvas.Restore();
            canvas.Save();
            canvas.ClipRect(new SKRect(inner.Left, inner.MidY, inner.Right, inner.Bottom));
            paint.Color = new SKColor(0xF0, 0xF0, 0xF0, 120);
            canvas.DrawPath(fill, paint);
            canvas.Restore();
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.8f * scale, Color = Accent, StrokeJoin = SKStrokeJoin.Round };
            canvas.DrawPath(line, stroke);
        }

        if (mistakes is not null)
        {
            paint.Color = new SKColor(0xE0, 0x40, 0x38);
            foreach (int move in mistakes)
            {
                if (move >= 0 && move < history.Count && history[move] is { } v)
                {
                    canvas.DrawCircle(X(move), Y(v), 3 * scale, paint);
                }
            }
        }

        if (current >= 0 && current < history.Count)
        {
            using var cursor = new SKPaint { Color = BoardTheme.Highlight, StrokeWidth = 1.5f * scale, IsAntialias = true };
            canvas.DrawLine(X(current), inner.Top, X(current), inner.Bottom, cursor);
        }

        _text.Draw(canvas, "Black win rate", rect.Left + 8 * scale, rect.Top + 16 * scale, 11 * scale, Muted);
    }

    private float DrawStatus(SKCanvas canvas, float x, float y, float w, float scale, string status, StatusKind kind)
    {
        var color = kind switch
        {
            StatusKind.Thinking => new SKColor(0x3B, 0x6E, 0xB0),
            StatusKind.Warning => new SKColor(0xB0, 0x45, 0x3B),
            StatusKind.Result => new SKColor(0x3E, 0x8E, 0x4E),
            _ => new SKColor(0x3A, 0x40, 0x4A),
        };
        float size = 14 * scale;
        var lines = _text.Wrap(status, size, w - 20 * scale, bold: true);
        float h = 12 * scale + lines.Count * size * 1.35f;
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawRoundRect(new SKRect(x, y, x + w, y + h), 7 * scale, 7 * scale, paint);
        float baseline = y + 6 * scale + size;
        foreach (var line in lines)
        {
            _text.Draw(canvas, line, x + 10 * scale, baseline, size, SKColors.White, bold: true);
            baseline += size * 1.35f;
        }

        return y + h;
    }

    private void DrawComment(SKCanvas canvas, SKRect rect, string comment, float scale)
    {
        if (rect.Height < 30 * scale)
        {
            return;
        }

        using var paint = new SKPaint { IsAntialias = true, Color = CardBackground };
        canvas.DrawRoundRect(rect, 7 * scale, 7 * scale, paint);
        float size = 13 * scale;
        float baseline = rect.Top + 8 * scale + size;
        var lines = _text.Wrap(comment.Trim(), size, rect.Width - 20 * scale);
        canvas.Save();
        canvas.ClipRect(rect);
        for (int i = 0; i < lines.Count; i++)
        {
            if (baseline > rect.Bottom - 6 * scale)
            {
                break;
            }

            bool lastVisible = baseline + size * 1.35f > rect.Bottom - 6 * scale && i < lines.Count - 1;
            _text.Draw(canvas, lastVisible ? lines[i] + " …" : lines[i], rect.Left + 10 * scale, baseline, size, TextColor);
            baseline += size * 1.35f;
        }

        canvas.Restore();
    }

    private void DrawButton(SKCanvas canvas, SKRect rect, PanelButton button, float scale)
    {
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Color = !button.Enabled ? new SKColor(0x2A, 0x2D, 0x33) : button.Active ? new SKColor(0x2F, 0x6F, 0xC0) : new SKColor(0x3A, 0x40, 0x4A),
        };
        canvas.DrawRoundRect(rect, 6 * scale, 6 * scale, paint);
        var ink = button.Enabled ? TextColor : new SKColor(0x6A, 0x70, 0x78);
        float size = 12.5f * scale;
        string label = Ellipsize(button.Label, size, rect.Width - 8 * scale, true);
        _text.Draw(canvas, label, rect.MidX, rect.MidY + size * 0.15f, size, ink, SKTextAlign.Center, bold: true);
        if (!string.IsNullOrEmpty(button.KeyHint))
        {
            _text.Draw(canvas, button.KeyHint, rect.MidX, rect.Bottom - 4 * scale, 9.5f * scale, Muted, SKTextAlign.Center);
        }
    }

    private void DrawToast(SKCanvas canvas, SKRect boardRect, string toast)
    {
        float size = Math.Clamp(boardRect.Width / 28, 13, 24);
        float w = _text.Measure(toast, size, bold: true) + size * 1.6f;
        float h = size * 2.1f;
        var rect = new SKRect(boardRect.MidX - w / 2, boardRect.Top + size * 1.2f, boardRect.MidX + w / 2, boardRect.Top + size * 1.2f + h);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x1A, 0x1C, 0x20, 225) };
        canvas.DrawRoundRect(rect, h / 2, h / 2, paint);
        _text.DrawCentered(canvas, toast, rect.MidX, rect.MidY, size, new SKColor(0xFF, 0xD2, 0x6A), bold: true);
    }

    /// <summary>
    /// The text field across the bottom of the board (the centre, where the last move usually is, stays in view):
    /// label, the typed text with a caret (its end shown when it is longer than the field), the refusal in red under
    /// it, and the keys that act on it.
    /// </summary>
    private void DrawPrompt(SKCanvas canvas, SKRect boardRect, PromptView prompt)
    {
        float size = Math.Clamp(boardRect.Width / 32, 11, 20);
        float pad = size * 0.9f;
        var card = new SKRect(boardRect.Left + size, boardRect.Bottom - size * 8.7f, boardRect.Right - size, boardRect.Bottom - size * 1.5f);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x1A, 0x1C, 0x20, 240) };
        canvas.DrawRoundRect(card, size * 0.6f, size * 0.6f, paint);
        float x = card.Left + pad, w = card.Width - 2 * pad;
        _text.Draw(canvas, prompt.Label, x, card.Top + size * 1.6f, size, TextColor, bold: true);

        var field = new SKRect(x, card.Top + size * 2.3f, x + w, card.Top + size * 4.3f);
        paint.Color = new SKColor(0x0E, 0x0F, 0x12);
        canvas.DrawRoundRect(field, size * 0.3f, size * 0.3f, paint);
        string shown = prompt.Text;
        float room = field.Width - size;
        while (shown.Length > 0 && _text.Measure("…" + shown, size) > room && _text.Measure(shown, size) > room)
        {
            shown = shown[1..];
        }

        if (shown.Length < prompt.Text.Length)
        {
            shown = "…" + shown;
        }

        float baseline = field.MidY + size * 0.35f;
        _text.Draw(canvas, shown, field.Left + size * 0.4f, baseline, size, TextColor);
        float caret = field.Left + size * 0.4f + _text.Measure(shown, size) + 1;
        paint.Color = Accent;
        canvas.DrawRect(caret, field.Top + size * 0.35f, Math.Max(1.5f, size / 10), field.Height - size * 0.7f, paint);

        float y = field.Bottom + size * 1.3f;
        if (prompt.Error is { } error)
        {
            _text.Draw(canvas, Ellipsize(error, size * 0.85f, w), x, y, size * 0.85f, new SKColor(0xFF, 0x6B, 0x6B));
        }

        _text.Draw(canvas, "enter: ok · esc: cancel · tab: complete · ctrl+u: clear", x, card.Bottom - size * 0.6f, size * 0.75f, Muted);
    }

    private void DrawHelp(SKCanvas canvas, int width, int height, PanelView panel)
    {
        using var veil = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        canvas.DrawRect(0, 0, width, height, veil);
        float size = Math.Clamp(height / 38f, 11, 17);
        float lineHeight = size * 1.55f;
        float w = Math.Min(width - 40, size * 40);
        float h = lineHeight * (panel.Help.Count + 2.5f);
        var card = new SKRect((width - w) / 2, Math.Max(10, (height - h) / 2), (width + w) / 2, Math.Max(10, (height - h) / 2) + h);
        using var paint = new SKPaint { IsAntialias = true, Color = PanelBackground };
        canvas.DrawRoundRect(card, 12, 12, paint);
        _text.Draw(canvas, "Keyboard and mouse", card.Left + size * 1.2f, card.Top + lineHeight * 1.2f, size * 1.2f, TextColor, bold: true);
        float y = card.Top + lineHeight * 2.4f;
        foreach (var (keys, action) in panel.Help)
        {
            _text.Draw(canvas, keys, card.Left + size * 1.2f, y, size, Accent, bold: true);
            _text.Draw(canvas, action, card.Left + size * 11f, y, size, TextColor);
            y += lineHeight;
        }
    }

    private string Ellipsize(string text, float size, float maxWidth, bool bold = false)
    {
        if (_text.Measure(text, size, bold) <= maxWidth)
        {
            return text;
        }

        for (int length = text.Length - 1; length > 0; length--)
        {
            string candidate = text[..length].TrimEnd() + "…";
            if (_text.Measure(candidate, size, bold) <= maxWidth)
            {
                return candidate;
            }
        }

        return "…";
    }
}
