using System.Runtime.CompilerServices;

namespace ZeroGo.Search.Tests;

/// <summary>
/// The search's shape as docs/search.md promises it: it knows the evaluator only through IEvaluator (no
/// TorchSharp, no network project), and it stays readable in parts (no source file over 500 lines).
/// </summary>
public sealed class SearchLayoutTests
{
    [Fact]
    public void TheSearchReferencesNoNetworkCode()
    {
        var references = typeof(MctsSearch).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains("ZeroGo.Go", references);
        Assert.DoesNotContain(references, name => name.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, name => name.StartsWith("ZeroGo.", StringComparison.Ordinal) && name != "ZeroGo.Go");
    }

    [Fact]
    public void NoSearchSourceFileIsOver500Lines()
    {
        var folder = Path.Combine(RepoRoot(), "src", "ZeroGo.Search");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(files);
        var tooLong = files.Select(f => (File: Path.GetFileName(f), Lines: File.ReadLines(f).Count())).Where(f => f.Lines > 500).ToList();
        Assert.True(tooLong.Count == 0, "over 500 lines: " + string.Join(", ", tooLong.Select(f => $"{f.File} ({f.Lines})")));
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ZeroGo.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no ZeroGo.sln above {thisFile}");
    }
}
