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

    private MatchStatistics Play(ArenaOptions options, out List<string> said)
    {
        var lines = new List<string>();
        said = lines;
        return ArenaVerb.Play("random", "random", options, defaultVisits: 8, _folder, line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }) ?? throw new InvalidOperationException("no result");
    }
}
