namespace ZeroGo.Training.Kifu;

/// <summary>The unpacked Tom layout: <c>Kifu.index</c> and <c>kifu/YYYY-MM</c> (plain text, one game a line).</summary>
internal sealed class TomFolderSource(string folder) : KifuSource
{
    public const string IndexName = "Kifu.index";

    private readonly List<string> _kifuFiles = Directory.EnumerateFiles(Path.Combine(folder, "kifu"))
        .Order(StringComparer.Ordinal).ToList();

    public override string Description => $"{folder} ({_kifuFiles.Count} kifu files)";

    public override KifuIndexFormat IndexFormat => KifuIndexFormat.Tom;

    public override IEnumerable<KifuTextLine> IndexLines() => Lines(Path.Combine(folder, IndexName));

    public override IReadOnlyList<string> KifuFiles => _kifuFiles;

    public override IEnumerable<KifuTextLine> MoveLines(int file) => Lines(_kifuFiles[file]);

    private static IEnumerable<KifuTextLine> Lines(string path) =>
        ArchiveErrors.Guard(KifuTextLine.Read(File.OpenRead(path), Path.GetFileName(path)), path);
}
