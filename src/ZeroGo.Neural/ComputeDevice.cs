using TorchSharp;
using static TorchSharp.torch;

namespace ZeroGo.Neural;

/// <summary>
/// Chooses where the network runs. <c>cpu</c> always works; <c>cuda</c> (or <c>cuda:N</c>) needs a build made
/// with the CUDA TorchSharp package (<c>-p:ZeroGoTorch=cuda</c>, docs/network.md) and a GPU with its driver.
/// </summary>
public static class ComputeDevice
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";

    /// <summary>Parses and checks a device name; throws <see cref="ArgumentException"/> that says what to do.</summary>
    public static Device Parse(string name)
    {
        TorchRuntime.EnsureInitialized();
        string normalized = (name ?? "").Trim().ToLowerInvariant();
        if (normalized == Cpu)
        {
            return torch.CPU;
        }

        if (normalized == Cuda || normalized.StartsWith(Cuda + ":", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new ArgumentException(
                    $"device '{name}' is not available: no CUDA device is visible to TorchSharp. This build uses the " +
                    "CPU package unless it was built with -p:ZeroGoTorch=cuda (see docs/network.md), and CUDA also " +
                    "needs an NVIDIA GPU and driver. Use --device cpu.");
            }

            var device = new Device(normalized);
            if (device.index >= torch.cuda.device_count())
            {
                throw new ArgumentException($"device '{name}' does not exist: {torch.cuda.device_count()} CUDA device(s) present");
            }

            return device;
        }

        throw new ArgumentException($"unknown device '{name}': use {Cpu} or {Cuda} (or {Cuda}:N)");
    }

    /// <summary>"cpu" or "cuda:0", as the manifest and logs write it.</summary>
    public static string Describe(Device device) =>
        device.type == DeviceType.CUDA ? $"cuda:{Math.Max(0, device.index)}" : Cpu;
}
