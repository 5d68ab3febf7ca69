using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Tests;

public sealed class MatchFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "zg-matchfolder-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void MatchesStartedInTheSameSecondGetFoldersOfTheirOwn()
    {
        var stamp = MatchFolder.DefaultFor(new DateTime(2026, 12, 6, 21, 35, 9, DateTimeKind.Utc));
        Assert.Equal(Path.Combine("runs", "arena", "20261206-213509"), stamp);
        string basePath = Path.Combine(_root, stamp);

        // Eight arenas racing for one name, as processes started by one script would.
        var claimed = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => MatchFolder.ClaimFresh(basePath, $"match {i}")).ToList();

        Assert.Equal(8, claimed.Distinct().Count());
        Assert.Contains(basePath, claimed);
        Assert.Contains(basePath + "-8", claimed);
        var descriptions = claimed.Select(f => File.ReadAllText(Path.Combine(f, MatchFolder.DescriptionFile)).Trim()).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"match {i}").Order(), descriptions.Order());
    }

    [Fact]
    public void AFolderTheUserNamedIsUsedAsItIs()
    {
        string folder = Path.Combine(_root, "mine");
        Assert.Equal(folder, MatchFolder.Use(folder, "first", "a vs b"));
        Assert.Equal(folder, MatchFolder.Use(folder, "second", "a vs b"));
        Assert.Equal(["second", "match: a vs b"], File.ReadAllLines(Path.Combine(folder, MatchFolder.DescriptionFile)));

        // Without games in it, a folder may be given to another match.
        Assert.Equal(folder, MatchFolder.Use(folder, "third", "c vs d"));
        Assert.Equal("c vs d", MatchFolder.RecordedIdentity(folder));
    }
}
