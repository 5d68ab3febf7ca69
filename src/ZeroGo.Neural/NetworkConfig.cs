using System.Globalization;
using System.Text.RegularExpressions;

namespace ZeroGo.Neural;

/// <summary>
/// The shape of a residual tower: how many blocks, how wide, which blocks carry global pooling, and the head
/// widths. Everything a model file must agree on to load its weights (see <c>docs/network.md</c>).
/// </summary>
public sealed record NetworkConfig
{
    /// <summary>The only architecture this build knows (a model file naming another is refused).</summary>
    public const string ArchitectureKind = "zerogo-resnet-gpool-v1";

    public int Blocks { get; init; } = 6;

    public int Channels { get; init; } = 64;

    /// <summary>Channels pooled over the board in a global-pooling block (KataGo style); 0 = Channels / 4.</summary>
    public int GlobalPoolingChannels { get; init; }

    /// <summary>Every n-th residual block (counting from 1) has global pooling; 0 = none.</summary>
    public int GlobalPoolingEvery { get; init; } = 3;

    public int PolicyChannels { get; init; } = 32;

    public int ValueChannels { get; init; } = 32;

    public int ValueHidden { get; init; } = 128;

    /// <summary>Small and fast: 6 blocks of 64 channels (9x9 and tests).</summary>
    public static NetworkConfig B6C64 { get; } = new();

    /// <summary>10 blocks of 128 channels (19x19).</summary>
    public static NetworkConfig B10C128 { get; } = new() { Blocks = 10, Channels = 128 };

    /// <summary>
    /// The shape a fresh network gets for a board when no trained model exists: b6c64 up to 13x13 (fast enough
    /// for a quick GTP game), b10c128 beyond.
    /// </summary>
    public static NetworkConfig DefaultFor(ZeroGo.Go.BoardGeometry geometry) => geometry.Area <= 13 * 13 ? B6C64 : B10C128;

    public int EffectiveGlobalPoolingChannels => GlobalPoolingChannels > 0 ? GlobalPoolingChannels : Math.Max(4, Channels / 4);

    /// <summary>"b6c64": the usual short name.</summary>
    public string Name => $"b{Blocks}c{Channels}";

    /// <summary>Whether residual block <paramref name="index"/> (0-based) pools globally.</summary>
    public bool HasGlobalPooling(int index) => GlobalPoolingEvery > 0 && (index + 1) % GlobalPoolingEvery == 0;

    /// <summary>Reads "b6c64" (case-insensitive) into a config with default heads.</summary>
    public static NetworkConfig Parse(string name)
    {
        var match = Regex.Match(name.Trim(), "^b(\\d+)c(\\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            throw new FormatException($"'{name}' is not a network shape like b6c64 (blocks x channels)");
        }

        return Create(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    public static NetworkConfig Create(int blocks, int channels)
    {
        var config = new NetworkConfig { Blocks = blocks, Channels = channels };
        config.Validate();
        return config;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with the offending value when the shape cannot be built.</summary>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Require(Blocks is >= 1 and <= 64, $"blocks must be 1..64 (got {Blocks})");
        Require(Channels is >= 8 and <= 1024, $"channels must be 8..1024 (got {Channels})");
        Require(EffectiveGlobalPoolingChannels < Channels, $"global pooling channels ({EffectiveGlobalPoolingChannels}) must be fewer than channels ({Channels})");
        Require(GlobalPoolingEvery >= 0, $"global pooling interval must be >= 0 (got {GlobalPoolingEvery})");
        Require(PolicyChannels is >= 1 and <= 1024, $"policy channels must be 1..1024 (got {PolicyChannels})");
        Require(ValueChannels is >= 1 and <= 1024, $"value channels must be 1..1024 (got {ValueChannels})");
        Require(ValueHidden is >= 1 and <= 4096, $"value hidden width must be 1..4096 (got {ValueHidden})");
    }

    /// <summary>Equal when they build the same network (a default pooling width equals its explicit value).</summary>
    public bool Equals(NetworkConfig? other) =>
        other is not null && Blocks == other.Blocks && Channels == other.Channels &&
        EffectiveGlobalPoolingChannels == other.EffectiveGlobalPoolingChannels && GlobalPoolingEvery == other.GlobalPoolingEvery &&
        PolicyChannels == other.PolicyChannels && ValueChannels == other.ValueChannels && ValueHidden == other.ValueHidden;

    public override int GetHashCode() =>
        HashCode.Combine(Blocks, Channels, EffectiveGlobalPoolingChannels, GlobalPoolingEvery, PolicyChannels, ValueChannels, ValueHidden);

    public override string ToString() => Name;
}
