using System.CommandLine;
using System.Text;
using ZeroGo.Cli.Engine;
using ZeroGo.Gtp.Commands;
using ZeroGo.Gtp.KataAnalysis;
using ZeroGo.Neural;
using ZeroGo.Neural.Loading;
using ZeroGo.Search;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo analysis [--model FILE] [--threads N] [--config FILE]</c>: KataGo's JSON analysis engine on
/// stdin/stdout, so KaTrain and analysis scripts can run ZeroGo. Also takes KataGo's own spelling
/// (<c>-model M -config C -analysis-threads N -override-config K=V,…</c>), so a tool set up for KataGo needs only
/// the program changed. Nothing but JSON lines goes to stdout.
/// </summary>
internal static class AnalysisVerb
{
    private const string Name = "zerogo analysis";

    public static Command Create()
    {
        var options = new AnalysisVerbOptions();
        var command = new Command("analysis", "KataGo's JSON analysis engine protocol on stdin/stdout (KaTrain, analysis scripts).")
        {
            options.Model, options.Config, options.Threads, options.OverrideConfig, options.QuitWithoutWaiting,
            options.Device, options.Precision, options.Seed,
        };
        command.SetAction(parse => Run(options, parse));
        return command;
    }

    private static int Run(AnalysisVerbOptions options, ParseResult parse)
    {
        AnalysisSetup setup;
        try
        {
            setup = AnalysisSetup.From(options, parse, Console.Error);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            return UsageError.Report("analysis", e.Message);
        }

        NetworkProvider networks;
        try
        {
            networks = new NetworkProvider(setup.Engine, Console.Error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string what = setup.Engine.ModelPath is { } model ? $"cannot use model '{model}'" : "cannot start the engine";
            Console.Error.WriteLine($"{Name}: {what}: {string.Join(' ', e.Message.Split('\n', StringSplitOptions.TrimEntries))}");
            return 1;
        }

        using (networks)
        {
            var engine = new AnalysisEngine(new AnalysisEngineOptions
            {
                Evaluator = new LazyNetworkEvaluator(networks),
                Settings = setup.Settings,
                AnalysisThreads = setup.AnalysisThreads,
                ClearCache = networks.ClearCaches,
                Version = ProtocolCommands.ZeroGoVersion,
                QuitWithoutWaiting = parse.GetValue(options.QuitWithoutWaiting),
            }, new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)), Console.Error);
            Console.Error.WriteLine($"{Name}: {networks.Describe()}; {setup.AnalysisThreads} analysis thread(s) x " +
                                    $"{setup.Settings.Search.Threads} search thread(s), {setup.Settings.MaxVisits} visits by default, " +
                                    $"{setup.Engine.Device}, {setup.Engine.Precision.ShortName()}, seed {setup.Engine.Seed}");
            Console.Error.WriteLine($"{Name}: ready for queries, one JSON object per line");
            using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            engine.Run(stdin);
        }

        return 0;
    }
}

/// <summary>
/// The analysis verb's settings from its options, its config file and -override-config: the search defaults,
/// the analysis threads and the network options. Config keys ZeroGo does not use are named once on the log.
/// </summary>
internal sealed record AnalysisSetup(AnalysisSettings Settings, int AnalysisThreads, GtpEngineOptions Engine)
{
    /// <summary>KataGo's default number of positions analysed at once when neither option nor config says.</summary>
    // 8, not KataGo's usual 2: more turns in flight fill the CPU evaluator's batches; a 212-turn game at 32 visits took 17-20 s with 8 threads, 31 s with 2 (docs/benchmarks.md).
    private const int DefaultAnalysisThreads = 8;

    public static AnalysisSetup From(AnalysisVerbOptions options, ParseResult parse, TextWriter log)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (parse.GetValue(options.Config) is { } config)
        {
            pairs.AddRange(KataConfig.ParseFile(File.ReadAllText(config)));
        }

        if (parse.GetValue(options.OverrideConfig) is { } overrides)
        {
            pairs.AddRange(KataConfig.ParseOverrides(overrides));
        }

        ulong seed = parse.GetValue(options.Seed) ?? (ulong)Random.Shared.NextInt64();
        var settings = AnalysisSettings.Default with
        {
            Search = SearchOptions.Default with { Threads = 1, BatchSize = NetworkFactory.LeavesPerThread, Seed = seed },
        };
        int? configThreads = null;
        var unused = new List<string>();
        foreach (var (key, value) in pairs)
        {
            if (key == "numAnalysisThreads")
            {
                configThreads = int.TryParse(value, out int threads) ? threads : throw new FormatException($"numAnalysisThreads: expected an integer, got '{value}'");
                continue;
            }

            var outcome = AnalysisSettingKeys.Apply(settings, key, value);
            if (outcome.Error is not null)
            {
                throw new FormatException(outcome.Error);
            }

            if (!outcome.Known && !unused.Contains(key))
            {
                unused.Add(key);
            }

            settings = outcome.Settings;
        }

        if (unused.Count > 0)
        {
            log.WriteLine($"zerogo analysis: ignoring config keys ZeroGo does not use: {string.Join(", ", unused)}");
        }

        int analysisThreads = parse.GetValue(options.Threads) ?? configThreads ?? DefaultAnalysisThreads;
        if (analysisThreads is < 1 or > 256)
        {
            throw new ArgumentException($"analysis threads must be 1..256 (got {analysisThreads})");
        }

        var engine = new GtpEngineOptions
        {
            ModelPath = parse.GetValue(options.Model),
            Visits = settings.MaxVisits,
            // Every search thread of every analysis thread may wait in one batch.
            Threads = Math.Min(256, analysisThreads * settings.Search.Threads),
            Device = GtpVerbOptions.ParseDevice(parse.GetValue(options.Device)),
            Precision = GtpVerbOptions.ParsePrecision(parse.GetValue(options.Precision), GtpVerbOptions.ParseDevice(parse.GetValue(options.Device))),
            Seed = seed,
        };
        if (engine.Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        return new AnalysisSetup(settings, analysisThreads, engine);
    }
}

/// <summary>The analysis verb's options, each with KataGo's single-dash spelling as an alias.</summary>
internal sealed class AnalysisVerbOptions
{
    public Option<string?> Model { get; } = new("--model", "-model")
    {
        Description = "--model or -model: a ZeroGo model or a Leela Zero weight file. Default: the bundled model that fits each query's board, else a fresh network.",
    };

    public Option<string?> Config { get; } = new("--config", "-config")
    {
        Description = "--config or -config: a KataGo analysis config file (key = value); keys that map to ZeroGo's search are used, others named once on stderr.",
    };

    public Option<int?> Threads { get; } = new("--threads", "-analysis-threads")
    {
        Description = "Positions analysed at once, sharing the network's batches (KataGo's numAnalysisThreads; default 8).",
    };

    public Option<string?> OverrideConfig { get; } = new("--override-config", "-override-config")
    {
        Description = "--override-config or -override-config: key=value,key=value settings applied after the config file.",
    };

    public Option<bool> QuitWithoutWaiting { get; } = new("--quit-without-waiting", "-quit-without-waiting")
    {
        Description = "--quit-without-waiting or -quit-without-waiting: at end of input, stop the analyses in flight instead of finishing every queued one.",
    };

    public Option<string?> Device { get; } = new("--device") { Description = "cpu (default) or cuda." };

    public Option<string?> Precision { get; } = new("--precision") { Description = "auto (default: as gtp), bf16 or fp32 inference." };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Random seed (default: a fresh one, printed on stderr)." };
}
