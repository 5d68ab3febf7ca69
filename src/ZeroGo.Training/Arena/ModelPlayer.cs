using System.Globalization;
using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Files;
using ZeroGo.Neural.Loading;
using ZeroGo.Search;

namespace ZeroGo.Training.Arena;

/// <summary>
/// A network with the search as an arena player: one <see cref="MctsSearch"/> per parallel game, all sharing one
/// batched evaluator (so parallel games fill its batches). No noise, best move by LCB; resigns when hopeless.
/// The model is either family <see cref="NetworkFactory"/> loads: a ZeroGo model or a Leela Zero weight file (19x19).
/// </summary>
public sealed class ModelPlayerFactory : IArenaPlayerFactory
{
    private readonly LoadedNetwork _network;
    private readonly int _visits;
    private readonly double _scoreUtility;

    /// <param name="scoreUtility">How much the expected lead counts beside winning (<see cref="SearchOptions.WithScoreUtility"/>; 0: win rate only).</param>
    public ModelPlayerFactory(string modelPath, int visits, string name, string device = ComputeDevice.Cpu, double scoreUtility = 0)
    {
        _network = NetworkFactory.Load(ModelSpec.For(modelPath) with
        {
            Device = device,
            Threads = MaxParallelGames,
            // One search thread per game, each sending at most 8 leaves; the games together fill batches of 64.
            MaxBatchSize = 64,
        });
        _visits = visits;
        _scoreUtility = scoreUtility;
        Name = name;
        Identity = $"{name} (weights sha256 {WeightsHash(modelPath, _network.Family)[..16]})";
    }

    public string Name { get; }

    public string Identity { get; }

    public int MaxParallelGames => 64;

    /// <summary>The board size the network is limited to (19 for Leela Zero), or null when it plays any.</summary>
    public int? FixedBoardSize => _network.FixedBoardSize;

    public IEvaluator Evaluator => _network.Evaluator;

    public IArenaPlayer Create(int slot, ulong seed) => new ModelPlayer(Name, _network.Evaluator, _visits, seed, _scoreUtility);

    public void Dispose() => _network.Dispose();

    /// <summary>SHA-256 of the file that holds the weights: a Leela Zero file itself, a ZeroGo model's <c>.weights</c>.</summary>
    private static string WeightsHash(string modelPath, NetworkFamily family)
    {
        string file = family == NetworkFamily.LeelaZero ? modelPath : ModelPaths.From(modelPath).Weights;
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>"model:PATH[@VISITS]" → path and visits (default <paramref name="defaultVisits"/>).</summary>
    public static (string Path, int Visits) ParseSpec(string spec, int defaultVisits)
    {
        var (path, visits) = VisitsSuffix.Split(spec);
        if (visits < 1)
        {
            throw new ArgumentException($"visits in '{spec}' must be at least 1");
        }

        return (path, visits ?? defaultVisits);
    }
}

/// <summary>
/// One game's player over a shared evaluator. It resigns by the same <see cref="ResignationRule"/> as the GTP
/// engine and the desktop board (below 3 % for three of its moves in a row, past the opening), not on one search's
/// estimate: a small network's value swings in capturing races, and a single low reading lost won games.
/// </summary>
public sealed class ModelPlayer(string name, IEvaluator evaluator, int visits, ulong seed, double scoreUtility = 0) : IArenaPlayer
{
    private readonly MctsSearch _search = new(evaluator, new SearchOptions
    {
        Threads = 1,
        BatchSize = Math.Clamp(visits / 16, 1, 8),
        Seed = seed | 1,
        MaxNodes = Math.Max(10_000, visits * 4),
    }.WithScoreUtility(scoreUtility));

    private ResignationCounter _resignation = new(ResignationRule.Default);

    public string Name => name;

    public void NewGame(GameState start) => _resignation = new ResignationCounter(ResignationRule.Default);

    public PlayerMove GenerateMove(GameState state)
    {
        _search.SetPosition(state);
        var result = _search.Run(SearchLimits.Visits(visits));
        var snapshot = result.Snapshot;
        var comment = string.Create(CultureInfo.InvariantCulture,
            $"{state.ToMove.Letter()} win rate {100 * snapshot.WinRate:0.0}%, {snapshot.RootVisits} visits");
        bool resign = snapshot.RootVisits >= Math.Min(visits, 64)
            && _resignation.ShouldResign(state.Moves.Count, snapshot.WinRate, state.Geometry.Area);
        return new PlayerMove(resign ? Move.Resign : result.Move, comment);
    }

    public void Dispose()
    {
    }
}
