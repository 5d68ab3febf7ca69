using System.Globalization;

namespace ZeroGo.Training.Arena;

/// <summary>
/// Reads an arena engine argument: <c>random</c>, <c>gnugo[:LEVEL]</c>, <c>model:FILE[@VISITS]</c> or
/// <c>gtp:"COMMAND LINE"</c>. Throws <see cref="ArgumentException"/> with what is accepted.
/// </summary>
public static class EngineSpec
{
    public const string Help = "engines: random | gnugo[:LEVEL] | model:FILE[@VISITS] | gtp:\"COMMAND\"";

    /// <param name="scoreUtility">For <c>model:</c> engines: how much the expected lead counts beside winning (0: not at all).</param>
    public static IArenaPlayerFactory Create(string spec, int defaultVisits = 64, string? gnugoPath = null, double scoreUtility = 0)
    {
        spec = spec.Trim();
        if (spec.Equals("random", StringComparison.OrdinalIgnoreCase))
        {
            return new RandomPlayerFactory();
        }

        if (spec.StartsWith("gnugo", StringComparison.OrdinalIgnoreCase))
        {
            int level = 10;
            if (spec.Length > 5)
            {
                if (spec[5] != ':' || !int.TryParse(spec[6..], NumberStyles.None, CultureInfo.InvariantCulture, out level) || level is < 0 or > 10)
                {
                    throw new ArgumentException($"'{spec}': GNU Go level must be 0..10, as in gnugo:1");
                }
            }

            return GtpPlayerFactory.GnuGo(level, gnugoPath ?? "/usr/games/gnugo");
        }

        if (spec.StartsWith("model:", StringComparison.OrdinalIgnoreCase))
        {
            var (path, visits) = ModelPlayerFactory.ParseSpec(spec[6..], defaultVisits);
            string name = $"{Path.GetFileName(path)}@{visits}";
            return new ModelPlayerFactory(path, visits, name, scoreUtility: scoreUtility);
        }

        if (spec.StartsWith("gtp:", StringComparison.OrdinalIgnoreCase))
        {
            var commandLine = spec[4..].Trim().Trim('"');
            var parts = SplitCommandLine(commandLine);
            if (parts.Count == 0)
            {
                throw new ArgumentException("gtp: needs a command line, as in gtp:\"/usr/games/gnugo --mode gtp\"");
            }

            return new GtpPlayerFactory($"gtp:{Path.GetFileName(parts[0])}", parts[0], parts.Skip(1).ToList(), int.MaxValue);
        }

        throw new ArgumentException($"unknown engine '{spec}'; {Help}");
    }

    /// <summary>Splits on spaces, keeping "quoted parts" together.</summary>
    public static List<string> SplitCommandLine(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }
}
