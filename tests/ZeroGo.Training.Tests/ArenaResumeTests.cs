using ZeroGo.Neural;
using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Tests;

public sealed class ArenaResumeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"zg-arena-resume-{Guid.NewGuid():N}");

    public ArenaResumeTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Saved_results_are_read_from_player_As_side_with_A_black_in_odd_numbered_games()
    {
        Save(1, "B+R");      // A is Black: a win
        Save(2, "W+3.5");    // A is White: a win
        Save(3, "W+0.5");    // A is Black: a loss
        Save(4, "B+12");     // A is White: a loss
        Save(5, "0");        // a draw
        Save(6, null);       // no result: played again
        File.WriteAllText(Path.Combine(_folder, "game-0007.sgf"), "overwritten by something else");
        Save(8, "Void");
        File.WriteAllText(Path.Combine(_folder, "notes.sgf"), "(;RE[B+R])");                // not a game of the match

        var problems = new List<string>();
        var saved = SavedArenaGames.Read(_folder, problems.Add);

        Assert.Equal(
            new Dictionary<int, GameOutcome> { [0] = GameOutcome.Win, [1] = GameOutcome.Win, [2] = GameOutcome.Loss, [3] = GameOutcome.Loss, [4] = GameOutcome.Draw },
            saved);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("game-0006.sgf: no result", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("game-0007.sgf: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("game-0008.sgf: result 'Void'", StringComparison.Ordinal));
        Assert.Equal(8, SavedArenaGames.Count(_folder));
    }

    [Fact]
    public void A_resumed_match_plays_only_the_games_it_lacks_and_counts_the_others()
    {
        var earlier = new Dictionary<int, GameOutcome> { [0] = GameOutcome.Loss, [2] = GameOutcome.Draw, [3] = GameOutcome.Loss, [9] = GameOutcome.Win };
        var played = new List<int>();
        using var a = new RandomPlayerFactory();
        using var b = new RandomPlayerFactory();
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = 5, Games = 6, Parallel = 2, Komi = 0.5, AlreadyPlayed = earlier });
        match.GameFinished += (game, _) => played.Add(game.Index);

        var stats = match.Run();

        Assert.Equal([1, 4, 5], played.Order());
        Assert.Equal(6, stats.Games);   // game 10 lies beyond this match's six and is not counted
        Assert.True(stats.Losses >= 2 && stats.Draws >= 1);
    }

    [Fact]
    public void A_match_decided_by_its_sprt_before_resuming_plays_nothing_more()
    {
        var earlier = Enumerable.Range(0, 30).ToDictionary(i => i, _ => GameOutcome.Win);
        using var a = new RandomPlayerFactory();
        using var b = new RandomPlayerFactory();
        var match = new ArenaMatch(a, b, new ArenaOptions { Size = 5, Games = 100, Komi = 0.5, Sprt = new Sprt(0, 100), AlreadyPlayed = earlier });
        match.GameFinished += (_, _) => Assert.Fail("no game should be played");
        Assert.Equal(30, match.Run().Wins);
    }

    [Fact]
    public void A_folder_holding_another_matchs_games_is_refused_and_the_same_match_resumes()
    {
        var options = new ArenaOptions { Size = 9, Komi = 7.5, Games = 10 };
        using var a = new RandomPlayerFactory();
        using var b = new RandomPlayerFactory();
        string identity = MatchIdentity.Of(a, b, options);
        MatchFolder.Use(_folder, "first start", identity);
        Save(1, "B+R");

        Assert.Equal(_folder, MatchFolder.Use(_folder, "second start", identity));
        Assert.Equal(identity, MatchFolder.RecordedIdentity(_folder));
        var other = Assert.Throws<InvalidOperationException>(() => MatchFolder.Use(_folder, "other", MatchIdentity.Of(a, b, options with { Komi = 6.5 })));
        Assert.Contains("holds 1 games of another match", other.Message, StringComparison.Ordinal);
        Assert.Contains("komi 7.5", other.Message, StringComparison.Ordinal);

        // Games of a folder that does not say whose they are are not mixed in either.
        File.Delete(Path.Combine(_folder, MatchFolder.DescriptionFile));
        Assert.Throws<InvalidOperationException>(() => MatchFolder.Use(_folder, "third", identity));
    }

    [Fact]
    public void A_model_player_is_identified_by_its_weights_not_its_path()
    {
        string stem = Path.Combine(_folder, "net");
        using (var network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 1))
        {
            network.Save(stem);
        }

        string first;
        using (var factory = new ModelPlayerFactory(stem, 8, "net@8"))
        {
            first = factory.Identity;
        }

        using (var network = PolicyValueNetwork.Create(TrainerTests.Tiny, seed: 2))
        {
            network.Save(stem);
        }

        using var replaced = new ModelPlayerFactory(stem + ".json", 8, "net@8");
        Assert.StartsWith("net@8 (weights sha256 ", first, StringComparison.Ordinal);
        Assert.Equal("net@8", replaced.Name);
        Assert.NotEqual(first, replaced.Identity);
    }

    private void Save(int number, string? result)
    {
        string re = result is null ? "" : $"RE[{result}]";
        File.WriteAllText(Path.Combine(_folder, $"game-{number:D4}.sgf"), $"(;FF[4]GM[1]SZ[9]KM[7.5]PB[a]PW[b]{re};B[ee];W[cc])");
    }
}
