using System.Globalization;
using System.IO.Compression;
using System.Text;
using ZeroGo.Go;

namespace ZeroGo.Training.Tests;

/// <summary>Writes small kifu collections in the datasets' layouts for tests: zips of game lines, random legal 19x19 games.</summary>
internal static class KifuArchives
{
    private const string TygemRow = "C2006.01.01 00:00\twhite\tWhiteLatin\t0\tblack\tBlackLatin\t0\t{0}\t{1}\t30/3 20m";

    /// <summary>A zip holding one entry of <paramref name="lines"/> (LF-terminated, UTF-8 without BOM).</summary>
    public static void WriteZip(string path, string entryName, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
        foreach (var line in lines)
        {
            writer.Write(line + "\n");
        }
    }

    /// <summary>A TYGEM index row for game <paramref name="id"/> with <paramref name="result"/>.</summary>
    public static string IndexRow(string id, string result, int moves) =>
        id + "\t" + string.Format(CultureInfo.InvariantCulture, TygemRow, result, moves);

    /// <summary>
    /// A tygem-9d layout under <paramref name="root"/>: <paramref name="months"/> month zips of the given games (the
    /// move lines of <see cref="RandomGame"/>), IDs numbered from 1, results alternating B+Resign / W+3.5 and every
    /// fifth game W+Time (no value target).
    /// </summary>
    public static string WriteTygem(string root, IReadOnlyList<IReadOnlyList<string>> months)
    {
        var rows = new List<string>();
        int id = 0;
        for (int m = 0; m < months.Count; m++)
        {
            var lines = new List<string>();
            foreach (var moves in months[m])
            {
                id++;
                lines.Add($"{id}\t{moves}");
                string result = id % 5 == 0 ? "W+Time" : id % 2 == 0 ? "B+Resign" : "W+3.5";
                rows.Add(IndexRow(id.ToString(CultureInfo.InvariantCulture), result, moves.Count(c => c == ';')));
            }

            WriteZip(Path.Combine(root, "kifu", $"2006-{m + 1:D2}.zip"), $"2006-{m + 1:D2}", lines);
        }

        WriteZip(Path.Combine(root, "index", "Kifu2006.zip"), "Kifu2006.index", rows);
        return root;
    }

    /// <summary>The move text (";B[pd];W[dd]...") of a legal 19x19 game of <paramref name="moves"/> random moves.</summary>
    public static string RandomGame(ulong seed, int moves)
    {
        var state = new GameState(19);
        var random = new FastRandom(seed);
        var text = new StringBuilder();
        for (int i = 0; i < moves; i++)
        {
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                int column = random.Next(19), row = random.Next(19);
                var color = state.ToMove;
                if (state.TryPlay(color, Move.At(state.Geometry.PointAt(column, row))) == MoveLegality.Legal)
                {
                    text.Append(';').Append(color == Color.Black ? 'B' : 'W').Append('[')
                        .Append((char)('a' + column)).Append((char)('a' + row)).Append(']');
                    break;
                }
            }
        }

        return text.ToString();
    }
}
