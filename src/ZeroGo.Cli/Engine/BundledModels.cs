using System.Text.Json;
using ZeroGo.Go;
using ZeroGo.Neural.Files;

namespace ZeroGo.Cli.Engine;

/// <summary>One bundled model: its manifest's path and the board sizes it was trained on ("9x9").</summary>
public sealed record BundledModel(string ManifestPath, IReadOnlyList<string> BoardSizes)
{
    public string Name => Path.GetFileNameWithoutExtension(ManifestPath);

    public bool Fits(BoardGeometry geometry) => BoardSizes.Contains(geometry.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How far <paramref name="geometry"/> is from the nearest board this model was trained on (difference of widths
    /// plus heights); int.MaxValue when its manifest names none that can be read.
    /// </summary>
    public int Distance(BoardGeometry geometry)
    {
        int nearest = int.MaxValue;
        foreach (string size in BoardSizes)
        {
            string[] sides = size.Split('x', 'X');
            if (sides.Length == 2 && int.TryParse(sides[0], out int width) && int.TryParse(sides[1], out int height))
            {
                nearest = Math.Min(nearest, Math.Abs(width - geometry.Width) + Math.Abs(height - geometry.Height));
            }
        }

        return nearest;
    }
}

/// <summary>
/// The networks shipped in the repository's <c>models/</c> folder: every <c>*.json</c> there that is a ZeroGo model
/// manifest (other JSON files are ignored). For a board the engine takes the first model (by file name) whose
/// manifest lists that board size, else the one trained on the nearest size (13x13 plays with the 9x9 network rather
/// than the 19x19 one; a tie goes to the first by name).
/// </summary>
public sealed class BundledModels
{
    private BundledModels(string? folder, IReadOnlyList<BundledModel> models)
    {
        Folder = folder;
        Models = models;
    }

    /// <summary>The folder searched (null when none was found).</summary>
    public string? Folder { get; }

    public IReadOnlyList<BundledModel> Models { get; }

    /// <summary>
    /// The <c>models/</c> folder next to the program or in one of its parent folders (the launcher runs the
    /// program from <c>artifacts/cli</c>, so the repository's folder is two levels up); null when there is none.
    /// The working directory is not searched: GUIs start engines from anywhere.
    /// </summary>
    public static string? FindDefaultFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "models");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads the manifests in <paramref name="folder"/> (a missing folder means no models).</summary>
    public static BundledModels Scan(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return new BundledModels(folder, []);
        }

        var models = new List<BundledModel>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + ModelPaths.ManifestExtension).Order(StringComparer.Ordinal))
        {
            if (TryReadManifest(path) is { } manifest && File.Exists(ModelPaths.From(path).Weights))
            {
                models.Add(new BundledModel(path, manifest.BoardSizes));
            }
        }

        return new BundledModels(folder, models);
    }

    /// <summary>The model for <paramref name="geometry"/>: the first that lists it, else the nearest in size; null when none.</summary>
    public BundledModel? Choose(BoardGeometry geometry) =>
        Models.FirstOrDefault(m => m.Fits(geometry)) ?? Models.MinBy(m => m.Distance(geometry));

    private static ModelManifest? TryReadManifest(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path));
            return manifest is { Format: ModelManifest.FormatName } ? manifest : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null; // not a model manifest: loading it would fail anyway, and other JSON files may live there
        }
    }
}
