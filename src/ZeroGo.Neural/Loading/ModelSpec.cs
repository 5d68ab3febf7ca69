namespace ZeroGo.Neural.Loading;

/// <summary>
/// A network to play with: the file, its family (read once from the file's first line by <see cref="For"/>, so
/// checking the board size and loading never read it again), and how the search will use it.
/// <see cref="NetworkFactory"/> turns it into a loaded network.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>A ZeroGo model's .json/.weights/stem, or a Leela Zero weight file (plain or gzip).</summary>
    public required string Path { get; init; }

    public required NetworkFamily Family { get; init; }

    public string Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>Inference precision (bf16 where it measured faster than fp32 on this machine, <see cref="Bf16Speed"/>; else fp32).</summary>
    public Precision Precision { get; init; } = PrecisionExtensions.InferenceDefault;

    /// <summary>Search threads that call the evaluator at once; the batch size follows from it (<see cref="NetworkFactory.MaxBatchFor"/>).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The most positions per forward pass when the callers are not search threads (the arena's parallel games); null: from <see cref="Threads"/>.</summary>
    public int? MaxBatchSize { get; init; }

    /// <summary>Seed of the random symmetries (null: different each run).</summary>
    public int? Seed { get; init; }

    /// <summary>The spec of <paramref name="path"/> with its family detected (reads only the file's first line).</summary>
    public static ModelSpec For(string path) => new() { Path = path, Family = NetworkLoader.DetectFamily(path) };

    /// <summary>The only board size the network can play (19 for Leela Zero); null when it plays any size.</summary>
    public int? FixedBoardSize => Family == NetworkFamily.LeelaZero ? LeelaZero.LeelaZeroWeights.BoardSize : null;

    /// <summary>Null when the network can play a <paramref name="size"/>x<paramref name="size"/> board, else why not.</summary>
    public string? CheckBoardSize(int size) =>
        FixedBoardSize is int fixedSize && size != fixedSize
            ? $"{System.IO.Path.GetFileName(Path)} is a Leela Zero network, which plays {fixedSize}x{fixedSize} only " +
              $"(asked for {size}x{size}); use --size {fixedSize}"
            : null;
}
