using ZeroGo.Cli.Engine;
using ZeroGo.Go;
using ZeroGo.Training.Arena;

namespace ZeroGo.Cli.Tests;

/// <summary>The play window's strength levels as arena engines (<c>level:NAME[@VISITS]</c>).</summary>
public class LevelPlayerTests
{
    [Theory]
    [InlineData("level:beginner@40", "level:beginner@40")]
    [InlineData("level:Casual@8", "level:casual@8")]
    [InlineData("LEVEL:full", "level:full@800")]
    public void NamesTheLevelAndItsFullBudget(string spec, string expectedName)
    {
        using var folder = new TempFolder();
        var model = EngineFixtures.WriteZeroGoModel(folder.File("tiny"), "9x9");
        using var factory = LevelPlayerFactory.Create(spec, boardSize: 9, threads: 1, model);
        Assert.Equal(expectedName, factory.Name);
        Assert.Equal(1, factory.MaxParallelGames);
    }

    [Theory]
    [InlineData("level:grandmaster", "unknown level")]
    [InlineData("level:casual@0", "positive number")]
    [InlineData("level:casual@many", "positive number")]
    public void RefusesWhatItDoesNotKnowWithTheChoices(string spec, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => LevelPlayerFactory.Create(spec, 9, 1, model: null));
        Assert.Contains(expected, error.Message);
        if (expected == "unknown level")
        {
            Assert.Contains("beginner, casual, club, strong, full", error.Message);
        }
    }

    /// <summary>Every level plays whole legal games in the arena (the match itself refuses an illegal move).</summary>
    [Theory]
    [InlineData("beginner")]
    [InlineData("club")]
    [InlineData("full")]
    public void EveryLevelFinishesArenaGamesAgainstRandom(string level)
    {
        using var folder = new TempFolder();
        var model = EngineFixtures.WriteZeroGoModel(folder.File("tiny"), "5x5");
        using var factory = LevelPlayerFactory.Create($"level:{level}@16", boardSize: 5, threads: 1, model);
        using var random = new RandomPlayerFactory();
        var games = new List<ArenaGame>();
        var match = new ArenaMatch(factory, random, new ArenaOptions { Size = 5, Komi = 0.5, Games = 2, Parallel = 2 });
        match.GameFinished += (game, _) => games.Add(game);
        var result = match.Run();

        Assert.Equal(2, result.Games);
        Assert.All(games, game =>
        {
            Assert.True(game.Record.Moves.Count >= 2, "a game of fewer than two moves");
            Assert.Null(game.Record.Validate());
            var replay = game.Record.CreateInitialState();
            foreach (var record in game.Record.Moves)
            {
                var move = record.Move == game.Record.Area ? Move.Pass : Move.At(replay.Geometry.FromDense(record.Move));
                Assert.True(replay.IsLegal(replay.ToMove, move), $"illegal {move} in game {game.Index}");
                replay.Play(replay.ToMove, move);
            }
        });
    }
}
