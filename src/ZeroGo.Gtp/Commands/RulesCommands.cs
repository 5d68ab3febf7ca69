using ZeroGo.Go;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>
/// <c>zerogo-rules [ko simple|situational|positional] [suicide allowed|forbidden]</c>: changes the given rules (any
/// order, either or both) and answers the rules now in force; with no arguments it only answers.
/// <c>zerogo-rules tromp-taylor</c> and <c>zerogo-rules chinese</c> set both at once.
/// </summary>
public sealed class RulesCommands : IGtpCommandSet
{
    public void Register(GtpCommandTable table) => table.Add("zerogo-rules", Rules);

    private static string Rules(GtpCall call)
    {
        var rules = call.Session.Rules;
        var arguments = call.Arguments.Select(a => a.ToLowerInvariant()).ToList();
        if (arguments.Count == 1)
        {
            rules = arguments[0] switch
            {
                "tromp-taylor" => rules with { KoRule = KoRule.Positional, SuicideAllowed = true },
                "chinese" => rules with { KoRule = KoRule.Positional, SuicideAllowed = false },
                _ => throw GtpException.SyntaxError(),
            };
        }
        else if (arguments.Count % 2 == 0)
        {
            for (int i = 0; i < arguments.Count; i += 2)
            {
                rules = (arguments[i], arguments[i + 1]) switch
                {
                    ("ko", "simple") => rules with { KoRule = KoRule.Simple },
                    ("ko", "situational" or "situational-superko") => rules with { KoRule = KoRule.Situational },
                    ("ko", "positional" or "positional-superko") => rules with { KoRule = KoRule.Positional },
                    ("suicide", "allowed" or "on" or "true") => rules with { SuicideAllowed = true },
                    ("suicide", "forbidden" or "off" or "false") => rules with { SuicideAllowed = false },
                    _ => throw GtpException.SyntaxError(),
                };
            }
        }
        else
        {
            throw GtpException.SyntaxError();
        }

        call.Session.SetRules(rules);
        return $"ko {rules.KoRule.ToString().ToLowerInvariant()} suicide {(rules.SuicideAllowed ? "allowed" : "forbidden")}";
    }
}
