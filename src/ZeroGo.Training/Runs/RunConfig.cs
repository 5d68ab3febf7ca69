using System.Text.Json;
using ZeroGo.Neural;
using System.Text.Json.Serialization;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Runs;

/// <summary>
/// Every setting of a training run, saved as <c>config.json</c> in the run folder so the run can be resumed
/// and reproduced. <see cref="ForSize"/> gives defaults per board size that learn on a small CPU machine.
/// </summary>
public sealed record RunConfig
{
    public int Size { get; init; } = 9;

    public double Komi { get; init; } = 7.5;

    /// <summary>Seeds the initial network, self-play noise and training order.</summary>
    public ulong Seed { get; init; } = 1;

    public NetworkSettings Network { get; init; } = new();

    public SelfPlaySettings SelfPlay { get; init; } = new();

    public TrainingSettings Training { get; init; } = new();

    public GateSettings Gate { get; init; } = new();

    /// <summary>Supervised training on human games streamed from a kifu collection; null for self-play runs.</summary>
    public SupervisedSettings? Supervised { get; init; }

    /// <summary>The model generation 0 was initialised from (<c>--init</c>); null: random initial weights.</summary>
    public InitModelRecord? Init { get; init; }

    /// <summary>
    /// Share of the size's learning rate a run seeded with a trained network starts at. Measured on 9x9 from a
    /// network of 94 generations (<c>docs/training.md</c>, "Continuing from a trained network"): at the from-zero rate
    /// 0.02 the continuation lost to its start (gen 4 5-15, gen 6 4-16), at a quarter of it it gained (gen 22 15-5).
    /// </summary>
    public const double InitLearningRateShare = 0.25;

    /// <summary>
    /// This config for a run seeded with <paramref name="init"/>: the network shape is the model's (or
    /// <paramref name="blocks"/> deep, when that is more: the model grows by identity blocks), and the learning
    /// rate a quarter of the from-zero one (<see cref="InitLearningRateShare"/>), so training refines the network
    /// instead of undoing it. Its self-play may resign from the start: the model already judges positions.
    /// </summary>
    public RunConfig StartingFrom(InitModelRecord init, int? blocks = null)
    {
        if (blocks < init.Blocks)
        {
            throw new ArgumentException($"--blocks {blocks}: the init model {init.Path} has {init.Blocks} blocks; a run from it can add blocks, not remove them");
        }

        return this with
        {
            Init = init,
            Network = Network with { Blocks = blocks ?? init.Blocks, Channels = init.Channels },
            Training = Training with { LearningRate = Training.LearningRate * InitLearningRateShare },
            SelfPlay = SelfPlay with { ResignFromGeneration = 0 },
        };
    }

    /// <summary>
    /// Generation 0's network: random weights in the run's shape (seeded by the run's seed), or the init model as it
    /// is or deepened to the run's blocks (<see cref="InitModelRecord.LoadAs"/>).
    /// </summary>
    public PolicyValueNetwork CreateInitialNetwork()
    {
        var shape = new NetworkConfig { Blocks = Network.Blocks, Channels = Network.Channels };
        long seed = (long)(Seed & 0x7FFFFFFF);
        return Init is { } init
            ? init.LoadAs(shape, Training.Device, seed)
            : PolicyValueNetwork.Create(shape, Training.Device, seed);
    }

    /// <summary>
    /// Training steps behind a network of this run after <paramref name="stepsOfThisRun"/>: those of the model it
    /// started from (<see cref="Init"/>) and its own, so a model's manifest counts its lineage, as its CPU-hours do.
    /// </summary>
    public long LineageSteps(long stepsOfThisRun) => (Init?.TrainingSteps ?? 0) + stepsOfThisRun;

    /// <summary>
    /// Defaults per board size (network, visits, games per generation, komi) that learn in hours on 2 cores. Self-play
    /// searches with Gumbel sequential halving: at the same CPU time on 7x7 it beat PUCT 100-0, whose runs from zero
    /// collapsed (<c>docs/training.md</c>, "PUCT against Gumbel"); PUCT stays a choice (<c>loop --puct</c>). A config
    /// file without the field reads as PUCT, so runs made before keep the search they began with.
    /// </summary>
    public static RunConfig ForSize(int size, ulong seed = 1)
    {
        var config = new RunConfig { Size = size, Seed = seed, Komi = DefaultKomi(size) };
        return size switch
        {
            <= 7 => config with
            {
                Network = new NetworkSettings { Blocks = 4, Channels = 48 },
                SelfPlay = new SelfPlaySettings
                {
                    GamesPerGeneration = 96, Visits = 64, CheapVisits = 16, FullSearchProbability = 0.25,
                    TemperatureMoves = 6, ConcurrentGames = 32, Gumbel = true,
                },
                Training = new TrainingSettings { StepsPerGeneration = 200, BatchSize = 128, LearningRate = 0.02, WindowMinSamples = 20_000, WindowMaxSamples = 250_000, Precision = "auto" },
            },
            <= 9 => config with
            {
                Network = new NetworkSettings { Blocks = 6, Channels = 64 },
                SelfPlay = new SelfPlaySettings
                {
                    GamesPerGeneration = 128, Visits = 128, CheapVisits = 24, FullSearchProbability = 0.25,
                    TemperatureMoves = 10, ConcurrentGames = 48, Gumbel = true,
                },
                Training = new TrainingSettings { StepsPerGeneration = 300, BatchSize = 128, LearningRate = 0.02, Precision = "auto" },
            },
            _ => config with
            {
                Network = new NetworkSettings { Blocks = 6, Channels = 64 },
                SelfPlay = new SelfPlaySettings
                {
                    GamesPerGeneration = 64, Visits = 200, CheapVisits = 32, FullSearchProbability = 0.25,
                    TemperatureMoves = size * 2, ConcurrentGames = 48, Gumbel = true,
                },
                Training = new TrainingSettings { StepsPerGeneration = 400, BatchSize = 128, LearningRate = 0.02, Precision = "auto" },
            },
        };
    }

    /// <summary>Komi near the fair value under area scoring (a half point avoids draws).</summary>
    public static double DefaultKomi(int size) => size switch
    {
        <= 4 => 0.5,
        5 => 24.5,
        6 => 4.5,
        7 => 9.5,
        _ => 7.5,
    };

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunConfig FromJson(string json) =>
        JsonSerializer.Deserialize<RunConfig>(json, Json) ?? throw new InvalidDataException("config.json is empty");

    /// <summary>Checks ranges; throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        Check(Size is >= 2 and <= 19, "size", "2..19");
        Check(Network.Blocks is >= 1 and <= 40, "network.blocks", "1..40");
        Check(Network.Channels is >= 8 and <= 512, "network.channels", "8..512");
        Check(SelfPlay.GamesPerGeneration >= 1, "selfPlay.gamesPerGeneration", ">= 1");
        Check(SelfPlay.Visits >= 1 && SelfPlay.CheapVisits >= 1, "selfPlay.visits", ">= 1");
        Check(SelfPlay.FullSearchProbability is > 0 and <= 1, "selfPlay.fullSearchProbability", "(0, 1]");
        Check(SelfPlay.ResignPlayThroughShare is >= 0 and <= 1, "selfPlay.resignPlayThroughShare", "[0, 1]");
        Check(SelfPlay.ResignFromGeneration >= 0, "selfPlay.resignFromGeneration", ">= 0");
        Check(SelfPlay.ConcurrentGames >= 1, "selfPlay.concurrentGames", ">= 1");
        Check(Training.BatchSize >= 1, "training.batchSize", ">= 1");
        Check(Training.StepsPerGeneration >= 1, "training.stepsPerGeneration", ">= 1");
        Check(Training.LearningRate > 0, "training.learningRate", "> 0");
        Check(Training.ValueWeight is >= 0 and <= 100, "training.valueWeight", "0..100");
        Check(Training.ValueSearchShare is >= 0 and <= 1, "training.valueSearchShare", "0..1");
        Check(Training.WindowMinSamples >= 1 && Training.WindowMaxSamples >= Training.WindowMinSamples,
            "training.windowMinSamples/windowMaxSamples", "1 <= min <= max");
        Check(Gate.Games >= 1 && Gate.Visits >= 1, "gate.games/gate.visits", ">= 1");
        Check(Gate.Threshold is >= 0 and <= 1, "gate.threshold", "0..1");
        try
        {
            TrainingPrecision.Parse(Training.Precision);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"config setting training.precision: {e.Message}", e);
        }
        if (Supervised is { } supervised)
        {
            Check(supervised.Source.Length > 0, "supervised.source", "a kifu collection");
            Check(supervised.PositionsPerGame is >= 1 and <= 1000, "supervised.positionsPerGame", "1..1000");
            Check(supervised.ShuffleGames is >= 1 and <= 1_000_000, "supervised.shuffleGames", "1..1000000");
        }

        if (Init is not null && (Init.Blocks > Network.Blocks || Init.Channels != Network.Channels))
        {
            throw new ArgumentException(
                $"config: network b{Network.Blocks}c{Network.Channels} differs from the init model {Init.Describe()}; a run seeded from a model has its width and at least its blocks");
        }
    }

    private static void Check(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"config setting {name} must be {range}");
        }
    }
}

public sealed record NetworkSettings
{
    public int Blocks { get; init; } = 6;

    public int Channels { get; init; } = 64;
}

public sealed record SelfPlaySettings
{
    public int GamesPerGeneration { get; init; } = 128;

    /// <summary>Visits of a full search (its visit distribution becomes a policy target).</summary>
    public int Visits { get; init; } = 128;

    /// <summary>Visits of a cheap search (playout-cap randomisation: value targets only).</summary>
    public int CheapVisits { get; init; } = 24;

    /// <summary>Share of moves searched fully (KataGo uses 0.25).</summary>
    public double FullSearchProbability { get; init; } = 0.25;

    /// <summary>Moves at the start chosen in proportion to visits (temperature 1); later moves are the best.</summary>
    public int TemperatureMoves { get; init; } = 10;

    public double DirichletEpsilon { get; init; } = 0.25;

    /// <summary>
    /// PUCT: train the policy on the visit distribution less the visits only noise and exploration bought
    /// (KataGo's policy target pruning); false trains on the raw visits, which let 7x7 runs collapse.
    /// </summary>
    public bool PolicyTargetPruning { get; init; } = true;

    /// <summary>Total Dirichlet concentration over the legal moves (AlphaZero: 0.03 × 361 on 19x19; here ~10 / legal moves).</summary>
    public double DirichletAlphaTotal { get; init; } = 10.83;

    /// <summary>Resign when the best move's win rate stays below this for <see cref="ResignConsecutiveMoves"/> moves.</summary>
    public double ResignWinRate { get; init; } = 0.05;

    public int ResignConsecutiveMoves { get; init; } = 3;

    /// <summary>
    /// First generation whose self-play may resign. A run from zero's first networks judge positions badly: their
    /// confident early resignations (a 6x6 run's generation 1 once ended its games after 6.6 moves, against 34
    /// before) teach the next networks that games end at once, the collapse in one step (KataGo's resignation guard
    /// early in a run). Until then every game is played through and counted as a would-be resignation. A run
    /// started from a trained model (<see cref="RunConfig.StartingFrom"/>) may resign from generation 0.
    /// </summary>
    public int ResignFromGeneration { get; init; } = 5;

    /// <summary>Share of games that never resign, to measure how often a resignation would have been wrong.</summary>
    public double ResignPlayThroughShare { get; init; } = 0.1;

    /// <summary>Games played at once, all feeding one batched evaluator.</summary>
    public int ConcurrentGames { get; init; } = 32;

    /// <summary>Leaves one search gathers per evaluator call.</summary>
    public int SearchBatch { get; init; } = 4;

    /// <summary>Move cap as a multiple of the board area; the game is then counted as it stands.</summary>
    public double MoveCapFactor { get; init; } = 2.5;

    /// <summary>Use Gumbel root search (sequential halving) instead of PUCT with Dirichlet noise.</summary>
    public bool Gumbel { get; init; }

    /// <summary>Root actions sampled by Gumbel top-k (Danihelka et al. use 16).</summary>
    public int GumbelTopK { get; init; } = 16;
}

public enum OptimizerKind
{
    Sgd,
    AdamW,
}

public sealed record TrainingSettings
{
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    public double LearningRate { get; init; } = 0.02;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 3e-5;

    /// <summary>Learning rate is multiplied by this after <see cref="LearningRateDecayAfterSteps"/> total steps (step schedule).</summary>
    public double LearningRateDecay { get; init; } = 0.3;

    public int LearningRateDecayAfterSteps { get; init; } = 20_000;

    /// <summary>Linear warm-up over the first steps of the run.</summary>
    public int WarmupSteps { get; init; } = 100;

    public int BatchSize { get; init; } = 128;

    public int StepsPerGeneration { get; init; } = 300;

    public int CheckpointEverySteps { get; init; } = 100;

    /// <summary>Replay window: at least this many recent samples (or all there are) ...</summary>
    public int WindowMinSamples { get; init; } = 50_000;

    /// <summary>... growing with the run (KataGo: min × (1 + β((N/min)^α − 1)/α)) up to this cap.</summary>
    public int WindowMaxSamples { get; init; } = 500_000;

    public double WindowGrowthAlpha { get; init; } = 0.75;

    public double WindowGrowthBeta { get; init; } = 0.4;

    /// <summary>Loss weights per head.</summary>
    public double PolicyWeight { get; init; } = 1.0;

    public double ValueWeight { get; init; } = 1.0;

    public double ScoreWeight { get; init; } = 0.02;

    public double OwnershipWeight { get; init; } = 0.5;

    /// <summary>
    /// Share of a self-play position's value target taken from its own search (the root value, as a win/loss
    /// probability) instead of the game's result: 0 = the result alone (AlphaZero), 0.5 = their mean. The result
    /// carries every later mistake of a noisy game; the search's value carries only its own. Human moves (no
    /// search) always learn the result.
    /// </summary>
    public double ValueSearchShare { get; init; }

    /// <summary>Random board symmetry per sample (inputs and targets together).</summary>
    public bool Symmetries { get; init; } = true;

    /// <summary>cpu or cuda.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// fp32, bf16 (mixed: bf16 forward/backward, fp32 master weights) or auto (bf16 where the CPU computes it
    /// natively and it measured faster than fp32, <see cref="Neural.Bf16Speed"/>). fp32 here so that runs whose config.json predates the setting resume as they were; new runs get auto.
    /// </summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>
    /// libtorch threads while training (0: leave libtorch's default). On a small, busy machine 1 is often
    /// faster than 2: oversubscribed parallel regions spin and wait.
    /// </summary>
    public int Threads { get; init; }
}

/// <summary>
/// What a supervised run reads and how it samples (fixed when the run is created: the saved stream position means
/// something only with the same collection, seed and sampling).
/// </summary>
public sealed record SupervisedSettings
{
    /// <summary>The kifu collection (full path), e.g. the tygem-9d folder.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// Positions sampled from each game. Positions of one game are strongly correlated (AlphaGo's value network learned
    /// games by heart when trained on all of them), so a few per game, with many games, teach more per step.
    /// </summary>
    public int PositionsPerGame { get; init; } = 8;

    /// <summary>Games whose sampled positions are shuffled together before batches are drawn (8 each: 32,768 positions).</summary>
    public int ShuffleGames { get; init; } = 4096;
}

public sealed record GateSettings
{
    /// <summary>Off by default: every trained network is promoted.</summary>
    public bool Enabled { get; init; }

    public int Games { get; init; } = 40;

    public int Visits { get; init; } = 32;

    /// <summary>Score the candidate needs against the current best to be promoted.</summary>
    public double Threshold { get; init; } = 0.55;
}
