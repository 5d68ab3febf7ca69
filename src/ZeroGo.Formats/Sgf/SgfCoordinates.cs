using ZeroGo.Go;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// SGF point text: two letters, column then row from the top-left, 'a'..'z' = 0..25 and 'A'..'Z' = 26..51.
/// Works on plain (column, row) pairs so boards larger than the engine's limit can still be read.
/// </summary>
public static class SgfCoordinates
{
    /// <summary>Column and row of a two-letter point; false for anything else.</summary>
    public static bool TryParse(string text, out int column, out int row)
    {
        column = row = -1;
        if (text.Length != 2)
        {
            return false;
        }

        column = LetterValue(text[0]);
        row = LetterValue(text[1]);
        return column >= 0 && row >= 0;
    }

    /// <summary>The two letters for (column, row), 0..51 each.</summary>
    public static string Format(int column, int row)
    {
        if (column is < 0 or > 51 || row is < 0 or > 51)
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"({column},{row}) cannot be written as an SGF point");
        }

        return $"{Letter(column)}{Letter(row)}";
    }

    public static string Format(Point point, BoardGeometry geometry) =>
        Format(geometry.ColumnOf(point), geometry.RowOf(point));

    /// <summary>The SGF value of a move: "" for a pass (the FF[4] form), two letters otherwise.</summary>
    public static string FormatMove(Move move, BoardGeometry geometry) =>
        move.IsPlay ? Format(move.Point, geometry) : "";

    /// <summary>True when a move value means pass on a board of this size: "" always, "tt" up to 19x19.</summary>
    public static bool IsPass(string value, int width, int height) =>
        value.Trim().Length == 0 || (value == "tt" && width <= 19 && height <= 19);

    /// <summary>
    /// Expands point-list values (AB, AW, AE, TW …) including compressed rectangles "aa:cc" into (column, row)
    /// pairs; values that are not points are reported through <paramref name="bad"/>.
    /// </summary>
    public static List<(int Column, int Row)> ExpandList(IEnumerable<SgfValue> values, Action<string>? bad = null)
    {
        var points = new List<(int, int)>();
        foreach (var value in values)
        {
            string text = value.Text.Trim();
            if (text.Length == 0)
            {
                continue; // an empty list value ("AE[]" in some writers) means no points
            }

            int colon = text.IndexOf(':');
            if (colon < 0)
            {
                if (TryParse(text, out int c, out int r))
                {
                    points.Add((c, r));
                }
                else
                {
                    bad?.Invoke(text);
                }

                continue;
            }

            if (!TryParse(text[..colon], out int c1, out int r1) || !TryParse(text[(colon + 1)..], out int c2, out int r2))
            {
                bad?.Invoke(text);
                continue;
            }

            for (int row = Math.Min(r1, r2); row <= Math.Max(r1, r2); row++)
            {
                for (int column = Math.Min(c1, c2); column <= Math.Max(c1, c2); column++)
                {
                    points.Add((column, row));
                }
            }
        }

        return points;
    }

    private static int LetterValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A' + 26,
        _ => -1,
    };

    private static char Letter(int value) => value < 26 ? (char)('a' + value) : (char)('A' + value - 26);
}
