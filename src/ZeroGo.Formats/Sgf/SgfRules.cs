using System.Globalization;
using ZeroGo.Go;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// Maps the RU and KM properties to <see cref="Rules"/>. Scoring is always by area in this engine; what RU
/// changes is the ko rule and whether suicide is allowed. Unknown rule names keep the default (positional
/// superko, no suicide).
/// </summary>
public static class SgfRules
{
    /// <summary>Komi used when a record has no KM (as KataGo does).</summary>
    public const double DefaultKomi = 7.5;

    /// <summary>The ko rule and suicide setting a rules name implies, or null when the name is unknown.</summary>
    public static Rules? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        string key = name.Trim().ToLowerInvariant().Replace(" ", "").Replace("-", "").Replace("_", "");
        string trimmed = name.Trim();
        if (trimmed.Length > 2 && trimmed.StartsWith("ko", StringComparison.Ordinal) && char.IsAsciiLetterUpper(trimmed[2]))
        {
            return FromKataGoString(name.Trim());
        }

        return key switch
        {
            "chinese" or "cn" or "china" or "chineserules" => new Rules { KoRule = KoRule.Positional, SuicideAllowed = false },
            "trompttaylor" or "tromptaylor" or "tt" => new Rules { KoRule = KoRule.Positional, SuicideAllowed = true },
            "aga" or "bga" or "french" or "agarules" => new Rules { KoRule = KoRule.Situational, SuicideAllowed = false },
            "nz" or "newzealand" => new Rules { KoRule = KoRule.Situational, SuicideAllowed = true },
            "japanese" or "jp" or "japan" or "korean" or "kr" or "nihonkiin" or "jpn" => new Rules { KoRule = KoRule.Simple, SuicideAllowed = false },
            "ing" or "goe" or "ingrules" => new Rules { KoRule = KoRule.Situational, SuicideAllowed = true },
            _ => null,
        };
    }

    /// <summary>KataGo's rule strings such as "koSIMPLEscoreAREAtaxSEKIsui0".</summary>
    private static Rules? FromKataGoString(string text)
    {
        string upper = text.ToUpperInvariant();
        KoRule? ko = upper.StartsWith("KOSIMPLE", StringComparison.Ordinal) ? KoRule.Simple
            : upper.StartsWith("KOPOSITIONAL", StringComparison.Ordinal) ? KoRule.Positional
            : upper.StartsWith("KOSITUATIONAL", StringComparison.Ordinal) || upper.StartsWith("KOSPIGHT", StringComparison.Ordinal) ? KoRule.Situational
            : null;
        if (ko is null)
        {
            return null;
        }

        return new Rules { KoRule = ko.Value, SuicideAllowed = upper.Contains("SUI1", StringComparison.Ordinal) };
    }

    /// <summary>A RU value that <see cref="FromName"/> maps back to the same ko rule and suicide setting.</summary>
    public static string ToName(Rules rules) => (rules.KoRule, rules.SuicideAllowed) switch
    {
        (KoRule.Positional, false) => "Chinese",
        (KoRule.Positional, true) => "Tromp-Taylor",
        (KoRule.Situational, false) => "AGA",
        (KoRule.Situational, true) => "NZ",
        (KoRule.Simple, false) => "Japanese",
        (KoRule.Simple, true) => "koSIMPLEscoreAREAtaxNONEsui1",
        _ => "Chinese",
    };

    /// <summary>
    /// Parses KM. Fox writes komi in hundredths of a stone-pair ("KM[325]" = 6.5 points, "KM[375]" = 7.5): a
    /// large multiple of 25 is read that way. Null when absent or not a number.
    /// </summary>
    public static double? ParseKomi(string? text, out bool foxStyle)
    {
        foxStyle = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string trimmed = text.Trim().Replace(',', '.');
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double komi) || !double.IsFinite(komi))
        {
            return null;
        }

        if (Math.Abs(komi) >= 100 && komi % 25 == 0)
        {
            foxStyle = true;
            return komi / 50;
        }

        return komi;
    }
}
