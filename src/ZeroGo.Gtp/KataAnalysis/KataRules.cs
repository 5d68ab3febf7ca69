using System.Text.Json;
using ZeroGo.Go;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// KataGo's <c>rules</c> field (a short name or a JSON object) mapped onto the rules ZeroGo plays: area scoring,
/// a ko rule and suicide allowed or not. Territory rulesets (japanese, korean) have no ZeroGo equivalent yet: they
/// are analysed under Chinese rules, with a warning, as KataGo does for rules its network does not support.
/// </summary>
public static class KataRules
{
    /// <summary>The rules named by <paramref name="field"/> (komi left at its default) and a warning, or null.</summary>
    public static (Rules Rules, string? Warning) Parse(JsonElement field)
    {
        return field.ValueKind switch
        {
            JsonValueKind.String => FromName(field.GetString()!),
            JsonValueKind.Object => FromObject(field),
            _ => throw new QueryFieldException("rules", "rules must be a string or an object"),
        };
    }

    private static (Rules, string?) FromName(string name)
    {
        string key = name.Trim().ToLowerInvariant().Replace('_', '-');
        var chinese = new Rules { KoRule = KoRule.Simple, SuicideAllowed = false };
        return key switch
        {
            "tromp-taylor" or "tromptaylor" => (new Rules { KoRule = KoRule.Positional, SuicideAllowed = true }, null),
            "chinese" or "chinese-ogs" or "chinese-kgs" or "stone-scoring" => (chinese, null),
            "aga" or "bga" or "french" => (new Rules { KoRule = KoRule.Situational, SuicideAllowed = false }, null),
            "new-zealand" or "newzealand" => (new Rules { KoRule = KoRule.Situational, SuicideAllowed = true }, null),
            "japanese" or "korean" => (chinese,
                $"{name}: territory scoring is not supported yet; analysing with area scoring (chinese rules)"),
            _ => throw new QueryFieldException("rules", $"unknown rules '{name}'"),
        };
    }

    private static (Rules, string?) FromObject(JsonElement rules)
    {
        var ko = KoRule.Simple;
        bool suicide = false;
        var warnings = new List<string>();
        foreach (var property in rules.EnumerateObject())
        {
            string value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.ToUpperInvariant() : property.Value.GetRawText();
            switch (property.Name)
            {
                case "ko":
                    ko = value switch
                    {
                        "SIMPLE" => KoRule.Simple,
                        "POSITIONAL" => KoRule.Positional,
                        "SITUATIONAL" => KoRule.Situational,
                        _ => throw new QueryFieldException("rules", $"unknown ko rule '{value}'"),
                    };
                    break;
                case "suicide" or "multiStoneSuicideLegal":
                    suicide = property.Value.ValueKind == JsonValueKind.True
                        || (property.Value.ValueKind != JsonValueKind.False
                            ? throw new QueryFieldException("rules", $"{property.Name} must be true or false") : false);
                    break;
                case "scoring":
                    if (value == "TERRITORY")
                    {
                        warnings.Add("territory scoring is not supported yet; analysing with area scoring");
                    }
                    else if (value != "AREA")
                    {
                        throw new QueryFieldException("rules", $"unknown scoring '{value}'");
                    }

                    break;
                case "tax" when value == "NONE":
                case "hasButton" when property.Value.ValueKind == JsonValueKind.False:
                case "friendlyPassOk":
                case "whiteHandicapBonus" when value is "0":
                    break;
                default:
                    warnings.Add($"{property.Name} {property.Value.GetRawText()} is not supported and ignored");
                    break;
            }
        }

        return (new Rules { KoRule = ko, SuicideAllowed = suicide }, warnings.Count == 0 ? null : string.Join("; ", warnings));
    }
}
