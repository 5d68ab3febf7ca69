using System.Runtime.CompilerServices;

namespace ZeroGo.Testing;

/// <summary>
/// Locates the repository and the shared test data (../shared/testdata beside the clone, as in CI).
/// Tests that need the shared data call <see cref="RequireShared"/>, which skips them with a clear message
/// in a user's clone where the folder is absent. ZEROGO_TESTDATA overrides the location.
/// </summary>
public static class TestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared test data folder, or null when it is not present.</summary>
    public static string? SharedRoot { get; } = FindShared();

    public static string RequireShared(string relativePath = "")
    {
        Skip.If(SharedRoot is null,
            "../shared/testdata is not present next to this clone (it is in CI); set ZEROGO_TESTDATA to run this test");
        var path = Path.Combine(SharedRoot!, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"shared test data file missing: {path}");
        }

        return path;
    }

    /// <summary>
    /// A file or folder of the shared human-game datasets (../shared/datasets beside the clone, or beside
    /// ZEROGO_TESTDATA); skips the test with a reason where they are absent, as in a user's clone.
    /// </summary>
    public static string RequireDataset(string relativePath)
    {
        var root = SharedRoot is null ? null : Path.GetFullPath(Path.Combine(SharedRoot, "..", "datasets"));
        Skip.If(root is null || !Directory.Exists(root),
            "../shared/datasets is not present next to this clone; the test reads the real archives there");
        var path = Path.Combine(root!, relativePath);
        Skip.If(!File.Exists(path) && !Directory.Exists(path), $"dataset file missing: {path}");
        return path;
    }

    /// <summary>A fresh folder under artifacts/test-output for files a test writes and people may look at.</summary>
    public static string OutputFolder(string name)
    {
        var folder = Path.Combine(RepoRoot, "artifacts", "test-output", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRepoRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ZeroGo.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
    }

    private static string? FindShared()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ZEROGO_TESTDATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "testdata"));
        return Directory.Exists(beside) ? beside : null;
    }
}
