using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ZeroGo.Go;
using ZeroGo.Testing;
using ZeroGo.Training.Kifu;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Tests;

/// <summary>
/// The kifu reader on small archives the tests write themselves (the tygem-9d zips, the Tom tar and folder), and on
/// the real held-out .tar.xz where ../shared/datasets is present (SharpCompress cannot write xz).
/// </summary>
public sealed class KifuTests : IDisposable
{
    private const string TygemRow = "C2006.01.01 00:00\twhite\tWhiteLatin\t0\tblack\tBlackLatin\t0\t{0}\t{1}\t30/3 20m";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "zg-kifu-" + Guid.NewGuid().ToString("N"));

    public KifuTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A tygem-9d layout: two month zips (the later one written first) and one index zip.</summary>
    private string WriteTygem(IEnumerable<string>? januaryLines = null)
    {
        var root = Path.Combine(_folder, "tygem-9d");
        WriteZip(Path.Combine(root, "kifu", "2006-02.zip"), "2006-02", ["300\t;B[pd];W[dd];B[pp]"]);
        WriteZip(Path.Combine(root, "kifu", "2006-01.zip"), "2006-01", januaryLines ??
        [
            "100\t;B[pd];W[dd];B[pp];W[dp]",
            "101\t;B[aa];W[aa]",                  // W plays on Black's stone: does not replay
            "102\t;B[qd];W[];B[]",                // passes as B[] / W[]
        ]);
        WriteZip(Path.Combine(root, "index", "Kifu2006.zip"), "Kifu2006.index",
        [
            "100\t" + string.Format(TygemRow, "W+Resign", 4) + "\r",
            "101\t" + string.Format(TygemRow, "B+3.5", 2) + "\r",
            "102\t" + string.Format(TygemRow, "B+Time", 3) + "\r",
            "300\t" + string.Format(TygemRow, "B+Offline", 3) + "\r",
        ]);
        return root;
    }

    private static void WriteZip(string path, string entryName, IEnumerable<string> lines) => KifuArchives.WriteZip(path, entryName, lines);

    private static readonly (string Name, string Text)[] TomFiles =
    [
        ("tom/kifu/2004-01", "7\t;B[qd];W[dd]\n"),
        ("tom/Kifu.index", "5\t2003.09.25 20:21\t白\t黑\t6.5\tB+0.5\t2\t30/3 5m\n7\t2004.01.02 10:00\tw\tb\t7.5\tW+Resign\t2\t30/3 5m\n"),
        ("tom/kifu/2003-09", "5\t;B[pd];W[dd]\n"),
    ];

    /// <summary>The Tom layout as a tar with its entries out of name order, as in the real archive.</summary>
    private string WriteTomTar()
    {
        var path = Path.Combine(_folder, "tom.tar");
        using var file = File.Create(path);
        using var tar = new TarWriter(file);
        foreach (var (name, text) in TomFiles)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }

        return path;
    }

    private string WriteTomFolder()
    {
        var root = Path.Combine(_folder, "unpacked");
        foreach (var (name, text) in TomFiles)
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return Path.Combine(root, "tom");
    }

    private static List<GameRecord> Records(string path, int? limit, out KifuImportCounts counts)
    {
        counts = new KifuImportCounts();
        return KifuRecords.Convert(new KifuReader(KifuSource.Open(path)).Games(limit), counts).ToList();
    }

    [Fact]
    public void Tygem_folder_reads_months_in_name_order_joined_to_the_index()
    {
        var games = new KifuReader(KifuSource.Open(WriteTygem())).Games().ToList();

        Assert.Equal(["100", "101", "102", "300"], games.Select(g => g.Id));
        Assert.All(games, g => Assert.Equal(6.5, g.Komi));
        Assert.Equal("W+Resign", games[0].Row!.Result);
        Assert.Equal(("WhiteLatin", "BlackLatin"), (games[0].Row!.White, games[0].Row!.Black));
        Assert.Equal(new KifuMove(Color.Black, 15, 3), games[0].Moves[0]);
        Assert.True(games[2].Moves[1].IsPass);
        Assert.Equal("2006-01.zip:2006-01 line 1", games[0].Where);
    }

    [Fact]
    public void Games_limit_takes_the_first_games_in_archive_order()
    {
        var games = new KifuReader(KifuSource.Open(WriteTygem())).Games(2).ToList();

        Assert.Equal(["100", "101"], games.Select(g => g.Id));
    }

    [Fact]
    public void A_game_that_does_not_replay_is_skipped_and_counted_with_its_reason()
    {
        var records = Records(WriteTygem(), null, out var counts);

        Assert.Equal(3, records.Count);
        Assert.Equal((4, 3, 1), (counts.Read, counts.Kept, counts.Skipped));
        var (kind, (count, example)) = Assert.Single(counts.SkippedByReason);
        Assert.Equal(1, count);
        Assert.Contains("illegal", kind);
        Assert.Contains("id 101", example);
        Assert.Contains("move 2 W[aa]", example);
        Assert.Contains("1 skipped", counts.Summary());
    }

    [Fact]
    public void Moves_out_of_turn_are_refused()
    {
        var records = Records(WriteTygem(["100\t;B[pd];B[dd]"]), 1, out var counts);

        Assert.Empty(records);
        Assert.Contains("out of turn", Assert.Single(counts.SkippedByReason).Key);
    }

    [Fact]
    public void Time_and_offline_results_keep_the_moves_but_give_no_value_target()
    {
        var records = Records(WriteTygem(), null, out var counts);
        var byId = records.ToDictionary(r => r.Source.Split(" id ")[1]);

        Assert.Equal(-1, byId["100"].Winner);
        Assert.True(byId["100"].HasValueTarget);
        Assert.True(byId["102"].NoValueTarget);   // B+Time
        Assert.True(byId["300"].NoValueTarget);   // B+Offline
        Assert.Equal(3, byId["102"].Moves.Count);
        Assert.All(byId["102"].Moves, m => Assert.True(m.IsPolicyTarget));
        Assert.Equal(2, counts.WithoutValue);

        var targets = new TrainingTargets(19 * 19);
        targets.Fill(byId["100"], 0, Color.Black);
        Assert.Equal(1, targets.ValueWeight);
        Assert.Equal(-1, targets.Value);
        targets.Fill(byId["102"], 0, Color.Black);
        Assert.Equal(0, targets.ValueWeight);
    }

    [Theory]
    [InlineData("B+Resign", 1, true)]
    [InlineData("W+R", -1, true)]
    [InlineData("B+3.5", 1, true)]
    [InlineData("W+", -1, true)]
    [InlineData("B+Time", 1, false)]
    [InlineData("W+T", -1, false)]
    [InlineData("W+Offline", -1, false)]
    [InlineData("B+F", 1, false)]
    [InlineData("Void", 0, false)]
    [InlineData("", 0, false)]
    public void Human_results_say_who_won_and_whether_the_value_may_learn_it(string text, int winner, bool hasValue)
    {
        var result = HumanResult.Parse(text);

        Assert.Equal((winner, hasValue), (result.Winner, result.HasValueTarget));
    }

    [Fact]
    public void Tom_tar_and_folder_give_the_same_games_sorted_by_name_with_the_index_komi()
    {
        var fromTar = new KifuReader(KifuSource.Open(WriteTomTar())).Games().ToList();
        var fromFolder = new KifuReader(KifuSource.Open(WriteTomFolder())).Games().ToList();

        Assert.Equal(["5", "7"], fromTar.Select(g => g.Id));
        Assert.Equal(fromTar.Select(g => (g.Id, g.Komi, g.Row!.Result, g.Moves.Count)),
            fromFolder.Select(g => (g.Id, g.Komi, g.Row!.Result, g.Moves.Count)));
        Assert.Equal([6.5, 7.5], fromTar.Select(g => g.Komi));
        Assert.Equal("白", fromTar[0].Row!.White);
    }

    [SkippableFact]
    public void Held_out_tar_xz_streams_its_first_games_with_komi_and_results()
    {
        var archive = TestData.RequireDataset("tom-9d-heldout.tar.xz");

        var records = Records(archive, 20, out var counts);

        Assert.Equal(20, counts.Read);
        Assert.Equal(0, counts.WithoutIndexRow);
        Assert.True(records.Count >= 19, counts.Summary());
        Assert.StartsWith("tom/kifu/2003-09 line 1", records[0].Source);
        Assert.All(records, r => Assert.Contains(r.Komi, new[] { 6.5, 7.5 }));
        Assert.All(records, r => Assert.Equal(19, r.Width));
    }

    [Fact]
    public void Import_writes_the_kept_games_as_chunks_and_refuses_a_held_out_collection()
    {
        var samples = Path.Combine(_folder, "samples");
        var counts = new KifuImportCounts();

        var chunks = KifuImport.WriteChunks(WriteTygem(), null, samples, counts);

        var chunk = Assert.Single(chunks);
        Assert.EndsWith("kifu-0001" + ChunkFile.Extension, chunk);
        var games = ChunkFile.Read(chunk);
        Assert.Equal(3, games.Count);
        Assert.Equal([false, true, true], games.Select(g => g.NoValueTarget));
        Assert.Equal(1, counts.Skipped);

        var heldOut = Path.Combine(_folder, "tom-9d-heldout.tar");
        File.Copy(WriteTomTar(), heldOut);
        var error = Assert.Throws<ArgumentException>(() => KifuImport.WriteChunks(heldOut, null, samples, new KifuImportCounts()));
        Assert.Contains("held-out", error.Message);
    }

    [Fact]
    public void A_damaged_zip_gives_one_line_naming_the_file()
    {
        var root = WriteTygem();
        File.WriteAllText(Path.Combine(root, "kifu", "2006-01.zip"), "not a zip");

        var error = Assert.Throws<KifuFormatException>(() => new KifuReader(KifuSource.Open(root)).Games().ToList());

        Assert.Contains("2006-01.zip", error.Message);
        Assert.Contains("damaged or not a readable archive", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_truncated_tar_gives_one_line_naming_the_file()
    {
        var path = WriteTomTar();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..700]);

        var error = Assert.Throws<KifuFormatException>(() => KifuSource.Open(path));

        Assert.Contains("tom.tar", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_or_unknown_path_gives_one_line()
    {
        var missing = Assert.Throws<KifuFormatException>(() => KifuSource.Open(Path.Combine(_folder, "nothing")));
        Assert.Contains("no such file or folder", missing.Message);

        var notKifu = Assert.Throws<KifuFormatException>(() => KifuSource.Open(_folder));
        Assert.Contains("not a kifu folder", notKifu.Message);
    }

    [Theory]
    [InlineData("100;B[pd]", "expected 'ID<TAB>")]
    [InlineData("100\t;B[pd];X[dd]", "colour 'X'")]
    [InlineData("100\t;B[pd];W[zz]", "not a point of a 19x19 board")]
    [InlineData("100\t;B[pd]W[dd]", "move 2")]
    public void A_malformed_line_names_its_file_line_and_problem(string line, string expected)
    {
        var root = WriteTygem(["100\t;B[pd]", line]);

        var error = Assert.Throws<KifuFormatException>(() => new KifuReader(KifuSource.Open(root)).Games().ToList());

        Assert.Contains("2006-01.zip:2006-01 line 2", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_malformed_index_row_names_its_line()
    {
        var root = WriteTygem();
        WriteZip(Path.Combine(root, "index", "Kifu2007.zip"), "Kifu2007.index", ["1\t2\t3"]);

        var error = Assert.Throws<KifuFormatException>(() => new KifuReader(KifuSource.Open(root)).Games().ToList());

        Assert.Contains("Kifu2007.zip:Kifu2007.index line 1", error.Message);
        Assert.Contains("11 tab-separated fields", error.Message);
    }
}
