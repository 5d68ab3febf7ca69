using System.Globalization;
using ZeroGo.Desktop.Players;
using ZeroGo.Go;
using ZeroGo.Training.Arena;

namespace ZeroGo.Cli.Engine;

/// <summary>
/// The desktop board's opponent at a named strength as an arena engine (<c>level:NAME[@VISITS]</c>), so the
/// levels named in the window can be measured against GNU Go with the same code that plays people: the engine
/// of <c>./zerogo play</c> (the bundled network, or the search over rollouts without one) behind
/// <see cref="LevelOpponent"/>.
/// </summary>
public sealed class LevelPlayerFactory : IArenaPlayerFactory
{
    public const string Prefix = "level:";

    private readonly DesktopEngine _engine;
    private readonly StrengthLevel _level;
    private readonly int _fullVisits;

    private LevelPlayerFactory(DesktopEngine engine, StrengthLevel level, int fullVisits)
    {
        _engine = engine;
        _level = level;
        _fullVisits = fullVisits;
        Name = $"level:{level.Key}@{fullVisits}";
        Identity = $"{Name} over {engine.Source.Name}";
    }

    public string Name { get; }

    /// <summary>The level and the network it plays with (named by its file, not its hash).</summary>
    public string Identity { get; }

    /// <summary>One search behind the desktop's analysis source: games take turns with it.</summary>
    public int MaxParallelGames => 1;

    /// <summary>
    /// Reads <c>level:NAME[@VISITS]</c>; VISITS is the full-strength budget the level takes its share of
    /// (default: <c>./zerogo play</c>'s for the board size). Throws <see cref="ArgumentException"/> for an unknown level.
    /// </summary>
    public static LevelPlayerFactory Create(string spec, int boardSize, int threads, string? model = null)
    {
        var (text, visits) = VisitsSuffix.Split(spec[Prefix.Length..].Trim());
        if (visits < 1 || text.Contains('@'))
        {
            // A level name never holds '@': what follows it was meant as visits.
            throw new ArgumentException($"'{spec}': visits after @ must be a positive number, as in level:casual@800");
        }

        int fullVisits = visits ?? DesktopEngine.DefaultVisits(boardSize);

        var level = StrengthLevel.Find(text)
            ?? throw new ArgumentException($"'{spec}': unknown level; choose one of: {string.Join(", ", StrengthLevel.All.Select(l => l.Key))}");
        var engine = DesktopEngine.Create(EngineChoice.Auto, model, BoardGeometry.Get(boardSize), threads);
        Console.Error.WriteLine($"arena: {spec} is {level.Name} ({level.Description}) over {engine.Source.Name}");
        return new LevelPlayerFactory(engine, level, fullVisits);
    }

    /// <summary>The arena counts by area with every stone on the board alive, so the level passes back by that count.</summary>
    public IArenaPlayer Create(int slot, ulong seed) =>
        new LevelPlayer(Name, new LevelOpponent(_engine.Source, _level, _fullVisits, seed: (int)(seed % int.MaxValue) | 1, count: EndOfGameCount.StonesAsTheyStand));

    public void Dispose() => _engine.Dispose();

    private sealed class LevelPlayer(string name, LevelOpponent opponent) : IArenaPlayer
    {
        public string Name => name;

        public void NewGame(GameState start)
        {
        }

        public PlayerMove GenerateMove(GameState state)
        {
            var reply = opponent.ChooseMove(state.Clone(), CancellationToken.None, progress: null);
            string? comment = reply.Analysis is { } analysis
                ? string.Create(CultureInfo.InvariantCulture, $"win rate {analysis.WinRate:P1}, {analysis.TotalVisits} visits{(reply.Note is { } note ? ", " + note : "")}")
                : reply.Note;
            return new PlayerMove(reply.Move, comment);
        }

        public void Dispose()
        {
        }
    }
}
