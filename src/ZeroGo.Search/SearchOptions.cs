namespace ZeroGo.Search;

/// <summary>
/// How the search behaves (everything but when it stops: see <see cref="SearchLimits"/>). An immutable record:
/// derive variants with <c>with { … }</c>. Win rates here are on the [0, 1] scale from the side to move's view.
/// </summary>
public sealed record SearchOptions
{
    public static SearchOptions Default { get; } = new();

    /// <summary>Search threads; each gathers up to <see cref="BatchSize"/> leaves under virtual loss per evaluator call.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Leaves one thread gathers (Ceres style) before one <see cref="IEvaluator.Evaluate"/> call.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>AlphaZero's c_init: exploration weight at small visit counts.</summary>
    public double CPuctInit { get; init; } = 1.25;

    /// <summary>AlphaZero's c_base: c(s) = c_init + log((N + c_base + 1) / c_base) grows slowly with visits.</summary>
    public double CPuctBase { get; init; } = 19652;

    /// <summary>First-play urgency: an unvisited child is valued at the parent's win rate minus this times sqrt(visited policy).</summary>
    public double FpuReduction { get; init; } = 0.25;

    /// <summary>The same reduction at the root (0: try every root move as if it were as good as the position).</summary>
    public double RootFpuReduction { get; init; } = 0.1;

    /// <summary>Losses added per in-flight descent through a node so parallel descents spread out.</summary>
    public int VirtualLoss { get; init; } = 1;

    /// <summary>Weight of Dirichlet noise mixed into the root priors (self-play uses 0.25; 0 = off).</summary>
    public double DirichletEpsilon { get; init; }

    /// <summary>Total Dirichlet concentration, spread over the legal root moves (0.03 × 361 as in AlphaZero on 19×19).</summary>
    public double DirichletAlphaTotal { get; init; } = 10.83;

    /// <summary>
    /// KataGo's rootPolicyTemperature: the root's priors become p^(1/T), renormalised, before any noise. Above 1
    /// the root search spreads wider; 1 leaves the network's policy as it is.
    /// </summary>
    public double RootPolicyTemperature { get; init; } = 1;

    /// <summary>
    /// KataGo's staticScoreUtilityFactor: besides winning, the search values a larger expected lead, as
    /// <c>factor · 2/π · atan(lead / √area)</c> on the value's [-1, 1] scale added to each move's win value. A network
    /// whose value head saturates (a won or lost game reads 95 % either way) otherwise stops telling a safe move from
    /// a slack one; the lead still does. 0 = win rate only (AlphaZero; self-play keeps it so). Needs a trained score head.
    /// </summary>
    public double StaticScoreUtility { get; init; }

    /// <summary>
    /// KataGo's dynamicScoreUtilityFactor: the same curve centred on the root's current expected lead, so that gaining
    /// or losing a few points near the expected result counts wherever the game stands. 0 = off.
    /// </summary>
    public double DynamicScoreUtility { get; init; }

    /// <summary>
    /// One knob for both score utilities, as <c>--score-utility</c> gives it: the dynamic factor <paramref name="weight"/>
    /// and the static a third of it, KataGo's ratio (its play defaults, 0.3 and 0.1, are a weight of 0.3).
    /// </summary>
    public SearchOptions WithScoreUtility(double weight) =>
        this with { StaticScoreUtility = weight / 3, DynamicScoreUtility = weight };

    /// <summary>Keep each root move's mean ownership (KataGo's includeMovesOwnership): one board of sums per visited root move.</summary>
    public bool TrackMoveOwnership { get; init; }

    /// <summary>Choose the final move by lower confidence bound among well-visited moves (Leela Zero 0.17); else by visits.</summary>
    public bool UseLcb { get; init; } = true;

    /// <summary>Standard deviations below the mean for the LCB.</summary>
    public double LcbZ { get; init; } = 1.96;

    /// <summary>Only moves with at least this fraction of the most-visited move's visits may win on LCB.</summary>
    public double LcbMinVisitFraction { get; init; } = 0.1;

    /// <summary>
    /// Never pass when ending the game here would lose it by an area count of the board as it stands (Leela Zero's
    /// rule, off with its <c>--dumbpass</c>): play the best other move instead. A network trained on human games,
    /// which ended with dead stones still on the board, or a young self-play network whose every game ended in two
    /// passes, gives pass a large prior and would otherwise pass away won games. Self-play turns it off, so its
    /// training targets stay the search's own.
    /// </summary>
    public bool AvoidLosingPass { get; init; } = true;

    /// <summary>Resign when the best move's win rate is below this (null: never resign).</summary>
    public double? ResignWinRate { get; init; }

    /// <summary>Visits the root needs before a resignation is trusted.</summary>
    public int ResignMinVisits { get; init; } = 100;

    /// <summary>Memory cap: tree nodes (44 bytes each). The search stops with <see cref="StopReason.MemoryFull"/> when reached.</summary>
    public int MaxNodes { get; init; } = 16_000_000;

    /// <summary>Memory cap on the whole tree (nodes plus child edges), in bytes.</summary>
    public long MaxTreeBytes { get; init; } = 2L << 30;

    /// <summary>Mark legal-mask points that repeat an earlier position (superko) in every request (costs a hash probe per point).</summary>
    public bool SuperkoInLegalMask { get; init; } = true;

    /// <summary>Keep the subtree of the played moves between searches.</summary>
    public bool ReuseTree { get; init; } = true;

    /// <summary>Longest principal variation reported per candidate.</summary>
    public int MaxPvLength { get; init; } = 24;

    /// <summary>Seed for noise and sampling (0: from the clock).</summary>
    public ulong Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message when a setting is out of range.</summary>
    public void Validate()
    {
        Require(Threads is >= 1 and <= 256, $"threads must be 1..256 (got {Threads})");
        Require(BatchSize is >= 1 and <= 4096, $"batch size must be 1..4096 (got {BatchSize})");
        Require(Threads * BatchSize <= ushort.MaxValue, "threads × batch size must be at most 65535 (descents in flight per node)");
        Require(CPuctInit > 0 && CPuctBase > 0, "c_puct init and base must be positive");
        Require(FpuReduction >= 0 && RootFpuReduction >= 0, "FPU reductions must not be negative");
        Require(VirtualLoss is >= 0 and <= 100, $"virtual loss must be 0..100 (got {VirtualLoss})");
        Require(DirichletEpsilon is >= 0 and <= 1, "Dirichlet epsilon must be in [0, 1]");
        Require(DirichletAlphaTotal > 0, "Dirichlet alpha must be positive");
        Require(StaticScoreUtility is >= 0 and <= 1 && DynamicScoreUtility is >= 0 and <= 1,
            $"score utility factors must be in [0, 1] (got {StaticScoreUtility}, {DynamicScoreUtility})");
        Require(RootPolicyTemperature is > 0 and <= 100, $"root policy temperature must be in (0, 100] (got {RootPolicyTemperature})");
        Require(LcbMinVisitFraction is >= 0 and <= 1, "LCB visit fraction must be in [0, 1]");
        Require(ResignWinRate is null or (>= 0 and <= 1), "resign win rate must be in [0, 1]");
        Require(MaxNodes >= 2, "the node cap must allow at least 2 nodes");
        Require(MaxTreeBytes >= 1 << 20, "the tree memory cap must be at least 1 MiB");
        Require(MaxPvLength >= 1, "PV length must be at least 1");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

/// <summary>When a search stops; any limit reached stops it. All null means "until stopped" (analysis, pondering).</summary>
public sealed record SearchLimits
{
    public static SearchLimits Infinite { get; } = new();

    /// <summary>
    /// Root visits per move of an engine given neither visits nor a clock (gtp, analysis, the 9x9 desktop board):
    /// the one place this default lives.
    /// </summary>
    public const int DefaultMoveVisits = 800;

    /// <summary>Visits of the root, reused ones included (Leela Zero's --visits).</summary>
    public int? MaxVisits { get; init; }

    /// <summary>New visits made by this search (Leela Zero's --playouts).</summary>
    public int? MaxPlayouts { get; init; }

    public TimeSpan? MaxTime { get; init; }

    public static SearchLimits Visits(int visits) => new() { MaxVisits = visits };

    public static SearchLimits Playouts(int playouts) => new() { MaxPlayouts = playouts };

    public static SearchLimits Time(TimeSpan time) => new() { MaxTime = time };

    public bool IsInfinite => MaxVisits is null && MaxPlayouts is null && MaxTime is null;
}

/// <summary>Why a search ended.</summary>
public enum StopReason
{
    None,
    VisitLimit,
    PlayoutLimit,
    TimeLimit,
    Stopped,
    /// <summary>The node or memory cap was reached; the tree is kept, the search ends.</summary>
    MemoryFull,
    /// <summary>The root has no legal move but pass and nothing else to decide.</summary>
    NothingToSearch,
}
