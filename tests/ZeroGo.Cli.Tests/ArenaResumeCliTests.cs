using ZeroGo.Cli.Verbs;
using ZeroGo.Training.Arena;

namespace ZeroGo.Cli.Tests;

/// <summary><c>zerogo arena --out DIR</c> run again with the same engines goes on from the games DIR holds.</summary>
public sealed class ArenaResumeCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"zg-arena-cli-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_match_lengthened_or_with_lost_games_plays_only_what_is_missing()
    {
        var options = new ArenaOptions { Size = 5, Komi = 0.5, Games = 4, Parallel = 2, Seed = 4 };
        var first = Play(options, out _);
        Assert.Equal(4, first.Games);
        var kept = Enumerable.Range(0, 4).ToDictionary(i => i, i => File.ReadAllText(Path.Combine(_folder, SavedArenaGames.FileName(i))));

        // Six games now: the four on disk count, two more are played, the saved ones are left as they were.
        var lengthened = Play(options with { Games = 6 }, out var said);
        Assert.Equal(6, lengthened.Games);
        Assert.Contains(said, line => line.Contains("4 of 6 games already played", StringComparison.Ordinal));
        Assert.Equal(2, said.Count(line => line.StartsWith("arena: game ", StringComparison.Ordinal)));
        foreach (var (index, text) in kept)
        {
            Assert.Equal(text, File.ReadAllText(Path.Combine(_folder, SavedArenaGames.FileName(index))));
        }

        // A deleted game and a damaged one are played again; the other four are not.
        File.Delete(Path.Combine(_folder, SavedArenaGames.FileName(1)));
        File.WriteAllText(Path.Combine(_folder, SavedArenaGames.FileName(2)), "garbage");
        var mended = Play(options with { Games = 6 }, out said);
        Assert.Equal(6, mended.Games);
        Assert.Contains(said, line => line.StartsWith("arena: game-0003.sgf: ", StringComparison.Ordinal));
        Assert.Equal(["arena: game 2:", "arena: game 3:"],
            said.Where(line => line.StartsWith("arena: game ", StringComparison.Ordinal)).Select(line => line[..14]).Order());
        Assert.Equal(6, SavedArenaGames.Read(_folder).Count);

        // Another match (here another komi) does not add its games to these.
        var refused = Assert.Throws<InvalidOperationException>(() => Play(options with { Games = 6, Komi = 2.5 }, out _));
        Assert.Contains("holds 6 games of another match", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_games_read_back_give_each_the_result_it_was_played_with_from_player_As_side()
    {
        Directory.CreateDirectory(_folder);
        string model = EngineFixtures.WriteZeroGoModel(Path.Combine(_folder, "tiny"), "5x5");
        var options = new ArenaOptions { Size = 5, Komi = 0.5, Games = 8, Parallel = 2, Seed = 2 };
        string games = Path.Combine(_folder, "games");
        var stats = Play(options, out var said, $"model:{model}@2", "random", games);

        // "arena: game 3: tiny@2 (B) vs random (W): W+R ..." gives A's result of each game as it was played.
        var played = new Dictionary<int, GameOutcome>();
        foreach (var line in said.Where(l => l.StartsWith("arena: game ", StringComparison.Ordinal)))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^arena: game (\d+): (\S+) \(B\) vs (\S+) \(W\): ([BW])\+");
            Assert.True(match.Success, line);
            bool aIsBlack = match.Groups[2].Value.StartsWith("tiny", StringComparison.Ordinal);
            bool blackWon = match.Groups[4].Value == "B";
            played[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1] = aIsBlack == blackWon ? GameOutcome.Win : GameOutcome.Loss;
        }

        Assert.Equal(8, played.Count);
        Assert.Equal(played.OrderBy(p => p.Key), SavedArenaGames.Read(games).OrderBy(p => p.Key));
        Assert.Equal(stats.Wins, played.Values.Count(o => o == GameOutcome.Win));
    }

    private MatchStatistics Play(ArenaOptions options, out List<string> said, string engineA = "random", string engineB = "random", string? folder = null)
    {
        var lines = new List<string>();
        said = lines;
        return ArenaVerb.Play(engineA, engineB, options, defaultVisits: 8, folder ?? _folder, line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }) ?? throw new InvalidOperationException("no result");
    }
}
