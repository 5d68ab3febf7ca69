namespace ZeroGo.Training.Kifu;

/// <summary>
/// A collection of kifu files with its index: the index lines (read first, for the join by ID) and the move lines,
/// both in a fixed order (files sorted by name, ordinal), so "the first N games" means the same games everywhere.
/// <see cref="Open"/> recognises the three layouts of the datasets.
/// </summary>
public abstract class KifuSource
{
    /// <summary>What was opened, for messages ("tygem-9d (24 kifu zips, 2 index zips)").</summary>
    public abstract string Description { get; }

    public abstract KifuIndexFormat IndexFormat { get; }

    /// <summary>
    /// Komi of a game whose index row is missing: TYGEM's 6.5 (its index has none), else Tom's usual 7.5 (43,493
    /// of its 50,956 rows; every game of the held-out archive has a row).
    /// </summary>
    public double DefaultKomi => IndexFormat == KifuIndexFormat.Tygem ? KifuIndexRow.TygemKomi : 7.5;

    /// <summary>Every index row's line, in file order.</summary>
    public abstract IEnumerable<KifuTextLine> IndexLines();

    /// <summary>The kifu files' names (for messages), sorted by name: <see cref="MoveLines(int)"/> numbers them in this order.</summary>
    public abstract IReadOnlyList<string> KifuFiles { get; }

    /// <summary>The game lines of kifu file <paramref name="file"/> (an index into <see cref="KifuFiles"/>), in file order.</summary>
    public abstract IEnumerable<KifuTextLine> MoveLines(int file);

    /// <summary>Every game's line, files sorted by name, lines in file order.</summary>
    public IEnumerable<KifuTextLine> MoveLines() => Enumerable.Range(0, KifuFiles.Count).SelectMany(MoveLines);

    /// <summary>
    /// Opens <paramref name="path"/>: a folder with <c>kifu/*.zip</c> and <c>index/*.zip</c> (TYGEM), a folder with
    /// <c>Kifu.index</c> and <c>kifu/</c> (Tom, unpacked; also its parent), or a <c>.tar.xz</c> / <c>.tar</c> archive
    /// of that folder. Throws <see cref="KifuFormatException"/> with one line when it is none of these.
    /// </summary>
    public static KifuSource Open(string path)
    {
        if (Directory.Exists(path))
        {
            if (Directory.Exists(Path.Combine(path, "kifu")) && Directory.Exists(Path.Combine(path, "index")))
            {
                return new TygemFolderSource(path);
            }

            foreach (var folder in new[] { path, Path.Combine(path, "tom") })
            {
                if (File.Exists(Path.Combine(folder, TomFolderSource.IndexName)) && Directory.Exists(Path.Combine(folder, "kifu")))
                {
                    return new TomFolderSource(folder);
                }
            }

            throw new KifuFormatException(
                $"{path}: not a kifu folder (expected kifu/*.zip + index/*.zip as in tygem-9d, or Kifu.index + kifu/ as in tom)");
        }

        if (File.Exists(path))
        {
            string name = Path.GetFileName(path).ToLowerInvariant();
            if (name.EndsWith(".tar.xz", StringComparison.Ordinal) || name.EndsWith(".txz", StringComparison.Ordinal)
                || name.EndsWith(".tar", StringComparison.Ordinal))
            {
                return TarSource.Load(path);
            }

            throw new KifuFormatException($"{path}: not a kifu archive (expected a .tar.xz or .tar of Kifu.index + kifu/, or a folder)");
        }

        throw new KifuFormatException($"{path}: no such file or folder");
    }
}
