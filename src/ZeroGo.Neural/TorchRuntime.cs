using System.Runtime.InteropServices;

namespace ZeroGo.Neural;

/// <summary>
/// Process-wide settings libtorch reads once, when it is loaded. libtorch's OpenMP (libgomp) lets idle worker
/// threads spin-wait by default: on a machine whose cores are also busy with search threads, other games or
/// builds, a parallel region then waits for descheduled spinners, and a forward pass was measured 10-20x slower
/// than with passive waiting (docs/network.md). So unless the user set OMP_WAIT_POLICY or GOMP_SPINCOUNT, ZeroGo
/// asks for passive waiting before libtorch loads. Every entry point of this library calls
/// <see cref="EnsureInitialized"/> before touching TorchSharp; programs that call TorchSharp themselves first
/// should call it at start-up.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<string> Setting = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What was decided: "OMP_WAIT_POLICY=PASSIVE (ZeroGo default)" or the user's own setting.</summary>
    public static string OpenMpWaitPolicy => Setting.Value;

    public static void EnsureInitialized() => _ = Setting.Value;

    private static string Apply()
    {
        string? policy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        string? spin = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");
        if (policy is not null || spin is not null)
        {
            return policy is not null ? $"OMP_WAIT_POLICY={policy} (environment)" : $"GOMP_SPINCOUNT={spin} (environment)";
        }

        if (!OperatingSystem.IsLinux())
        {
            return "OpenMP default";
        }

        // .NET keeps its own copy of the environment; libgomp reads the C library's, so set that one.
        return SetNativeEnvironment("OMP_WAIT_POLICY", "PASSIVE") == 0
            ? "OMP_WAIT_POLICY=PASSIVE (ZeroGo default)"
            : "OpenMP default (could not set OMP_WAIT_POLICY)";
    }

    [DllImport("libc.so.6", EntryPoint = "setenv", CharSet = CharSet.Ansi)]
    private static extern int SetNativeEnvironment(string name, string value, int overwrite = 0);
}
