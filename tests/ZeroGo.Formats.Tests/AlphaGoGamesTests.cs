using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

/// <summary>The five AlphaGo–Lee Sedol records shipped in games/alphago-lee-sedol.</summary>
public class AlphaGoGamesTests
{
    private static string GamePath(int number) =>
        Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", $"game{number}.sgf");

    [Theory]
    [InlineData(1, 186, "W+Resign")]
    [InlineData(2, 211, "B+Resign")]
    [InlineData(3, 176, "W+Resign")]
    [InlineData(4, 180, "W+Resign")]
    [InlineData(5, 280, "W+Resign")]
    public void Each_game_replays_legally_under_positional_superko_without_suicide(int number, int moves, string result)
    {
        var game = SgfGame.Load(GamePath(number), SgfReadOptions.StrictMode);
        Assert.Equal((19, 19), (game.Width, game.Height));
        Assert.Equal(7.5, game.Rules.Komi);
        Assert.Equal("Chinese", game.Info.Rules);
        Assert.Equal(KoRule.Positional, game.Rules.KoRule);
        Assert.False(game.Rules.SuicideAllowed);
        Assert.Equal(result, game.Info.Result);
        Assert.Equal(0, game.VariationCount);

        var replay = game.FinalState(SgfReplayMode.Strict); // throws SgfReplayException on any illegal move
        Assert.Empty(replay.Warnings);
        Assert.Equal(moves, replay.State.Moves.Count);
        Assert.Equal(moves, game.MoveCount);
    }

    [Fact]
    public void Game_2_move_37_is_the_shoulder_hit_at_P10()
    {
        var game = SgfGame.Load(GamePath(2));
        Assert.Equal("AlphaGo", game.Info.PlayerBlack);
        Assert.Equal("Lee Sedol", game.Info.PlayerWhite);
        Assert.Equal("2016-03-10", game.Info.Date);
        var moves = game.MainLineMoves;
        Assert.Equal(211, moves.Count);
        Assert.Equal((Color.Black, "oj"), (moves[36].Color, moves[36].Value));
        Assert.Equal((Color.White, "pi"), (moves[35].Color, moves[35].Value));

        var before = game.StateBeforeMove(37).State;
        Assert.Equal(36, before.Moves.Count);
        Assert.Equal(Color.Black, before.ToMove);
        Assert.Equal("Q11", GtpVertex.Format(before.Moves[^1].Move, before.Geometry));
        var after = game.StateBeforeMove(38).State;
        Assert.Equal("P10", GtpVertex.Format(after.Moves[^1].Move, after.Geometry));

        // White plays E8 twice, after a capture in between.
        var e8 = moves.Where(m => m.Value == "el").Select(m => (m.Number, m.Color)).ToList();
        Assert.Equal(new[] { (52, Color.White), (156, Color.White) }, e8);
        Assert.Equal("B L1", $"{moves[^1].Color.Letter()} {GtpVertex.Format(game.FinalState().State.Moves[^1].Move, before.Geometry)}");
    }

    [Fact]
    public void Captures_match_an_independent_replay()
    {
        // From the shared data's SOURCE.md (checked with another program): stones captured by B / by W.
        var expected = new[] { (4, 3), (3, 5), (4, 6), (2, 11), (14, 18) };
        for (int number = 1; number <= 5; number++)
        {
            var board = SgfGame.Load(GamePath(number)).FinalState().State.Board;
            Assert.Equal(expected[number - 1], (board.BlackCaptures, board.WhiteCaptures));
        }
    }

    [SkippableFact]
    public void The_shipped_games_are_the_shared_records_byte_for_byte()
    {
        for (int number = 1; number <= 5; number++)
        {
            var shared = TestData.RequireShared($"games/alphago_lee_sedol/LS_vs_AG_G{number}.sgf");
            Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(GamePath(number)));
        }
    }
}
