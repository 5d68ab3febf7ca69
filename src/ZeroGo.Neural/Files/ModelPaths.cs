namespace ZeroGo.Neural.Files;

/// <summary>
/// A model is files sharing a stem: <c>STEM.json</c> (manifest) and <c>STEM.weights</c>. Users may name either
/// file or the bare stem (<c>--model models/gen-0001</c>, <c>gen-0001.json</c>, <c>gen-0001.weights</c>).
/// </summary>
public sealed record ModelPaths(string Stem)
{
    public const string ManifestExtension = ".json";
    public const string WeightsExtension = ".weights";

    public string Manifest => Stem + ManifestExtension;

    public string Weights => Stem + WeightsExtension;

    public string Name => Path.GetFileName(Stem);

    public static ModelPaths From(string pathOrStem)
    {
        if (string.IsNullOrWhiteSpace(pathOrStem))
        {
            throw new ModelFileException("no model file given");
        }

        string full = Path.GetFullPath(pathOrStem);
        string extension = Path.GetExtension(full);
        if (extension.Equals(ManifestExtension, StringComparison.OrdinalIgnoreCase) ||
            extension.Equals(WeightsExtension, StringComparison.OrdinalIgnoreCase))
        {
            full = full[..^extension.Length];
        }

        return new ModelPaths(full);
    }
}
