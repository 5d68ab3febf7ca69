using System.Globalization;

namespace ZeroGo.Training.Arena;

/// <summary>
/// The <c>NAME@VISITS</c> ending of an arena engine spec (<c>model:PATH@400</c>, <c>level:casual@800</c>): the
/// visits are the digits after the last <c>@</c>. Anything else after it belongs to the name, since a path may
/// hold an <c>@</c> (<c>runs/a@b/gen-0001</c>).
/// </summary>
public static class VisitsSuffix
{
    /// <summary>
    /// Splits <paramref name="text"/> into the name and the visits (null when it has no numeric <c>@</c> ending;
    /// 0 is returned as written, for the caller to refuse in its own words).
    /// </summary>
    public static (string Name, int? Visits) Split(string text)
    {
        int at = text.LastIndexOf('@');
        return at > 0 && int.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int visits)
            ? (text[..at], visits)
            : (text, null);
    }
}
