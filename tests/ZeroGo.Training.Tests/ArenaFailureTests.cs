using ZeroGo.Formats;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Tests;

/// <summary>
/// A player that fails must never decide a game, and GNU Go must be asked to play under the arena's scoring
/// (Tromp-Taylor: dead stones count until captured).
/// </summary>
public class ArenaFailureTests
{
    private const string GnuGo = "/usr/games/gnugo";

    /// <summary>
    /// A real random-vs-gnugo:1 game (9x9) that random "won" W+3.5: GNU Go (Black) passed with random's dead
    /// stones all over its area, and area counting without dead-stone removal credited them to White. Black to
    /// move; GNU Go without --capture-all-dead answers PASS here.
    /// </summary>
    private const string DeadStonesLeftOnBoard =
        "(;FF[4]GM[1]SZ[9]KM[7.5]RU[Chinese]" +
        ";B[ee];W[ia];B[];W[hi];B[hg];W[ad];B[dc];W[fi];B[eh];W[cf];B[df];W[ed];B[dd];W[ii];B[fh];W[eg];B[dg];W[bc];B[fd]" +
        ";W[gf];B[ge];W[de];B[cg];W[fa];B[cb];W[ae];B[bf];W[ga];B[hc];W[ie];B[hf];W[bb];B[ba];W[id];B[ic];W[ib];B[hb];W[ah]" +
        ";B[af];W[ch];B[bh];W[gi];B[ha];W[da];B[eb];W[ca];B[ea];W[ig];B[if];W[bi];B[bg];W[ai];B[dh];W[bd];B[db];W[ei];B[ih]" +
        ";W[fb];B[fc];W[ce];B[be];W[ef];B[cd];W[hh];B[ig];W[ca];B[da];W[gg];B[he];W[ff];B[gh];W[di];B[ag];W[gd];B[hd];W[gc]" +
        ";B[gb];W[fe];B[fg];W[ce];B[de];W[ff];B[];W[cc];B[];W[gd];B[];W[id];B[];W[aa];B[];W[fe];B[];W[ca];B[];W[gf];B[];W[ga]" +
        ";B[];W[ib];B[];W[fb];B[];W[eg];B[];W[ab];B[];W[gg];B[];W[ba])";

    [SkippableFact]
    public void Gnugo_captures_dead_stones_instead_of_passing_before_area_counting()
    {
        Skip.IfNot(File.Exists(GnuGo), "GNU Go is not installed (scripts/setup.sh test installs it)");
        var state = SgfGame.Parse(DeadStonesLeftOnBoard).FinalState().State;
        Assert.Equal(Color.Black, state.ToMove);
        Assert.True(state.ScoreForBlack() < 0);   // counted as it stands, White (random) would win
        using var factory = GtpPlayerFactory.GnuGo(1);
        using var player = factory.Create(0, 1);
        player.NewGame(new GameState(state.Geometry, state.Rules));
        var move = player.GenerateMove(state).Move;
        Assert.False(move.IsPass, "GNU Go passed with the opponent's dead stones on the board");
        Assert.Equal(MoveLegality.Legal, state.TryPlay(move));
    }

    [SkippableFact]
    public void Gnugo_does_not_pass_in_the_opening()
    {
        Skip.IfNot(File.Exists(GnuGo), "GNU Go is not installed (scripts/setup.sh test installs it)");
        // GNU Go level 1 with positional superko (and without --capture-all-dead) answers PASS here.
        var state = new GameState(BoardGeometry.Get(9), new Rules { Komi = 7.5 });
        using var factory = GtpPlayerFactory.GnuGo(1);
        using var player = factory.Create(0, 1);
        player.NewGame(state.Clone());
        var first = player.GenerateMove(state).Move;
        Assert.Equal(MoveLegality.Legal, state.TryPlay(first));
        Assert.True(GtpVertex.TryParse("J9", state.Geometry, out var corner));
        Assert.Equal(MoveLegality.Legal, state.TryPlay(corner));
        Assert.False(player.GenerateMove(state).Move.IsPass);
    }

    [SkippableFact]
    public void Gnugo_does_not_resign_a_won_game_on_a_small_board()
    {
        Skip.IfNot(File.Exists(GnuGo), "GNU Go is not installed (scripts/setup.sh test installs it)");
        // Seen in a random-vs-gnugo:1 match on 5x5: GNU Go (White, komi 24.5) answered "resign" here.
        var state = new GameState(BoardGeometry.Get(5), new Rules { Komi = 24.5 });
        using var factory = GtpPlayerFactory.GnuGo(1);
        using var player = factory.Create(0, 1);
        player.NewGame(state.Clone());
        foreach (var vertex in new[] { "B3", "C3", "C4", "E2", "B2" })
        {
            Assert.True(GtpVertex.TryParse(vertex, state.Geometry, out var move));
            Assert.Equal(MoveLegality.Legal, state.TryPlay(move));
        }

        Assert.Equal(Color.White, state.ToMove);
        Assert.False(player.GenerateMove(state).Move.IsResign);
    }

    [Fact]
    public void A_player_that_fails_once_has_its_game_replayed_with_fresh_players_and_not_scored()
    {
        using var a = new RandomPlayerFactory();
        using var b = new FailingPlayerFactory(failingInstances: 1, atMove: 4);
        var games = new List<ArenaGame>();
        var failures = new List<ArenaGameFailure>();
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = 5, Games = 4, Parallel = 1, Komi = 0.5 });
        match.GameFinished += (game, _) => games.Add(game);
        match.GameFailed += failures.Add;
        var stats = match.Run();
        Assert.Equal(4, stats.Games);
        Assert.Equal([0, 1, 2, 3], games.Select(g => g.Index).Order());
        var failure = Assert.Single(failures);
        Assert.True(failure.Retrying);
        Assert.Equal(0, failure.Index);
        Assert.Equal("flaky", failure.Error.PlayerName);
        Assert.Equal(1, failure.Error.GameNumber);
        Assert.Equal(2, b.Created);   // the broken player was replaced
    }

    [Fact]
    public void A_player_that_keeps_failing_stops_the_match_without_scoring_the_game()
    {
        using var a = new RandomPlayerFactory();
        using var b = new FailingPlayerFactory(failingInstances: int.MaxValue, atMove: 6);
        var failures = new List<ArenaGameFailure>();
        int finished = 0;
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = 5, Games = 6, Parallel = 2, Komi = 0.5 });
        match.GameFinished += (_, _) => finished++;
        match.GameFailed += failures.Add;
        var error = Assert.Throws<ArenaAbortedException>(() => match.Run());
        Assert.Equal(0, finished);
        Assert.Equal(0, error.Statistics.Games);
        Assert.Equal("flaky", error.Cause.PlayerName);
        Assert.Contains("engine crashed", error.Message);
        Assert.Contains("not scored", error.Message);
        Assert.Contains(failures, f => !f.Retrying);
        Assert.IsAssignableFrom<InvalidOperationException>(error);   // the CLI's usual error path prints it
    }

    [Fact]
    public void An_illegal_move_is_the_players_fault_not_a_loss_or_a_crash()
    {
        using var a = new RandomPlayerFactory();
        using var b = new IllegalPlayerFactory();
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = 5, Games = 2, Parallel = 1, Komi = 0.5, AttemptsPerGame = 1 });
        var error = Assert.Throws<ArenaAbortedException>(() => match.Run());
        Assert.Equal("illegal", error.Cause.PlayerName);
        Assert.Contains("illegal move", error.Message);
    }

    [SkippableFact]
    public void A_gtp_engine_that_dies_mid_game_stops_the_match_with_its_stderr()
    {
        Skip.IfNot(File.Exists("/bin/sh"), "needs /bin/sh");
        // Answers the three set-up commands, then dies on the first move request.
        const string script = "for i in 1 2 3; do read id rest; printf '=%s\\n\\n' \"$id\"; done; echo 'out of cheese' >&2; exit 3";
        using var a = new RandomPlayerFactory();
        using var b = new GtpPlayerFactory("dying", "/bin/sh", ["-c", script], int.MaxValue);
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = 5, Games = 2, Parallel = 2, Komi = 0.5 });
        var error = Assert.Throws<ArenaAbortedException>(() => match.Run());
        Assert.Equal("dying", error.Cause.PlayerName);
        Assert.Contains("out of cheese", error.Message);
        Assert.Equal(0, error.Statistics.Games);
    }

    /// <summary>Players that throw at a given move; the first <c>failingInstances</c> created fail, later ones play.</summary>
    private sealed class FailingPlayerFactory(int failingInstances, int atMove) : IArenaPlayerFactory
    {
        private int _created;

        public int Created => _created;

        public string Name => "flaky";

        public int MaxParallelGames => 4;

        public IArenaPlayer Create(int slot, ulong seed)
        {
            bool fails = Interlocked.Increment(ref _created) <= failingInstances;
            return new Player(fails, atMove, new RandomPlayer(seed));
        }

        public void Dispose()
        {
        }

        private sealed class Player(bool fails, int atMove, RandomPlayer inner) : IArenaPlayer
        {
            public string Name => "flaky";

            public void NewGame(GameState start)
            {
            }

            public PlayerMove GenerateMove(GameState state) =>
                fails && state.Moves.Count >= atMove ? throw new IOException("engine crashed") : inner.GenerateMove(state);

            public void Dispose()
            {
            }
        }
    }

    /// <summary>Plays on an occupied point as soon as there is one.</summary>
    private sealed class IllegalPlayerFactory : IArenaPlayerFactory
    {
        public string Name => "illegal";

        public int MaxParallelGames => 1;

        public IArenaPlayer Create(int slot, ulong seed) => new Player();

        public void Dispose()
        {
        }

        private sealed class Player : IArenaPlayer
        {
            public string Name => "illegal";

            public void NewGame(GameState start)
            {
            }

            public PlayerMove GenerateMove(GameState state) =>
                new(state.Moves.Count > 0 && state.Moves[^1].Move.IsPlay ? state.Moves[^1].Move : Move.Pass);

            public void Dispose()
            {
            }
        }
    }
}
