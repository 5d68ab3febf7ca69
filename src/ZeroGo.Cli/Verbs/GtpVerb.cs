using System.CommandLine;
using System.Globalization;
using System.Text;
using ZeroGo.Cli.Engine;
using ZeroGo.Neural;
using ZeroGo.Search;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo gtp [--engine network|random] [--model FILE] [--visits N] [--threads N] [--time S] [--ponder] [--device D]
/// [--precision P] [--seed N]</c>: a GTP engine on stdin/stdout for GUIs (Sabaki, Lizzie), servers and match
/// runners. Nothing but GTP goes to stdout; the engine's choice, seed and any problems go to stderr.
/// </summary>
/// <remarks>
/// The engine itself is built by <see cref="GtpEngine.Create"/> (src/ZeroGo.Cli/Engine), which other verbs and the
/// tests share; this verb only parses options, reports start-up problems and serves the engine on the console.
/// </remarks>
internal static class GtpVerb
{
    public static Command Create()
    {
        var options = new GtpVerbOptions();
        var command = new Command("gtp", "Run the GTP engine on stdin/stdout (GTP version 2, plus GNU Go / KGS / Leela Zero / KataGo extensions).")
        {
            options.Engine, options.Model, options.Visits, options.Threads, options.Time, options.Ponder, options.Device, options.Precision,
            options.Seed, options.ScoreUtility, options.ResignBelow,
        };
        command.SetAction(parse => Run(options, parse));
        return command;
    }

    private static int Run(GtpVerbOptions options, ParseResult parse)
    {
        GtpEngineOptions engineOptions;
        try
        {
            engineOptions = options.ToEngineOptions(parse);
        }
        catch (ArgumentException e)
        {
            return UsageError.Report("gtp", e.Message);
        }

        if (engineOptions.Validate() is { } problem)
        {
            return UsageError.Report("gtp", problem);
        }

        GtpEngine engine;
        try
        {
            engine = GtpEngine.Create(engineOptions, Console.Error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bad --model file, an unusable --device: one clear line, no stack trace, exit code 1.
            string what = engineOptions.ModelPath is { } model ? $"cannot use model '{model}'" : "cannot start the engine";
            Console.Error.WriteLine($"zerogo gtp: {what}: {OneLine(e.Message)}");
            return 1;
        }

        using (engine)
        {
            engine.Ponder = parse.GetValue(options.Ponder);
            if (parse.GetValue(options.Ponder) && !engine.Ponder)
            {
                Console.Error.WriteLine("zerogo gtp: --ponder has no effect with --engine random (it does not search)");
            }

            Console.Error.WriteLine($"zerogo gtp: {engine.Describe(engineOptions)}");
            var server = engine.CreateServer();
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            using var stdin = new StreamReader(Console.OpenStandardInput(), utf8);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n", AutoFlush = false };
            server.Run(stdin, stdout);
        }

        return 0;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>The gtp verb's options and their translation into <see cref="GtpEngineOptions"/>.</summary>
internal sealed class GtpVerbOptions
{
    /// <summary>Root visits per move when neither --visits nor --time is given.</summary>
    public const int DefaultVisits = SearchLimits.DefaultMoveVisits;

    private readonly ulong _defaultSeed = (ulong)Random.Shared.NextInt64();

    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "Which engine plays: network (default: the search guided by a network) or random (the baseline).",
        DefaultValueFactory = _ => "network",
    };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "A ZeroGo model (STEM, STEM.json or STEM.weights) or a Leela Zero weight file (text or .gz), told apart " +
                      "by content. Default: the bundled model in models/ that fits the board, else a freshly initialised network.",
    };

    public Option<int?> Visits { get; } = new("--visits")
    {
        Description = $"Root visits per move (default {DefaultVisits}, or unlimited when --time is given).",
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Search threads.",
        DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, 1, 8),
    };

    public Option<double?> Time { get; } = new("--time")
    {
        Description = "Seconds per move at most (the budget when the controller sends no time_settings; a clock can only shorten it).",
    };

    public Option<bool> Ponder { get; } = new("--ponder")
    {
        Description = "Think on the opponent's time: after each genmove the network engine searches on until the next command " +
                      "arrives, and the next move reuses that tree (off by default).",
    };

    public Option<string> Device { get; } = new("--device")
    {
        Description = "cpu or cuda (cuda needs the CUDA build, see docs/network.md).",
        DefaultValueFactory = _ => ComputeDevice.Cpu,
    };

    public Option<string> Precision { get; } = new("--precision")
    {
        Description = "Search inference precision: auto (the default: on a CPU bf16 where it measured faster than fp32 on this machine, see docs/benchmarks.md; bf16 on cuda), bf16 or fp32. heatmap always uses fp32.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<ulong?> Seed { get; } = new("--seed")
    {
        Description = "Random seed (default: a fresh one, printed on stderr so a game can be replayed).",
    };

    public Option<double> ScoreUtility { get; } = ArenaVerb.ScoreUtilityOption();

    public Option<double> ResignBelow { get; } = new("--resign-below")
    {
        Description = $"genmove resigns when its win rate has stayed below this percentage for {ResignationRule.Default.ConsecutiveMoves} of its moves in a row, once a quarter of the board's points are played (Leela Zero and KataGo resign too); 0: never.",
        DefaultValueFactory = _ => ResignationRule.Default.WinRateBelow * 100,
    };

    /// <summary>Throws <see cref="ArgumentException"/> for values no engine accepts.</summary>
    public GtpEngineOptions ToEngineOptions(ParseResult parse)
    {
        string engineName = (parse.GetValue(Engine) ?? "network").Trim().ToLowerInvariant();
        var engine = engineName switch
        {
            "network" => EngineKind.Network,
            "random" => EngineKind.Random,
            _ => throw new ArgumentException($"unknown engine '{engineName}' (known: network, random)"),
        };
        string device = ParseDevice(parse.GetValue(Device));
        var precision = ParsePrecision(parse.GetValue(Precision), device);
        double? seconds = parse.GetValue(Time);
        if (seconds is { } s && (!double.IsFinite(s) || s <= 0 || s > 86_400))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--time must be a positive number of seconds up to one day (got {s})"));
        }

        TimeSpan? time = seconds is { } value ? TimeSpan.FromSeconds(value) : null;
        return new GtpEngineOptions
        {
            Engine = engine,
            ModelPath = parse.GetValue(Model),
            Visits = parse.GetValue(Visits) ?? (time is null ? DefaultVisits : null),
            Threads = parse.GetValue(Threads),
            TimePerMove = time,
            Device = device,
            Precision = precision,
            Seed = parse.GetValue(Seed) ?? _defaultSeed,
            ScoreUtility = parse.GetValue(ScoreUtility),
            ResignBelow = parse.GetValue(ResignBelow) / 100,
        };
    }

    /// <summary>cpu, cuda or cuda:N (also for the analysis verb); throws <see cref="ArgumentException"/> otherwise.</summary>
    public static string ParseDevice(string? text)
    {
        string device = (text ?? ComputeDevice.Cpu).Trim().ToLowerInvariant();
        if (device != ComputeDevice.Cpu && device != ComputeDevice.Cuda && !device.StartsWith(ComputeDevice.Cuda + ":", StringComparison.Ordinal))
        {
            throw new ArgumentException($"unknown device '{device}': use cpu or cuda");
        }

        return device;
    }

    /// <summary>
    /// auto (also null), bf16 or fp32 (also for the analysis verb); throws <see cref="ArgumentException"/> otherwise.
    /// auto: on the CPU the measured default (<see cref="Neural.PrecisionExtensions.InferenceDefault"/>), on cuda bf16.
    /// </summary>
    public static Neural.Precision ParsePrecision(string? text, string device) => (text ?? "auto").Trim().ToLowerInvariant() switch
    {
        "auto" => device == ComputeDevice.Cpu ? Neural.PrecisionExtensions.InferenceDefault : Neural.Precision.BFloat16,
        "bf16" or "bfloat16" => Neural.Precision.BFloat16,
        "fp32" or "float32" => Neural.Precision.Float32,
        var other => throw new ArgumentException($"unknown precision '{other}': use auto, bf16 or fp32"),
    };
}
