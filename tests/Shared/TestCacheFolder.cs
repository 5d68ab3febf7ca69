using System.Runtime.CompilerServices;

namespace ZeroGo.Testing;

/// <summary>
/// Points <c>XDG_CACHE_HOME</c> of every test process (and the zerogo processes tests start) at a folder of the
/// tests' own, so what tests cache never lands in the user's <c>~/.cache</c>: above all the bf16-or-fp32 verdict
/// (<c>Bf16Speed</c>), which a test run measures under its own parallel load and would otherwise leave as this
/// machine's default for the user's engine.
/// </summary>
internal static class TestCacheFolder
{
    [ModuleInitializer]
    internal static void Isolate()
    {
        string folder = Path.Combine(Path.GetTempPath(), "zerogo-tests-cache");
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", folder);
    }
}
