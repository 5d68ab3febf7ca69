using System.Globalization;
using ZeroGo.Gtp;
using ZeroGo.Gtp.Analysis;
using ZeroGo.Gtp.Commands;
using ZeroGo.Gtp.Engine;
using ZeroGo.Neural;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Neural.Loading;
using ZeroGo.Search;

namespace ZeroGo.Cli.Engine;

/// <summary>
/// A complete GTP engine built from options: the session, its move generator and the command table with every
/// command the engine offers (the built-ins; with the network engine also lz-/kata-analyze, the genmove_analyze
/// pair and heatmap, and for a 19x19-only network the board-size guard). <c>zerogo gtp</c> serves it on
/// stdin/stdout; tests serve it in process.
/// </summary>
public sealed class GtpEngine : IDisposable
{
    private readonly TextWriter _log;

    private GtpEngine(EngineSession session, GtpCommandTable commands, IMoveGenerator generator, NetworkProvider? networks, TextWriter log)
    {
        Session = session;
        Commands = commands;
        Generator = generator;
        Networks = networks;
        _log = log;
    }

    public EngineSession Session { get; }

    public GtpCommandTable Commands { get; }

    public IMoveGenerator Generator { get; }

    /// <summary>The networks of the network engine (null for the random engine).</summary>
    public NetworkProvider? Networks { get; }

    /// <summary>
    /// Think on the opponent's time: after each genmove the search goes on in the position after the engine's move
    /// until the next command arrives, and the next move reuses that tree. Off by default; the random engine has
    /// nothing to ponder (setting it there changes nothing).
    /// </summary>
    public bool Ponder
    {
        get => Generator is SearchMoveGenerator { Ponder: true };
        set
        {
            if (Generator is SearchMoveGenerator search)
            {
                search.Ponder = value;
            }
        }
    }

    /// <summary>
    /// Builds the engine. Throws <see cref="ArgumentException"/> for bad options and whatever
    /// <see cref="NetworkFactory.Load"/> throws for a bad <c>--model</c> file (the CLI prints the message and exits 1).
    /// </summary>
    /// <param name="log">Start-up notes and diagnostics (stderr in the CLI; never the GTP channel).</param>
    public static GtpEngine Create(GtpEngineOptions options, TextWriter log)
    {
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var commands = GtpCommandTable.CreateStandard();
        if (options.Engine == EngineKind.Random)
        {
            var random = new RandomMoveGenerator(options.Seed);
            return new GtpEngine(new EngineSession(random), commands, random, null, log);
        }

        var networks = new NetworkProvider(options, log);
        try
        {
            var search = (SearchOptions.Default with
            {
                Threads = options.Threads,
                BatchSize = NetworkFactory.LeavesPerThread,
                Seed = options.Seed,
            }).WithScoreUtility(options.ScoreUtility);
            var generator = new SearchMoveGenerator(new LazyNetworkEvaluator(networks), search, options.Visits, options.TimePerMove)
            {
                Resignation = options.Resignation,
            };
            var session = new EngineSession(generator, boardSize: networks.PreferredBoardSize ?? 19);
            commands.Register(new AnalysisCommands(generator));
            commands.Register(new HeatmapCommand((state, argument) =>
                LeelaZeroHeatmap.Answer(networks.ExactEvaluator(state.Geometry), state, argument)));
            if (networks.FixedBoardSize is int size)
            {
                commands.Register(new FixedBoardSizeGuard(size, networks.Family == NetworkFamily.LeelaZero ? "this Leela Zero network" : "this network"));
            }

            return new GtpEngine(session, commands, generator, networks, log);
        }
        catch
        {
            networks.Dispose();
            throw;
        }
    }

    /// <summary>A server for this engine (one at a time; it runs handlers on the thread that calls Run).</summary>
    public GtpServer CreateServer() => new(Session, Commands, _log);

    /// <summary>One line for stderr: which engine, which network, limits and seed.</summary>
    public string Describe(GtpEngineOptions options)
    {
        if (Networks is null)
        {
            return $"engine random (uniform over legal moves that don't fill an own eye), seed {options.Seed}";
        }

        string visits = options.Visits is int v ? $"{v} visits" : "no visit limit";
        string time = options.TimePerMove is TimeSpan t
            ? string.Create(CultureInfo.InvariantCulture, $", at most {t.TotalSeconds:0.###} s per move")
            : "";
        string ponder = Ponder ? ", pondering" : "";
        string resign = options.Resignation.Enabled
            ? string.Create(CultureInfo.InvariantCulture, $", resigns below {options.ResignBelow * 100:0.#}% win rate")
            : ", never resigns";
        return $"engine network: {Networks.Describe()}; {visits}{time}{ponder}{resign}, {options.Threads} search thread(s), " +
               $"{options.Device}, {options.Precision.ShortName()} search (heatmap fp32), seed {options.Seed}";
    }

    public void Dispose()
    {
        (Generator as SearchMoveGenerator)?.StopPondering();
        Networks?.Dispose();
    }
}
