using System.Text.Json.Serialization;

namespace ZeroGo.Neural.Files;

/// <summary>
/// The JSON half of a model (<c>STEM.json</c>, beside <c>STEM.weights</c>): what the weights file holds and how to rebuild the network that
/// reads it. The weights file's size and SHA-256 let a truncated or corrupted file be refused before loading.
/// </summary>
public sealed record ModelManifest
{
    public const string FormatName = "zerogo-network";
    public const int CurrentFormatVersion = 1;

    [JsonPropertyName("format")]
    public string Format { get; init; } = FormatName;

    [JsonPropertyName("formatVersion")]
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    [JsonPropertyName("architecture")]
    public ArchitectureSection Architecture { get; init; } = new();

    [JsonPropertyName("features")]
    public FeatureSection Features { get; init; } = new();

    /// <summary>Board sizes the network was trained on ("9x9", "19x19", "9x13"); any size up to 25x25 can be evaluated.</summary>
    [JsonPropertyName("boardSizes")]
    public IReadOnlyList<string> BoardSizes { get; init; } = [];

    [JsonPropertyName("trainingSteps")]
    public long TrainingSteps { get; init; }

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    [JsonPropertyName("notes")]
    public string Notes { get; init; } = "";

    /// <summary>
    /// CPU-hours of self-play and training behind these weights, counted over the whole lineage (a run started from
    /// another model adds that model's); null where nobody counted (older files, networks from elsewhere).
    /// </summary>
    [JsonPropertyName("cpuHours")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CpuHours { get; init; }

    /// <summary>
    /// The data the weights learned from when it is not the network's own self-play: the collection and its source
    /// (a licence such as the GPL can bind what is trained on it, so the model card must name it); null otherwise.
    /// </summary>
    [JsonPropertyName("trainingData")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrainingData { get; init; }

    /// <summary>The licence of <see cref="TrainingData"/> ("GPL-3.0"); null with it.</summary>
    [JsonPropertyName("trainingDataLicence")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrainingDataLicence { get; init; }

    [JsonPropertyName("weights")]
    public WeightsSection Weights { get; init; } = new();

    public sealed record ArchitectureSection
    {
        [JsonPropertyName("kind")]
        public string Kind { get; init; } = NetworkConfig.ArchitectureKind;

        [JsonPropertyName("blocks")]
        public int Blocks { get; init; }

        [JsonPropertyName("channels")]
        public int Channels { get; init; }

        [JsonPropertyName("globalPoolingChannels")]
        public int GlobalPoolingChannels { get; init; }

        [JsonPropertyName("globalPoolingEvery")]
        public int GlobalPoolingEvery { get; init; }

        [JsonPropertyName("policyChannels")]
        public int PolicyChannels { get; init; }

        [JsonPropertyName("valueChannels")]
        public int ValueChannels { get; init; }

        [JsonPropertyName("valueHidden")]
        public int ValueHidden { get; init; }

        public static ArchitectureSection From(NetworkConfig config) => new()
        {
            Blocks = config.Blocks,
            Channels = config.Channels,
            GlobalPoolingChannels = config.EffectiveGlobalPoolingChannels,
            GlobalPoolingEvery = config.GlobalPoolingEvery,
            PolicyChannels = config.PolicyChannels,
            ValueChannels = config.ValueChannels,
            ValueHidden = config.ValueHidden,
        };

        public NetworkConfig ToConfig() => new()
        {
            Blocks = Blocks,
            Channels = Channels,
            GlobalPoolingChannels = GlobalPoolingChannels,
            GlobalPoolingEvery = GlobalPoolingEvery,
            PolicyChannels = PolicyChannels,
            ValueChannels = ValueChannels,
            ValueHidden = ValueHidden,
        };
    }

    public sealed record FeatureSection
    {
        [JsonPropertyName("version")]
        public int Version { get; init; }

        [JsonPropertyName("spatialPlanes")]
        public int SpatialPlanes { get; init; }

        [JsonPropertyName("globalFeatures")]
        public int GlobalFeatures { get; init; }
    }

    public sealed record WeightsSection
    {
        [JsonPropertyName("bytes")]
        public long Bytes { get; init; }

        [JsonPropertyName("sha256")]
        public string Sha256 { get; init; } = "";

        [JsonPropertyName("parameters")]
        public long Parameters { get; init; }

        [JsonPropertyName("precision")]
        public string Precision { get; init; } = "float32";
    }
}

/// <summary>What the caller says about a model when saving it (the rest of the manifest is derived).</summary>
public sealed record ModelInfo
{
    public IReadOnlyList<string> BoardSizes { get; init; } = [];

    public long TrainingSteps { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>Cumulative CPU-hours of the lineage (<see cref="ModelManifest.CpuHours"/>), when counted.</summary>
    public double? CpuHours { get; init; }

    /// <summary>Defaults to now.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary><see cref="ModelManifest.TrainingData"/>.</summary>
    public string? TrainingData { get; init; }

    /// <summary><see cref="ModelManifest.TrainingDataLicence"/>.</summary>
    public string? TrainingDataLicence { get; init; }
}

/// <summary>A model file that cannot be used, with a message that says which file and why.</summary>
public sealed class ModelFileException(string message, Exception? inner = null) : Exception(message, inner);
