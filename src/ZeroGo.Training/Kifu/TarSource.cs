using System.Formats.Tar;
using SharpCompress.Compressors.Xz;

namespace ZeroGo.Training.Kifu;

/// <summary>
/// The Tom layout packed as one tar (optionally xz-compressed): <c>tom/Kifu.index</c> and <c>tom/kifu/YYYY-MM</c>.
/// A tar is read front to back and its entries are in no particular order, so the files are read into memory once
/// (about 70 MB for the held-out archive) and handed out sorted by name; nothing is unpacked to disk.
/// </summary>
internal sealed class TarSource : KifuSource
{
    private readonly string _path;
    private readonly (string Name, byte[] Bytes) _index;
    private readonly SortedDictionary<string, byte[]> _kifuFiles;
    private readonly List<string> _names;

    private TarSource(string path, (string Name, byte[] Bytes) index, SortedDictionary<string, byte[]> kifuFiles)
    {
        _path = path;
        _index = index;
        _kifuFiles = kifuFiles;
        _names = [.. kifuFiles.Keys];
    }

    public override string Description => $"{_path} ({_kifuFiles.Count} kifu files)";

    public override KifuIndexFormat IndexFormat => KifuIndexFormat.Tom;

    public override IEnumerable<KifuTextLine> IndexLines() => KifuTextLine.Read(new MemoryStream(_index.Bytes), _index.Name);

    public override IReadOnlyList<string> KifuFiles => _names;

    public override IEnumerable<KifuTextLine> MoveLines(int file) =>
        KifuTextLine.Read(new MemoryStream(_kifuFiles[_names[file]]), _names[file]);

    public static TarSource Load(string path)
    {
        (string, byte[])? index = null;
        var kifuFiles = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(path);
            using Stream tar = path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? file : new XZStream(file);
            using var reader = new TarReader(tar);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                string name = entry.Name;
                bool isIndex = Path.GetFileName(name) == TomFolderSource.IndexName;
                bool isKifu = name.Contains("kifu/", StringComparison.Ordinal) && !isIndex;
                if (!isIndex && !isKifu)
                {
                    continue;
                }

                var bytes = new MemoryStream();
                entry.DataStream.CopyTo(bytes);
                if (isIndex)
                {
                    index = (name, bytes.ToArray());
                }
                else
                {
                    kifuFiles[name] = bytes.ToArray();
                }
            }
        }
        catch (Exception e) when (ArchiveErrors.IsDamage(e))
        {
            throw ArchiveErrors.Damaged(path, e);
        }

        if (index is null || kifuFiles.Count == 0)
        {
            throw new KifuFormatException($"{path}: expected {TomFolderSource.IndexName} and kifu/ files inside, found {(index is null ? "no index" : "no kifu files")}");
        }

        return new TarSource(path, index.Value, kifuFiles);
    }
}
