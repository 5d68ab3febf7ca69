using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ZeroGo.Neural.Tests;

/// <summary>
/// The build step that makes libLibTorchSharp.so load on Debian 12 (build/TorchSharpNativeFix.targets): the
/// ELF patcher marks only the GLIBCXX_3.4.32 need weak, is idempotent, and the copy in this test's own output
/// was patched by the build while the NuGet package's file was not.
/// </summary>
public class TorchSharpNativeFixTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static string OutputCopy => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static string? PackageCopy()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    /// <summary>vna_flags of every version need by name (a name such as GLIBC_2.2.5 may be needed from several libraries).</summary>
    private static ILookup<string, int> Flags(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        return ZeroGoWeakenElfVersionNeeds.EnumerateVersionNeeds(elf)
            .ToLookup(need => need.Name, need => elf[need.FlagsOffset] | (elf[need.FlagsOffset + 1] << 8));
    }

    [SkippableFact]
    public void TheBuildPatchedThisOutputsCopyButNotThePackage()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the fix applies to Linux builds");
        Skip.IfNot(File.Exists("/usr/lib/x86_64-linux-gnu/libstdc++.so.6"), "no Debian/Ubuntu x86-64 libstdc++ at /usr/lib/x86_64-linux-gnu");
        Skip.If(File.ReadAllText("/usr/lib/x86_64-linux-gnu/libstdc++.so.6", System.Text.Encoding.Latin1).Contains(Version + "\0"),
            $"this system's libstdc++ has {Version}: the build leaves the library alone");
        var output = Flags(OutputCopy);
        Assert.Equal(2, output[Version].Single() & 2);
        // Every other need is left as it was (none of them weak in TorchSharp 0.107's library).
        Assert.True(output.Count > 5);
        Assert.All(output.Where(need => need.Key != Version).SelectMany(need => need), flags => Assert.Equal(0, flags & 2));
        string? package = PackageCopy();
        Skip.If(package is null, "the TorchSharp package folder is not in the default NuGet location");
        Assert.Equal(0, Flags(package!)[Version].Single() & 2);
    }

    [SkippableFact]
    public void PatchingIsIdempotentAndKeepsTheFileOtherwiseIntact()
    {
        string? package = PackageCopy();
        Skip.If(package is null, "the TorchSharp package folder is not in the default NuGet location");
        string folder = Directory.CreateTempSubdirectory("zerogo-elf-").FullName;
        try
        {
            string copy = Path.Combine(folder, "libLibTorchSharp.so");
            File.Copy(package!, copy);
            var timestamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(copy, timestamp);
            byte[] before = File.ReadAllBytes(copy);

            Assert.Equal(1, ZeroGoWeakenElfVersionNeeds.Patch(copy, [Version]));
            byte[] after = File.ReadAllBytes(copy);
            Assert.Equal(before.Length, after.Length);
            Assert.Equal(1, before.Zip(after).Count(pair => pair.First != pair.Second));
            Assert.Equal(2, Flags(copy)[Version].Single() & 2);
            Assert.Equal(timestamp, File.GetLastWriteTimeUtc(copy));

            Assert.Equal(0, ZeroGoWeakenElfVersionNeeds.Patch(copy, [Version]));
            Assert.Equal(after, File.ReadAllBytes(copy));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheTaskReportsAFileThatIsNotElfAsAnError()
    {
        string folder = Directory.CreateTempSubdirectory("zerogo-elf-").FullName;
        try
        {
            string bogus = Path.Combine(folder, "libLibTorchSharp.so");
            File.WriteAllText(bogus, "not a shared library");
            var engine = new RecordingBuildEngine();
            var task = new ZeroGoWeakenElfVersionNeeds
            {
                BuildEngine = engine,
                Files = [new TaskItem(bogus)],
                Versions = "GLIBCXX_99.0",
            };
            Assert.False(task.Execute());
            Assert.Contains(engine.Errors, e => e.Contains("not an ELF file") && e.Contains(bogus));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class RecordingBuildEngine : IBuildEngine
    {
        public List<string> Errors { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? "");

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }
    }
}
