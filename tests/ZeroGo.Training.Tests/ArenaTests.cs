using ZeroGo.Go;
using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Tests;

public class ArenaTests
{
    [Fact]
    public void Wilson_interval_matches_the_textbook_values()
    {
        // 8 of 10: Wilson 95% interval is [0.490, 0.943] (standard tables).
        var (low, high) = new MatchStatistics(8, 2, 0).WilsonInterval();
        Assert.Equal(0.490, low, 3);
        Assert.Equal(0.943, high, 3);

        // 50 of 100 is symmetric around one half: [0.404, 0.596].
        (low, high) = new MatchStatistics(50, 50, 0).WilsonInterval();
        Assert.Equal(0.404, low, 3);
        Assert.Equal(0.596, high, 3);

        // A perfect score keeps an upper bound of 1 and a lower bound below it.
        (low, high) = new MatchStatistics(20, 0, 0).WilsonInterval();
        Assert.Equal(1.0, high, 6);
        Assert.Equal(0.839, low, 3);
    }

    [Fact]
    public void Draws_count_half_and_elo_follows_the_logistic_curve()
    {
        var stats = new MatchStatistics(6, 2, 2);
        Assert.Equal(0.7, stats.Score, 9);
        Assert.Equal(-400 * Math.Log10(1 / 0.7 - 1), stats.EloDifference, 6);
        Assert.Equal(0, new MatchStatistics(5, 5, 0).EloDifference, 6);
        Assert.Equal(0.76, MatchStatistics.ScoreFromElo(200), 2);

        // Error shrinks like 1/sqrt(n).
        double e100 = new MatchStatistics(60, 40, 0).EloError95;
        double e400 = new MatchStatistics(240, 160, 0).EloError95;
        Assert.Equal(2, e100 / e400, 2);
        Assert.InRange(e100, 60, 80);   // ±70 Elo at 60% over 100 games

        Assert.True(double.IsFinite(new MatchStatistics(10, 0, 0).EloDifference));
        Assert.Equal("6-2-2, win rate 70.0% [39.7%, 89.2%]", stats.Summary());
    }

    [Fact]
    public void Sprt_accepts_the_right_hypothesis()
    {
        var sprt = new Sprt(0, 100);
        Assert.True(sprt.Decide(new MatchStatistics(70, 30, 0)));
        Assert.False(sprt.Decide(new MatchStatistics(40, 60, 0)));
        Assert.Null(sprt.Decide(new MatchStatistics(3, 2, 0)));
        Assert.True(sprt.LowerBound < 0 && sprt.UpperBound > 0);
    }

    [Fact]
    public void Random_against_random_plays_every_game_with_alternating_colours()
    {
        var games = new List<ArenaGame>();
        using var a = new RandomPlayerFactory();
        using var b = new RandomPlayerFactory();
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = 5, Games = 6, Parallel = 2, Komi = 0.5 });
        match.GameFinished += (game, _) => games.Add(game);
        var stats = match.Run();
        Assert.Equal(6, stats.Games);
        Assert.Equal(6, games.Count);
        Assert.Equal(3, games.Count(g => g.AIsBlack));
        foreach (var game in games)
        {
            Assert.NotEqual(Color.Empty, game.Winner);   // komi 0.5: no draws
            Assert.Equal(game.Record.Moves.Count, game.Comments.Count);
            Assert.True(game.HitMoveCap || game.Record.Moves[^1].Move == 25);   // ended by passes or the cap
            Assert.Equal(Math.Sign(game.ScoreForBlack), game.Winner == Color.Black ? 1 : -1);
        }
    }

    [Fact]
    public void Sprt_stops_a_lopsided_match_early()
    {
        using var a = new RandomPlayerFactory();
        using var b = new PassingPlayerFactory();
        var match = new ArenaMatch(a, b, new ArenaOptions
        {
            Size = 5, Games = 200, Parallel = 1, Komi = 0.5, Sprt = new Sprt(0, 200),
        });
        var stats = match.Run();
        Assert.True(stats.Games < 200);
        Assert.Equal(stats.Games, stats.Wins);
    }

    [Fact]
    public void Deterministic_players_get_distinct_games_from_random_openings_shared_by_colour_swapped_pairs()
    {
        static List<ArenaGame> Play(int? openingMoves)
        {
            var games = new List<ArenaGame>();
            using var a = new FirstLegalPlayerFactory(reverse: false);
            using var b = new FirstLegalPlayerFactory(reverse: true);
            var match = new ArenaMatch(a, b, new ArenaOptions { Size = 7, Games = 10, Parallel = 2, Komi = 0.5, OpeningMoves = openingMoves, Seed = 3 });
            match.GameFinished += (game, _) => games.Add(game);
            match.Run();
            return games.OrderBy(g => g.Index).ToList();
        }

        static string Moves(ArenaGame game, int count) => string.Join(' ', game.Record.Moves.Take(count).Select(m => m.Move));

        // Without an opening two deterministic players repeat one game per colour assignment.
        var plain = Play(0);
        Assert.Single(plain.Where(g => g.AIsBlack).Select(g => Moves(g, 1000)).Distinct());
        Assert.Equal(3, ArenaOptions.DefaultOpeningMoves(7));

        var opened = Play(null);   // 7x7 default: 3 random moves
        Assert.Equal(10, opened.Count);
        for (int pair = 0; pair < 5; pair++)
        {
            var (first, second) = (opened[2 * pair], opened[2 * pair + 1]);
            Assert.True(first.AIsBlack && !second.AIsBlack);
            Assert.Equal(Moves(first, 3), Moves(second, 3));   // same opening, colours swapped
            Assert.Equal("random opening move", first.Comments[2]);
            Assert.Null(first.Comments[3]);
        }

        Assert.True(opened.Select(g => Moves(g, 3)).Distinct().Count() >= 4, "openings should differ between pairs");
        Assert.True(opened.Select(g => Moves(g, 1000)).Distinct().Count() >= 8, "games should differ");
    }

    /// <summary>Deterministic: the first legal move in point order (or reverse order) that does not fill its own eye, else pass.</summary>
    private sealed class FirstLegalPlayerFactory(bool reverse) : IArenaPlayerFactory
    {
        public string Name => reverse ? "last" : "first";

        public int MaxParallelGames => 4;

        public IArenaPlayer Create(int slot, ulong seed) => new Player(reverse);

        public void Dispose()
        {
        }

        private sealed class Player(bool reverse) : IArenaPlayer
        {
            public string Name => reverse ? "last" : "first";

            public void NewGame(GameState start)
            {
            }

            public PlayerMove GenerateMove(GameState state)
            {
                var points = reverse ? state.Geometry.Points.Reverse() : state.Geometry.Points;
                foreach (var point in points)
                {
                    if (state.Board[point] == Color.Empty && !state.Board.IsOwnEye(point, state.ToMove) && state.IsLegal(state.ToMove, Move.At(point)))
                    {
                        return new PlayerMove(Move.At(point));
                    }
                }

                return new PlayerMove(Move.Pass);
            }

            public void Dispose()
            {
            }
        }
    }

    private sealed class PassingPlayerFactory : IArenaPlayerFactory
    {
        public string Name => "pass";

        public int MaxParallelGames => 4;

        public IArenaPlayer Create(int slot, ulong seed) => new Passer();

        public void Dispose()
        {
        }

        private sealed class Passer : IArenaPlayer
        {
            public string Name => "pass";

            public void NewGame(GameState start)
            {
            }

            public PlayerMove GenerateMove(GameState state) => new(Move.Pass);

            public void Dispose()
            {
            }
        }
    }
}
