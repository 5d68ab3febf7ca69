using System.Buffers.Binary;
using System.Security.Cryptography;
using MessagePack;
using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Samples;

/// <summary>
/// A file of finished games (<see cref="GameRecord"/>): a fixed header (magic, format version, payload length,
/// SHA-256 of the payload) followed by the games serialised with MessagePack and its LZ4 block compression.
/// Written to "NAME.tmp", flushed to disk and renamed, so a reader never sees half a chunk; the checksum
/// catches files damaged later (truncated copies, bit rot).
/// </summary>
public static class ChunkFile
{
    /// <summary>File name ending of a complete chunk.</summary>
    public const string Extension = ".zgchunk";

    /// <summary>Ending of a chunk being written (left behind only by a crash; readers ignore and may delete it).</summary>
    public const string TemporaryExtension = ".tmp";

    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "ZGCHUNK\n"u8.ToArray();
    private const int HeaderLength = 8 + 4 + 8 + 32;

    private static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard
            .WithCompression(MessagePackCompression.Lz4BlockArray)
            .WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>Writes <paramref name="games"/> to <paramref name="path"/> atomically (temporary name, then rename).</summary>
    public static void Write(string path, IReadOnlyList<GameRecord> games)
    {
        var bytes = ToBytes(games);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>The chunk of <paramref name="games"/> as bytes (what a file holds; a store keeps the same bytes).</summary>
    public static byte[] ToBytes(IReadOnlyList<GameRecord> games)
    {
        var payload = MessagePackSerializer.Serialize(games.ToList(), Options);
        var bytes = new byte[HeaderLength + payload.Length];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), payload.Length);
        SHA256.HashData(payload).CopyTo(bytes, 20);
        payload.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    /// <summary>Reads a chunk; throws <see cref="InvalidDataException"/> with the reason when it is damaged.</summary>
    public static List<GameRecord> Read(string path) => FromBytes(File.ReadAllBytes(path), path);

    /// <summary>Decodes chunk bytes; <paramref name="name"/> (a path or a game id) starts every error message.</summary>
    public static List<GameRecord> FromBytes(byte[] bytes, string name)
    {
        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name}: not a ZeroGo chunk file (bad header)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"{name}: chunk format version {version}, this build reads {FormatVersion}");
        }

        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        if (length != bytes.Length - HeaderLength)
        {
            throw new InvalidDataException(
                $"{name}: truncated or padded (payload {bytes.Length - HeaderLength} bytes, header says {length})");
        }

        var payload = bytes.AsMemory(HeaderLength);
        if (!SHA256.HashData(payload.Span).AsSpan().SequenceEqual(bytes.AsSpan(20, 32)))
        {
            throw new InvalidDataException($"{name}: checksum mismatch (file damaged)");
        }

        List<GameRecord> games;
        try
        {
            games = MessagePackSerializer.Deserialize<List<GameRecord>>(payload, Options);
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException($"{name}: cannot decode games: {e.Message}", e);
        }

        foreach (var game in games)
        {
            var reason = game.Validate();
            if (reason is not null)
            {
                throw new InvalidDataException($"{name}: invalid game {game.GameNumber}: {reason}");
            }
        }

        return games;
    }

    /// <summary>
    /// Reads every chunk under <paramref name="folder"/> (recursively, in name order), skipping damaged ones:
    /// each skipped file is reported through <paramref name="warn"/>. Leftover temporary files are ignored.
    /// </summary>
    public static IEnumerable<(string Path, List<GameRecord> Games)> ReadAll(string folder, Action<string>? warn)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            List<GameRecord>? games = null;
            try
            {
                games = Read(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                warn?.Invoke($"warning: skipping damaged chunk {e.Message}");
            }

            if (games is not null)
            {
                yield return (path, games);
            }
        }
    }
}
