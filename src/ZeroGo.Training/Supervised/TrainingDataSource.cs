namespace ZeroGo.Training.Supervised;

/// <summary>
/// What a model card must say about human training data: the collection, where it came from, its licence. The
/// tygem-9d collection of ../shared/datasets is known (its README names the source commit); for another collection
/// the licence is the first line of a LICENSE file beside it, if any.
/// </summary>
public sealed record TrainingDataSource(string Description, string Licence)
{
    private const string KnownSource = "yenw/computer-go-dataset commit 927047d784a82e9eb705b8a18ba5b8c605689c16";

    public static TrainingDataSource For(string path, string sourceDescription)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string name = Path.GetFileName(full);
        string? licence = LicenceBeside(full);
        if (name.Equals("tygem-9d", StringComparison.OrdinalIgnoreCase))
        {
            return new TrainingDataSource($"tygem-9d: 9-dan human games 2006-2007 from {KnownSource}", "GPL-3.0 (" + (licence ?? "LICENSE.txt missing") + ")");
        }

        return new TrainingDataSource($"human games: {sourceDescription}", licence ?? "unknown (no LICENSE file beside the data)");
    }

    private static string? LicenceBeside(string path)
    {
        foreach (var file in new[] { "LICENSE.txt", "LICENSE", "COPYING" })
        {
            var candidate = Path.Combine(Directory.Exists(path) ? path : Path.GetDirectoryName(path) ?? ".", file);
            if (File.Exists(candidate))
            {
                var first = File.ReadLines(candidate).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
                var second = File.ReadLines(candidate).Select(l => l.Trim()).Where(l => l.Length > 0).Skip(1).FirstOrDefault();
                return first is null ? null : second is null ? first : $"{first}, {second}";
            }
        }

        return null;
    }
}
