using System.Globalization;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Formats.Gtp;

namespace ZeroGo.Training.Arena;

/// <summary>
/// An external GTP engine as an arena player (GNU Go, another ZeroGo, any program): one process per player,
/// kept in step with the game by sending the moves played since its last turn before each <c>genmove</c>.
/// </summary>
public sealed class GtpPlayer : IArenaPlayer
{
    private readonly GtpClient _client;
    private int _movesSent;

    public GtpPlayer(string name, GtpClient client)
    {
        Name = name;
        _client = client;
    }

    public string Name { get; }

    public void NewGame(GameState start)
    {
        var geometry = start.Geometry;
        if (!geometry.IsSquare)
        {
            throw new ArgumentException("GTP engines play square boards only");
        }

        _client.Ask($"boardsize {geometry.Width}");
        _client.Ask("clear_board");
        _client.Ask(string.Create(CultureInfo.InvariantCulture, $"komi {start.Rules.Komi}"));
        _movesSent = 0;
    }

    public PlayerMove GenerateMove(GameState state)
    {
        var moves = state.Moves;
        for (; _movesSent < moves.Count; _movesSent++)
        {
            var played = moves[_movesSent];
            _client.Ask($"play {played.Color.Letter()} {GtpVertex.Format(played.Move, state.Geometry)}");
        }

        var answer = _client.Ask($"genmove {state.ToMove.Letter()}").Trim();
        if (answer.Equals("resign", StringComparison.OrdinalIgnoreCase))
        {
            return new PlayerMove(Move.Resign);
        }

        if (!GtpVertex.TryParse(answer, state.Geometry, out var move))
        {
            throw new InvalidOperationException($"{Name} answered genmove with '{answer}', not a move");
        }

        _movesSent++;   // the engine has played its own move on its board
        return new PlayerMove(move);
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>Starts one GTP process per parallel game.</summary>
public sealed class GtpPlayerFactory(string name, string program, IReadOnlyList<string> arguments, int maxParallel) : IArenaPlayerFactory
{
    public string Name => name;

    /// <summary>The name and the whole command line: <c>gtp:gnugo</c> at level 1 and at level 10 are different players.</summary>
    public string Identity => $"{name} ({program} {string.Join(' ', arguments)})";

    public int MaxParallelGames => maxParallel;

    public IArenaPlayer Create(int slot, ulong seed)
    {
        var client = GtpClient.Start(program, arguments, TimeSpan.FromMinutes(5));
        return new GtpPlayer(name, client);
    }

    public void Dispose()
    {
    }

    /// <summary>The GNU Go arguments of <see cref="GnuGo"/>.</summary>
    public static string[] GnuGoArguments(int level) =>
        ["--mode", "gtp", "--level", level.ToString(CultureInfo.InvariantCulture), "--chinese-rules", "--positional-superko", "--capture-all-dead", "--never-resign"];

    /// <summary>
    /// GNU Go at <paramref name="level"/> with Chinese (area) rules, positional superko, and
    /// <c>--capture-all-dead</c>: the arena counts the board as it stands (Tromp-Taylor, no dead-stone
    /// agreement), while GNU Go by default passes with the opponent's dead stones still on the board, expecting
    /// them to be removed in scoring. Without the flag random scored about 20% wins against GNU Go level 1 on 9x9,
    /// all by its dead stones being counted alive (and GNU Go at low levels with positional superko even passes in
    /// the opening, e.g. after B E5 W J9). <c>--never-resign</c>: on boards below 19x19 GNU Go resigns exactly when it
    /// would pass and judges all its groups dead, which at low levels happens early in won games (5x5, komi 24.5,
    /// White resigned after B B3 W C3 B C4 W E2 B B2); the arena plays such games out instead.
    /// </summary>
    public static GtpPlayerFactory GnuGo(int level, string program = "/usr/games/gnugo") =>
        new($"gnugo:{level}", program, GnuGoArguments(level), int.MaxValue);
}
