namespace ZeroGo.Neural.Tests;

/// <summary>The default precision follows a measurement (or an override), remembered per machine in a cache file.</summary>
public sealed class Bf16SpeedTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"zg-bf16speed-{Guid.NewGuid():N}");

    private string Cache => Path.Combine(_folder, "zerogo", "precision.tsv");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(400, 300, Precision.Float32)]    // bf16 slower (seen on a CPU with AVX-512 BF16)
    [InlineData(400, 410, Precision.Float32)]    // within noise: fp32 is exact
    [InlineData(200, 700, Precision.BFloat16)]   // bf16 much faster (seen on another)
    public void A_measurement_decides_once_and_the_next_process_reads_it_back(double fp32, double bf16, Precision expected)
    {
        int measured = 0;
        (double, double) Measure()
        {
            measured++;
            return (fp32, bf16);
        }

        var first = Bf16Speed.Resolve(null, nativeBf16: true, Cache, "cpu A", Measure);
        var again = Bf16Speed.Resolve(null, nativeBf16: true, Cache, "cpu A", Measure);

        Assert.Equal(expected, first.Default);
        Assert.Equal(expected, again.Default);
        Assert.Equal(1, measured);
        Assert.StartsWith("measured before", again.Source, StringComparison.Ordinal);
        Assert.Equal(fp32, again.Fp32PositionsPerSecond, 1);

        // Another CPU (or libtorch build) is measured for itself, and both lines stay.
        Bf16Speed.Resolve(null, nativeBf16: true, Cache, "cpu B", () =>
        {
            measured++;
            return (100, 500);
        });
        Assert.Equal(2, measured);
        Assert.Equal(expected, Bf16SpeedCache.Find(Cache, "cpu A")!.Default);
        Assert.Equal(Precision.BFloat16, Bf16SpeedCache.Find(Cache, "cpu B")!.Default);
    }

    [Fact]
    public void Without_native_bf16_or_with_an_override_nothing_is_measured()
    {
        (double, double) Fail() => throw new InvalidOperationException("must not measure");

        Assert.Equal(Precision.Float32, Bf16Speed.Resolve(null, nativeBf16: false, Cache, "k", Fail).Default);
        Assert.Equal(Precision.BFloat16, Bf16Speed.Resolve("bf16", nativeBf16: true, Cache, "k", Fail).Default);
        Assert.Equal(Precision.Float32, Bf16Speed.Resolve(" FP32 ", nativeBf16: true, Cache, "k", Fail).Default);
        Assert.False(File.Exists(Cache));

        // An override that names neither is said and ignored.
        var verdict = Bf16Speed.Resolve("fast", nativeBf16: true, Cache, "k", () => (100, 300));
        Assert.Equal(Precision.BFloat16, verdict.Default);
        Assert.Contains("ZEROGO_PRECISION=fast is neither fp32 nor bf16", verdict.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_measurement_falls_back_to_fp32_and_is_not_remembered()
    {
        var verdict = Bf16Speed.Resolve(null, nativeBf16: true, Cache, "k", () => throw new InvalidOperationException("libtorch said no"));
        Assert.Equal(Precision.Float32, verdict.Default);
        Assert.Contains("libtorch said no", verdict.Source, StringComparison.Ordinal);
        Assert.Null(Bf16SpeedCache.Find(Cache, "k"));
    }

    [Fact]
    public void A_damaged_cache_line_is_measured_again_and_replaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Cache)!);
        File.WriteAllLines(Cache, ["cpu A\tfast\t12\t1\t2026-12-07", "cpu C\t100.0\t300.0\t1\t2026-12-07"]);
        int measured = 0;
        var verdict = Bf16Speed.Resolve(null, nativeBf16: true, Cache, "cpu A", () =>
        {
            measured++;
            return (500, 250);
        });

        Assert.Equal(1, measured);
        Assert.Equal(Precision.Float32, verdict.Default);
        var lines = File.ReadAllLines(Cache);
        Assert.Equal(2, lines.Length);
        Assert.Single(lines, l => l.StartsWith("cpu A\t500.0\t250.0\t0\t", StringComparison.Ordinal));
        Assert.Equal(Precision.BFloat16, Bf16SpeedCache.Find(Cache, "cpu C")!.Default);
    }

    [Fact]
    public void The_measurement_times_both_formats_and_leaves_the_thread_count_as_it_was()
    {
        int threads = TorchSharp.torch.get_num_threads();
        var (fp32, bf16) = Bf16Speed.Measure();
        Assert.True(fp32 > 0 && bf16 > 0, $"fp32 {fp32}, bf16 {bf16}");
        Assert.Equal(threads, TorchSharp.torch.get_num_threads());
    }
}
