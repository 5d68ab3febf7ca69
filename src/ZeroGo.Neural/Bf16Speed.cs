using System.Globalization;
using ZeroGo.Go;
using ZeroGo.Neural.Benchmarking;

namespace ZeroGo.Neural;

/// <summary>
/// Whether bf16 runs faster than fp32 on this machine, measured once and remembered. Native bf16 (AVX-512 BF16)
/// is not enough: on one 2-core machine of this project bf16 was 2.5-5x faster than fp32, on the next CPU
/// generation with the same flags 9-37 % slower (docs/benchmarks.md). So the first process that needs the default
/// times a b6c64 9x9 network at batch 32 in both formats, alternating (about 2 s), and writes the verdict to
/// <c>$XDG_CACHE_HOME/zerogo/precision.tsv</c> (else <c>~/.cache</c>) under the CPU's model name and the libtorch
/// build, as KataGo keeps its OpenCL tuning. <c>ZEROGO_PRECISION=fp32|bf16</c> overrides it.
/// </summary>
public static class Bf16Speed
{
    /// <summary>Environment variable that fixes the default precision (fp32 or bf16), skipping the measurement.</summary>
    public const string OverrideVariable = "ZEROGO_PRECISION";

    /// <summary>bf16 is the default only when it is at least this much faster: within noise, fp32 is exact.</summary>
    public const double RequiredSpeedUp = 1.05;

    private static readonly Lazy<Bf16Verdict> Current = new(Decide);

    /// <summary>The verdict for this process (measured or read back on first use).</summary>
    public static Bf16Verdict Verdict => Current.Value;

    /// <summary>The cache file of verdicts, one line per CPU and libtorch build.</summary>
    public static string CacheFile
    {
        get
        {
            // The XDG base-directory rules: a relative XDG_CACHE_HOME is ignored; without HOME, the temporary folder.
            string? home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
                ? xdg
                : string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".cache");
            return Path.Combine(root, "zerogo", "precision.tsv");
        }
    }

    /// <summary>This machine's key in the cache: CPU model name and the libtorch build.</summary>
    public static string MachineKey =>
        $"{CpuModelName()} | TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}";

    private static Bf16Verdict Decide() =>
        Resolve(Environment.GetEnvironmentVariable(OverrideVariable), PrecisionExtensions.CpuHasNativeBf16, CacheFile, MachineKey, Measure);

    /// <summary>
    /// The verdict from, in order: the override (<paramref name="forced"/>, fp32 or bf16), the CPU's lack of native
    /// bf16 (fp32, nothing measured), the cache file's line for <paramref name="key"/>, or <paramref name="measure"/>
    /// (fp32 and bf16 positions/s), whose result is then written to the cache.
    /// </summary>
    public static Bf16Verdict Resolve(string? forced, bool nativeBf16, string cacheFile, string key, Func<(double Fp32, double Bf16)> measure)
    {
        string? note = null;
        if (forced is { Length: > 0 })
        {
            switch (forced.Trim().ToLowerInvariant())
            {
                case "fp32" or "float32":
                    return new Bf16Verdict(false, 0, 0, $"{OverrideVariable}={forced}");
                case "bf16" or "bfloat16":
                    return new Bf16Verdict(true, 0, 0, $"{OverrideVariable}={forced}");
                default:
                    note = $"{OverrideVariable}={forced} is neither fp32 nor bf16 and is ignored";
                    break;
            }
        }

        if (!nativeBf16)
        {
            return new Bf16Verdict(false, 0, 0, "the CPU has no native bf16 (it would be emulated)" + (note is null ? "" : "; " + note));
        }

        if (Bf16SpeedCache.Find(cacheFile, key) is { } cached)
        {
            return cached with { Source = $"measured before, {cacheFile}" + (note is null ? "" : "; " + note) };
        }

        double fp32, bf16;
        try
        {
            (fp32, bf16) = measure();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The default must not take the program down with it: fp32 always works. Not cached, so tried again next time.
            return new Bf16Verdict(false, 0, 0, $"the speed measurement failed ({e.Message})");
        }

        var verdict = new Bf16Verdict(bf16 >= RequiredSpeedUp * fp32, fp32, bf16, "measured now" + (note is null ? "" : "; " + note));
        Bf16SpeedCache.Add(cacheFile, key, verdict);
        return verdict;
    }

    /// <summary>
    /// Positions/s of a random b6c64 on 9x9 at batch 32 in fp32 and in bf16 on one libtorch thread (the speed of
    /// a core: with more threads than free cores, oversubscription decides, not the format): three alternating
    /// rounds of about 0.3 s each (order swapped every round), the median of each, so a neighbour's load hits both
    /// alike. It runs on a thread of its own: libtorch's OpenMP thread count belongs to the thread that sets it, so
    /// the caller's count, and that of any thread already evaluating, stays as it was.
    /// </summary>
    public static (double Fp32, double Bf16) Measure()
    {
        (double Fp32, double Bf16) result = default;
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                result = MeasureOnThisThread();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "bf16 speed",
        };
        worker.Start();
        worker.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }

    private static (double Fp32, double Bf16) MeasureOnThisThread()
    {
        var geometry = BoardGeometry.Get(9);
        var positions = NetworkThroughput.SamplePositions(geometry, 32, seed: 3);
        using var network = PolicyValueNetwork.Create(NetworkConfig.B6C64, seed: 3);
        var fp32 = new List<double>();
        var bf16 = new List<double>();
        TorchSharp.torch.set_num_threads(1);
        for (int round = 0; round < 3; round++)
        {
            foreach (var precision in round % 2 == 0 ? new[] { Precision.Float32, Precision.BFloat16 } : [Precision.BFloat16, Precision.Float32])
            {
                network.SetPrecision(precision);
                double rate = NetworkThroughput.Measure(network, positions, 32, TimeSpan.FromSeconds(0.3), warmUpBatches: 1).PositionsPerSecond;
                (precision == Precision.Float32 ? fp32 : bf16).Add(rate);
            }
        }

        return (Median(fp32), Median(bf16));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>
    /// "model name, family F model M stepping S, flags XXXXXXXX" from /proc/cpuinfo: virtual machines often show a
    /// generic model name ("Intel(R) Xeon(R) Processor") for several CPU generations, which family, model and the
    /// flags (hashed) tell apart.
    /// </summary>
    private static string CpuModelName()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    int colon = line.IndexOf(':');
                    if (line.Length == 0)
                    {
                        break;   // the first processor's block is enough
                    }

                    if (colon > 0)
                    {
                        fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
                    }
                }
            }
        }
        catch (IOException)
        {
        }

        if (!fields.TryGetValue("model name", out string? name))
        {
            return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} CPU";
        }

        string flags = fields.TryGetValue("flags", out string? list)
            ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(list)))[..8]
            : "none";
        return $"{name}, family {fields.GetValueOrDefault("cpu family", "?")} model {fields.GetValueOrDefault("model", "?")} stepping {fields.GetValueOrDefault("stepping", "?")}, flags {flags}";
    }
}

/// <summary>Whether bf16 is this machine's default, the two speeds behind it (positions/s; 0 when not measured) and where it came from.</summary>
public sealed record Bf16Verdict(bool Bf16IsFaster, double Fp32PositionsPerSecond, double Bf16PositionsPerSecond, string Source)
{
    public Precision Default => Bf16IsFaster ? Precision.BFloat16 : Precision.Float32;

    public string Summary => Fp32PositionsPerSecond > 0
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Default.ShortName()}: fp32 {Fp32PositionsPerSecond:F0}, bf16 {Bf16PositionsPerSecond:F0} positions/s (b6c64 9x9, batch 32; {Source})")
        : $"{Default.ShortName()} ({Source})";
}

/// <summary>The verdicts file: tab-separated lines <c>key, fp32 rate, bf16 rate, bf16 faster (0/1), date</c>.</summary>
public static class Bf16SpeedCache
{
    /// <summary>The verdict recorded for <paramref name="key"/>, or null (no file, no line, or a damaged one: measured again).</summary>
    public static Bf16Verdict? Find(string file, string key)
    {
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            foreach (string line in File.ReadLines(file))
            {
                var fields = line.Split('\t');
                if (fields.Length >= 4 && fields[0] == key
                    && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double fp32) && fp32 > 0
                    && double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double bf16) && bf16 > 0)
                {
                    // Judged again from the two speeds (the file's 0/1 column is for people): a changed threshold applies.
                    return new Bf16Verdict(bf16 >= Bf16Speed.RequiredSpeedUp * fp32, fp32, bf16, file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>
    /// Records <paramref name="verdict"/> under <paramref name="key"/>, replacing that key's line (written to a
    /// temporary file and renamed, so a reader never sees half a file). A cache that cannot be written only costs
    /// the next process the measurement.
    /// </summary>
    public static void Add(string file, string key, Bf16Verdict verdict)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var lines = File.Exists(file) ? File.ReadAllLines(file).Where(l => !l.StartsWith(key + "\t", StringComparison.Ordinal)).ToList() : [];
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{key}\t{verdict.Fp32PositionsPerSecond:F1}\t{verdict.Bf16PositionsPerSecond:F1}\t{(verdict.Bf16IsFaster ? 1 : 0)}\t{DateTime.UtcNow:yyyy-MM-dd}"));
            string temporary = $"{file}.{Environment.ProcessId}.tmp";
            try
            {
                File.WriteAllLines(temporary, lines);
                File.Move(temporary, file, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
