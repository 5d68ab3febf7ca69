using System.Globalization;
using System.Text.Json;
using ZeroGo.Neural;
using ZeroGo.Neural.Files;

namespace ZeroGo.Training.Runs;

/// <summary>
/// Where the generation-0 network of a run came from when it was started from an existing model
/// (<c>--init MODEL</c>, transfer across board sizes): kept in config.json so the run says what it was seeded
/// with, and so a run killed before generation 0 was written resumes from the same model.
/// </summary>
public sealed record InitModelRecord
{
    /// <summary>Full path stem of the model (its files are STEM.json and STEM.weights).</summary>
    public string Path { get; init; } = "";

    public int Blocks { get; init; }

    public int Channels { get; init; }

    /// <summary>Board sizes the model was trained on, from its manifest ("9x9"); empty when it does not say.</summary>
    public IReadOnlyList<string> BoardSizes { get; init; } = [];

    public long TrainingSteps { get; init; }

    /// <summary>SHA-256 of the weights file, from the manifest (tells whether the file changed since).</summary>
    public string WeightsSha256 { get; init; } = "";

    /// <summary>"/x/gen-0012 (b6c64, trained on 9x9, 3600 steps)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Path} (b{Blocks}c{Channels}, trained on {(BoardSizes.Count > 0 ? string.Join(", ", BoardSizes) : "unknown sizes")}, {TrainingSteps} steps)");

    /// <summary>Loads the model (so a broken file fails here, with <see cref="ModelFileException"/>) and records what it is.</summary>
    public static InitModelRecord Read(string modelPath)
    {
        using var network = PolicyValueNetwork.Load(modelPath);
        return new InitModelRecord
        {
            Path = ModelPaths.From(modelPath).Stem,
            Blocks = network.Config.Blocks,
            Channels = network.Config.Channels,
            BoardSizes = network.Info.BoardSizes.ToArray(),
            TrainingSteps = network.Info.TrainingSteps,
            WeightsSha256 = WeightsHash(modelPath),
        };
    }

    /// <summary>
    /// The model as generation 0 of a run shaped <paramref name="runShape"/>: as it is, or deepened with identity
    /// blocks (<see cref="PolicyValueNetwork.Deepened"/>) when the run asked for more blocks than the model has.
    /// Throws <see cref="InvalidDataException"/> when the file's shape no longer fits the run (it changed since).
    /// </summary>
    public PolicyValueNetwork LoadAs(NetworkConfig runShape, string device, long seed)
    {
        var network = PolicyValueNetwork.Load(Path, device, expected: null);
        if (network.Config.Channels != runShape.Channels || network.Config.Blocks > runShape.Blocks)
        {
            string now = network.Config.Name;
            network.Dispose();
            throw new InvalidDataException($"the init model {Path} is now {now}; config.json records a run of {runShape.Name}");
        }

        if (network.Config.Blocks == runShape.Blocks)
        {
            return network;
        }

        using (network)
        {
            return network.Deepened(runShape.Blocks, seed);
        }
    }

    /// <summary>True when <paramref name="modelPath"/> (stem or either file) names this model.</summary>
    public bool IsSameModel(string modelPath) => ModelPaths.From(modelPath).Stem == Path;

    /// <summary>The weights hash a model's manifest records ("" when it records none).</summary>
    public static string WeightsHash(string modelPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(ModelPaths.From(modelPath).Manifest));
        return document.RootElement.TryGetProperty("weights", out var weights) && weights.TryGetProperty("sha256", out var sha)
            ? sha.GetString() ?? ""
            : "";
    }
}
