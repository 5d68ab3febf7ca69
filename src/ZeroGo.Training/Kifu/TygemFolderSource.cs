using System.IO.Compression;

namespace ZeroGo.Training.Kifu;

/// <summary>
/// The tygem-9d layout: <c>kifu/YYYY-MM.zip</c> (one text file of game lines each) and <c>index/KifuYYYY.zip</c>
/// (one index file each), read straight from the zips.
/// </summary>
internal sealed class TygemFolderSource : KifuSource
{
    private readonly string _folder;
    private readonly List<string> _kifuZips;
    private readonly List<string> _indexZips;

    public TygemFolderSource(string folder)
    {
        _folder = folder;
        _kifuZips = SortedZips(Path.Combine(folder, "kifu"));
        _indexZips = SortedZips(Path.Combine(folder, "index"));
        if (_kifuZips.Count == 0 || _indexZips.Count == 0)
        {
            throw new KifuFormatException($"{folder}: kifu/ and index/ must each hold at least one .zip (found {_kifuZips.Count} and {_indexZips.Count})");
        }
    }

    public override string Description => $"{_folder} ({_kifuZips.Count} kifu zips, {_indexZips.Count} index zips)";

    public override KifuIndexFormat IndexFormat => KifuIndexFormat.Tygem;

    public override IEnumerable<KifuTextLine> IndexLines() => _indexZips.SelectMany(ZipLines);

    public override IReadOnlyList<string> KifuFiles => _kifuZips;

    public override IEnumerable<KifuTextLine> MoveLines(int file) => ZipLines(_kifuZips[file]);

    private static List<string> SortedZips(string folder) =>
        Directory.EnumerateFiles(folder, "*.zip").Order(StringComparer.Ordinal).ToList();

    /// <summary>The lines of every file in a zip, entries sorted by name (the zips hold one each).</summary>
    private static IEnumerable<KifuTextLine> ZipLines(string zipPath) => ArchiveErrors.Guard(ReadZip(zipPath), zipPath);

    private static IEnumerable<KifuTextLine> ReadZip(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        foreach (var entry in entries)
        {
            string name = $"{Path.GetFileName(zipPath)}:{entry.FullName}";
            foreach (var line in KifuTextLine.Read(entry.Open(), name))
            {
                yield return line;
            }
        }
    }
}
