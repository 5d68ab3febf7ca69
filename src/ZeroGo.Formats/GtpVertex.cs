using ZeroGo.Go;

namespace ZeroGo.Formats;

/// <summary>
/// GTP vertex text: a column letter (A..Z without I) and a row number counted from the bottom, e.g. "D4",
/// "pass". Case-insensitive on input, upper case on output.
/// </summary>
public static class GtpVertex
{
    private const string Letters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    /// <summary>Parses a vertex or "pass"; false for anything else (including off-board vertices).</summary>
    public static bool TryParse(string text, BoardGeometry geometry, out Move move)
    {
        move = Move.Pass;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Equals("pass", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Length < 2)
        {
            return false;
        }

        int column = Letters.IndexOf(char.ToUpperInvariant(text[0]));
        if (column < 0 || !int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, null, out int rowFromBottom))
        {
            return false;
        }

        int row = geometry.Height - rowFromBottom;
        if (!geometry.Contains(column, row))
        {
            return false;
        }

        move = Move.At(geometry.PointAt(column, row));
        return true;
    }

    /// <summary>"D4", "pass" or "resign".</summary>
    public static string Format(Move move, BoardGeometry geometry)
    {
        if (move.IsPass)
        {
            return "pass";
        }

        if (move.IsResign)
        {
            return "resign";
        }

        return Format(move.Point, geometry);
    }

    public static string Format(Point point, BoardGeometry geometry) =>
        $"{Letters[geometry.ColumnOf(point)]}{geometry.Height - geometry.RowOf(point)}";
}
