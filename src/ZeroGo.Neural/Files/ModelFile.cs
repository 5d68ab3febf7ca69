using System.Security.Cryptography;
using System.Text.Json;
using ZeroGo.Neural.Features;

namespace ZeroGo.Neural.Files;

/// <summary>
/// A ZeroGo model on disk: <c>STEM.json</c> (the manifest: architecture, input features, weights size and
/// SHA-256, training notes) beside <c>STEM.weights</c> (the module's state, fp32). Reads with every check a bad
/// file needs (each failure a <see cref="ModelFileException"/> naming the file and why) and writes atomically;
/// <see cref="PolicyValueNetwork"/> turns the weights into a module and back.
/// </summary>
public static class ModelFile
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>
    /// The checked manifest, its architecture and the weights' bytes (size and hash verified). Throws
    /// <see cref="ModelFileException"/> for a missing, corrupt or truncated file, an unknown architecture or
    /// format, another feature version, or a shape other than <paramref name="expected"/>.
    /// </summary>
    public static (ModelManifest Manifest, NetworkConfig Config, byte[] Weights) Read(ModelPaths paths, NetworkConfig? expected = null)
    {
        var manifest = ReadManifest(paths);
        var config = CheckManifest(paths, manifest);
        if (expected is not null && expected != config)
        {
            throw new ModelFileException($"{paths.Manifest} holds a {Describe(config)} network; expected {Describe(expected)}");
        }

        return (manifest, config, ReadWeights(paths, manifest));
    }

    /// <summary>
    /// Writes <c>STEM.weights</c> then <c>STEM.json</c> (each to a temporary file renamed into place, manifest
    /// last, so a reader never sees a manifest without its complete weights). Returns the manifest written.
    /// </summary>
    public static ModelManifest Write(ModelPaths paths, NetworkConfig config, ModelInfo info, byte[] weights, long parameterCount)
    {
        var manifest = new ModelManifest
        {
            Architecture = ModelManifest.ArchitectureSection.From(config),
            Features = new ModelManifest.FeatureSection
            {
                Version = FeatureEncoder.Version,
                SpatialPlanes = FeatureEncoder.SpatialPlanes,
                GlobalFeatures = FeatureEncoder.GlobalFeatures,
            },
            BoardSizes = info.BoardSizes,
            TrainingSteps = info.TrainingSteps,
            Created = info.Created ?? DateTimeOffset.UtcNow,
            Notes = info.Notes,
            CpuHours = info.CpuHours,
            TrainingData = info.TrainingData,
            TrainingDataLicence = info.TrainingDataLicence,
            Weights = new ModelManifest.WeightsSection
            {
                Bytes = weights.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(weights)),
                Parameters = parameterCount,
            },
        };

        string? folder = Path.GetDirectoryName(paths.Manifest);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        WriteAtomically(paths.Weights, weights);
        WriteAtomically(paths.Manifest, JsonSerializer.SerializeToUtf8Bytes(manifest, JsonOptions));
        return manifest;
    }

    /// <summary>The shape in words for error messages: name, global pooling, policy and value head widths.</summary>
    public static string Describe(NetworkConfig config) =>
        $"{config.Name} (global pooling {config.EffectiveGlobalPoolingChannels} channels every {config.GlobalPoolingEvery} blocks, " +
        $"policy {config.PolicyChannels}, value {config.ValueChannels}/{config.ValueHidden})";

    private static ModelManifest ReadManifest(ModelPaths paths)
    {
        if (!File.Exists(paths.Manifest))
        {
            throw new ModelFileException(File.Exists(paths.Weights)
                ? $"model manifest {paths.Manifest} is missing (found only its weights file)"
                : $"model not found: {paths.Manifest} does not exist");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(paths.Manifest), JsonOptions);
            return manifest ?? throw new ModelFileException($"{paths.Manifest} is empty (null manifest)");
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{paths.Manifest} is not a valid model manifest: {e.Message}", e);
        }
    }

    private static NetworkConfig CheckManifest(ModelPaths paths, ModelManifest manifest)
    {
        if (manifest.Format != ModelManifest.FormatName)
        {
            throw new ModelFileException($"{paths.Manifest} is not a ZeroGo network manifest (format '{manifest.Format}', expected '{ModelManifest.FormatName}')");
        }

        if (manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
        {
            throw new ModelFileException($"{paths.Manifest} has model format version {manifest.FormatVersion}; this build reads version {ModelManifest.CurrentFormatVersion}");
        }

        if (manifest.Architecture is null || manifest.Architecture.Kind != NetworkConfig.ArchitectureKind)
        {
            throw new ModelFileException($"{paths.Manifest} describes architecture '{manifest.Architecture?.Kind}'; this build knows only '{NetworkConfig.ArchitectureKind}'");
        }

        var features = manifest.Features ?? new ModelManifest.FeatureSection();
        if (features.Version != FeatureEncoder.Version || features.SpatialPlanes != FeatureEncoder.SpatialPlanes ||
            features.GlobalFeatures != FeatureEncoder.GlobalFeatures)
        {
            throw new ModelFileException(
                $"{paths.Manifest} was trained on input features version {features.Version} ({features.SpatialPlanes} planes, " +
                $"{features.GlobalFeatures} scalars); this build encodes version {FeatureEncoder.Version} " +
                $"({FeatureEncoder.SpatialPlanes} planes, {FeatureEncoder.GlobalFeatures} scalars)");
        }

        var config = manifest.Architecture.ToConfig();
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException($"{paths.Manifest} describes an impossible architecture: {e.Message}", e);
        }

        if (manifest.Weights is null || manifest.Weights.Bytes <= 0 || manifest.Weights.Sha256.Length != 64)
        {
            throw new ModelFileException($"{paths.Manifest} lacks the weights file's size and SHA-256");
        }

        return config;
    }

    private static byte[] ReadWeights(ModelPaths paths, ModelManifest manifest)
    {
        if (!File.Exists(paths.Weights))
        {
            throw new ModelFileException($"weights file {paths.Weights} is missing (its manifest {paths.Manifest} exists)");
        }

        byte[] weights = File.ReadAllBytes(paths.Weights);
        if (weights.Length != manifest.Weights.Bytes)
        {
            throw new ModelFileException(
                $"weights file {paths.Weights} is {(weights.Length < manifest.Weights.Bytes ? "truncated" : "the wrong size")}: " +
                $"{weights.Length} bytes, the manifest says {manifest.Weights.Bytes}");
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(weights));
        if (!hash.Equals(manifest.Weights.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFileException($"weights file {paths.Weights} is corrupt: its SHA-256 differs from the one in {paths.Manifest}");
        }

        return weights;
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        string temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
