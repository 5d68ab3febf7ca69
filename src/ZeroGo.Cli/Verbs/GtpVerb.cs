using System.CommandLine;
using System.Text;
using ZeroGo.Gtp;
using ZeroGo.Gtp.Engine;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo gtp [--engine random] [--seed N]</c>: a GTP engine on stdin/stdout for GUIs (Sabaki, Lizzie), servers
/// and match runners. Nothing but GTP goes to stdout; the engine's choice, seed and any problems go to stderr.
/// </summary>
/// <remarks>
/// To add an engine: add its options to <see cref="GtpVerbOptions"/> (and to the command in <see cref="Create"/>),
/// then one entry in <see cref="Engines"/> that builds its <see cref="IMoveGenerator"/> from the parsed options.
/// Command sets that need the engine (analysis, heatmap) are registered in <see cref="Run"/>.
/// </remarks>
internal static class GtpVerb
{
    /// <summary>The --engine choices: name, what it is, and how to build it from the parsed options.</summary>
    private static readonly IReadOnlyList<EngineChoice> Engines =
    [
        new("random", "uniform random over legal moves that don't fill an own eye (the baseline)",
            (options, parse) => new RandomMoveGenerator(options.SeedFrom(parse))),
    ];

    public static Command Create()
    {
        var options = new GtpVerbOptions();
        var command = new Command("gtp", "Run the GTP engine on stdin/stdout (GTP version 2, plus GNU Go / KGS / Leela Zero extensions).")
        {
            options.Engine, options.Seed,
        };
        command.SetAction(parse => Run(options, parse));
        return command;
    }

    private static int Run(GtpVerbOptions options, ParseResult parse)
    {
        string engineName = parse.GetValue(options.Engine) ?? "random";
        var choice = Engines.FirstOrDefault(e => e.Name.Equals(engineName, StringComparison.OrdinalIgnoreCase));
        if (choice is null)
        {
            Console.Error.WriteLine(
                $"zerogo gtp: unknown engine '{engineName}' (known: {string.Join(", ", Engines.Select(e => e.Name))})");
            return 2;
        }

        IMoveGenerator generator;
        try
        {
            generator = choice.Create(options, parse);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"zerogo gtp: could not start engine '{choice.Name}': {e.Message}");
            return 1;
        }

        Console.Error.WriteLine($"zerogo gtp: engine {generator.Name} ({choice.Description}), seed {options.SeedFrom(parse)}");
        var session = new EngineSession(generator);
        var commands = GtpCommandTable.CreateStandard();
        var server = new GtpServer(session, commands, Console.Error);

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdin = new StreamReader(Console.OpenStandardInput(), utf8);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n", AutoFlush = false };
        server.Run(stdin, stdout);
        return 0;
    }

    private sealed record EngineChoice(string Name, string Description, Func<GtpVerbOptions, ParseResult, IMoveGenerator> Create);
}

/// <summary>The gtp verb's options; engines read the ones they need from the parse result.</summary>
internal sealed class GtpVerbOptions
{
    private readonly ulong _defaultSeed = (ulong)Random.Shared.NextInt64();

    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "Which engine plays genmove: random (default).",
        DefaultValueFactory = _ => "random",
    };

    public Option<ulong?> Seed { get; } = new("--seed")
    {
        Description = "Random seed (default: a fresh one, printed on stderr so a game can be replayed).",
    };

    public ulong SeedFrom(ParseResult parse) => parse.GetValue(Seed) ?? _defaultSeed;
}
