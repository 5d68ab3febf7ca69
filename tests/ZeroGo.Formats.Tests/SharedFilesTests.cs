using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

/// <summary>Real files from other projects (../shared/testdata/sgf and games), with the README's expectations.</summary>
public class SharedFilesTests
{
    private static SgfGame Load(string relative, SgfReadOptions? options = null) =>
        SgfGame.Load(TestData.RequireShared(relative), options);

    /// <summary>Each shared SGF file by relative path (one placeholder that skips when the data is absent).</summary>
    public static TheoryData<string> SharedFiles()
    {
        var data = new TheoryData<string>();
        if (TestData.SharedRoot is null)
        {
            data.Add("(shared test data absent)");
            return data;
        }

        foreach (var path in SgfTestHelpers.SharedSgfFiles(TestData.SharedRoot))
        {
            data.Add(SgfTestHelpers.Relative(TestData.SharedRoot, path));
        }

        return data;
    }

    [SkippableFact]
    public void All_shared_sgf_files_are_listed()
    {
        string root = TestData.RequireShared();
        Assert.True(SgfTestHelpers.SharedSgfFiles(root).Count() >= 55, $"SGF files missing under {root}");
    }

    [SkippableTheory]
    [MemberData(nameof(SharedFiles))]
    public void Shared_file_reads_replays_and_round_trips(string name)
    {
        string path = TestData.RequireShared(name);
        var collection = SgfReader.ReadFile(path);
        Assert.True(collection.Trees.Count >= 1, name);
        var game = SgfGame.FromCollection(collection);
        if (game.IsSupportedSize)
        {
            game.CheckAllLines(SgfReplayMode.Tolerant);
        }

        // Round trip: read -> write -> read gives the same tree, for every tree of the file.
        var written = SgfWriter.Write(collection.Trees);
        var again = SgfReader.ReadText(written, SgfReadOptions.StrictMode);
        Assert.Equal(collection.Trees.Count, again.Trees.Count);
        for (int i = 0; i < collection.Trees.Count; i++)
        {
            var difference = SgfTestHelpers.Difference(collection.Trees[i], again.Trees[i]);
            Assert.True(difference is null, $"{name}: {difference}");
        }

        // And through UTF-8 bytes (CA rewritten), as files are saved: the same game information and moves.
        var fromBytes = SgfGame.FromCollection(SgfReader.Read(SgfWriter.ToUtf8Bytes(collection.Trees[0])));
        Assert.Equal(game.Info, fromBytes.Info);
        Assert.Equal(game.MainLineMoves.Select(m => m.Value), fromBytes.MainLineMoves.Select(m => m.Value));
    }

    [SkippableFact]
    public void The_ff4_example_has_54_nodes_and_5_root_children_despite_mixed_newlines()
    {
        foreach (var file in new[] { "sgf/gogui_junit/ff4_ex.1.sgf", "sgf/gogui_junit/ff4_ex.sgf" })
        {
            var game = Load(file);
            Assert.Equal(54, game.NodeCount);
            Assert.Equal(5, game.Root.Children.Count);
            Assert.Equal("Gametree 1: properties", game.Info.GameName);
        }

        Assert.Equal(2, SgfReader.ReadFile(TestData.RequireShared("sgf/gogui_junit/ff4_ex.sgf")).Trees.Count);
    }

    [SkippableFact]
    public void The_9x17_game_counts_exactly_its_recorded_result_under_tromp_taylor()
    {
        var game = Load("sgf/katago_data/rect_9x17_game_from_testsgf.sgf", SgfReadOptions.StrictMode);
        Assert.Equal((9, 17), (game.Width, game.Height));
        Assert.Equal("W+32.5", game.Info.Result);
        var replay = game.FinalState(SgfReplayMode.Strict);
        Assert.Equal(166, game.MoveCount);
        Assert.Contains(replay.State.Moves, m => m.Move.IsPass);
        Assert.Equal(game.Info.Result, GameState.FormatResult(replay.State.ScoreForBlack()));
    }

    [SkippableFact]
    public void Charset_files_decode_to_the_stated_text()
    {
        var chinese = Load("sgf/sabaki_sgf/chinese.sgf");
        Assert.Equal("柯洁", chinese.Info.PlayerWhite);
        Assert.Equal("古力", chinese.Info.PlayerBlack);
        Assert.Equal("围棋 is fun", chinese.MainLineMoves[1].Node.GetText("C"));

        Assert.Equal("囲碁 is fun", Load("sgf/sabaki_sgf/japanese.sgf").MainLineMoves[1].Node.GetText("C"));
        Assert.Equal("바둑 is fun", Load("sgf/sabaki_sgf/korean.sgf").MainLineMoves[1].Node.GetText("C"));

        var bad = Load("sgf/sabaki_sgf/japanese_bad.sgf"); // CA[MS_KANJI] over mangled bytes: no crash
        Assert.Equal(2, bad.MoveCount);

        var noCa = Load("sgf/sabaki_sgf/no-ca.sgf");
        Assert.StartsWith("【第三型】", noCa.Info.RootComment);

        var bom = Load("sgf/sabaki_sgf/utf8bom.sgf");
        Assert.Equal("Go Seigen", bom.Info.PlayerWhite);
        Assert.Equal("Kitani Minoru", bom.Info.PlayerBlack);
        var utf16 = Load("sgf/sabaki_sgf/utf16le.sgf");
        Assert.Equal("Go Seigen", utf16.Info.PlayerWhite);
        Assert.Equal(bom.MoveCount, utf16.MoveCount);
        Assert.True(utf16.MoveCount > 10);

        var kiin = Load("sgf/sabaki_sgf/encoding/nihon-kiin.sgf"); // Shift_JIS, no CA, CRLF, no initial ';'
        Assert.Equal("党毅飛", kiin.Info.PlayerWhite);
        Assert.Equal("申眞ソ", kiin.Info.PlayerBlack); // ソ is 83 5C: its second byte is a backslash
        Assert.Equal("韓国棋院", kiin.Info.Place);
        Assert.Equal(8, kiin.MoveCount);
    }

    [SkippableFact]
    public void Complex_relay_has_one_tree_with_many_variations()
    {
        var collection = SgfReader.ReadFile(TestData.RequireShared("sgf/sabaki_sgf/complex.sgf"));
        Assert.Single(collection.Trees);
        var game = SgfGame.FromCollection(collection);
        Assert.InRange(game.VariationCount, 25, 35);
        Assert.True(game.MoveCount > 150);
    }

    [SkippableFact]
    public void Other_record_formats_are_refused_with_a_message_naming_them()
    {
        var ngf = Assert.Throws<SgfParseException>(() => SgfGame.Load(TestData.RequireShared("sgf/katrain_data/handicap2.ngf")));
        Assert.Contains(".ngf file, not SGF", ngf.Message);
        var gib = Assert.Throws<SgfParseException>(() => SgfGame.Load(TestData.RequireShared("sgf/katrain_data/test.gib")));
        Assert.Contains("Tygem .gib file, not SGF", gib.Message);
    }

    [SkippableFact]
    public void Igs_and_old_format_files_keep_their_properties()
    {
        var panda = Load("sgf/katrain_data/panda1.sgf");
        Assert.True(panda.Root.Has("CP"));
        var last = panda.MainLine[^1];
        Assert.Equal(94, last.GetValues("TW").Count());

        var xmgt = Load("sgf/katrain_data/xmgt97.sgf");
        Assert.Equal((9, 9), (xmgt.Width, xmgt.Height));
        Assert.Equal("hi", xmgt.Info.PlayerBlack);
        Assert.Equal("ka", xmgt.Info.PlayerWhite);
        Assert.Equal(-1.5, xmgt.Rules.Komi);
        Assert.Equal("ff", xmgt.MainLineMoves[0].Value);

        var verbose = Load("sgf/gogui_junit/verbose-property-names.sgf");
        Assert.Equal("Robin Upton", verbose.Info.PlayerBlack);
        Assert.Contains(verbose.Warnings, w => w.Kind == SgfWarningKind.Leniency && w.Message.Contains("old-style"));
    }

    [SkippableFact]
    public void Deeply_nested_ogs_file_reads_its_moves_as_one_line()
    {
        var game = Load("sgf/katrain_data/ogs.sgf");
        Assert.True(game.MoveCount > 20);
        Assert.Equal("bbb", game.Info.PlayerBlack);
        Assert.Empty(game.FinalState(SgfReplayMode.Strict).Warnings);
    }

    [SkippableFact]
    public void Fox_files_komi_handicap_and_draw()
    {
        var fox = Load("sgf/katago_data/foxlike.sgf");
        Assert.Equal(6.5, fox.Rules.Komi); // KM[325]
        Assert.Equal("draw", fox.Info.Result);
        Assert.Equal(2, fox.Info.Handicap);
        var state = fox.FinalState(SgfReplayMode.Strict).State;
        Assert.Equal(2, state.HandicapStones); // AB in the first move node
        Assert.Equal(Color.Black, state.Board.ColorAt(15, 3));
        Assert.Equal(Color.Black, state.Board.ColorAt(3, 15));

        foreach (var file in new[] { "sgf/katrain_data/fox sgf error.sgf", "sgf/katrain_data/fox sgf works.sgf" })
        {
            var game = Load(file);
            Assert.True(game.MoveCount > 10, file);
            Assert.Equal(0, game.Rules.Komi);
        }
    }

    [SkippableFact]
    public void Mid_game_setup_in_a_variation_and_messy_records()
    {
        var sample = Load("sgf/katago_data/sampletest9x9.sgf");
        Assert.Empty(sample.CheckAllLines(SgfReplayMode.Strict));
        var withSetup = sample.Root.Descendants().First(n => n.Has("AE") || (n != sample.Root && n.Has("AB")));
        var state = sample.BuildState(withSetup, SgfReplayMode.Strict).State;
        foreach (var (column, row) in SgfCoordinates.ExpandList(withSetup.GetValues("AB")))
        {
            Assert.Equal(Color.Black, state.Board.ColorAt(column, row));
        }

        foreach (var (column, row) in SgfCoordinates.ExpandList(withSetup.GetValues("AE")))
        {
            Assert.Equal(Color.Empty, state.Board.ColorAt(column, row));
        }

        if (withSetup.GetText("PL") is { } pl)
        {
            Assert.Equal(pl == "W" ? Color.White : Color.Black, state.ToMove);
        }

        var messy = Load("sgf/katago_data/messy.sgf");
        Assert.Empty(messy.CheckAllLines(SgfReplayMode.Strict));
        var consecutive = messy.Root.Descendants().First(n => n.GetText("W") == "id");
        var line = messy.MovesTo(consecutive);
        Assert.Equal(new[] { Color.White, Color.White, Color.White }, line.Skip(line.Count - 3).Select(m => m.Color));
    }

    [SkippableFact]
    public void Gogui_cases_invalid_moves_human_readable_moves_and_size_after_points()
    {
        var invalid = Load("sgf/gogui_junit/invalidmove.sgf");
        var replay = invalid.FinalState(SgfReplayMode.Tolerant);
        var warning = Assert.Single(replay.Warnings);
        Assert.Equal(3, warning.MoveNumber);
        Assert.Contains("off the 9x9 board", warning.Message);
        Assert.Equal(3, replay.State.Moves.Count);
        var strict = Assert.Throws<SgfReplayException>(() => invalid.FinalState(SgfReplayMode.Strict));
        Assert.Equal(3, strict.MoveNumber);
        Assert.Contains("move 3", strict.Message);

        var human = Load("sgf/gogui_junit/human-readable.sgf").FinalState(SgfReplayMode.Strict).State;
        Assert.Equal(Color.Black, human.Board.ColorAt(16, 3)); // R16
        Assert.True(human.Moves[^1].Move.IsPass);

        var valid = Load("sgf/gogui_junit/size-after-valid-points.sgf").FinalState().State;
        Assert.Equal(Color.Black, valid.Board.ColorAt(15, 15));
        Assert.Equal(Color.White, valid.Board.ColorAt(2, 15));
        var invalidPoints = Load("sgf/gogui_junit/size-after-invalid-points.sgf");
        Assert.Equal(2, invalidPoints.FinalState().Warnings.Count);
        Assert.Equal(81, invalidPoints.FinalState().State.Board.EmptyCount);
    }

    [SkippableFact]
    public void Minigo_handicap_as_setup_and_as_consecutive_moves()
    {
        var japanese = Load("sgf/minigo/japanese_handicap_sgf.sgf").StateBeforeMove(1).State;
        Assert.Equal(2, japanese.HandicapStones);
        Assert.Equal(Color.White, japanese.ToMove);
        Assert.Equal(79, japanese.Board.EmptyCount);

        var chinese = Load("sgf/minigo/chinese_handicap_sgf.sgf");
        var moves = chinese.MainLineMoves;
        Assert.Equal((Color.Black, Color.Black, Color.White), (moves[0].Color, moves[1].Color, moves[2].Color));
        Assert.Equal("B+39.50", chinese.Info.Result);
        Assert.Empty(chinese.FinalState(SgfReplayMode.Strict).Warnings);

        var even = Load("sgf/minigo/no_handicap_sgf.sgf");
        Assert.Equal("W+1.5", even.Info.Result);
        Assert.Equal(62, even.MoveCount);
        var board = even.FinalState(SgfReplayMode.Strict).State.Board;
        Assert.Equal((3, 2), (board.BlackCaptures, board.WhiteCaptures));
    }

    [SkippableFact]
    public void Gnu_go_games_ff3_setup_in_second_node_and_nine_stones()
    {
        var game03 = Load("sgf/gnugo_games/game03.sgf");
        Assert.Equal((13, 13), (game03.Width, game03.Height));
        Assert.Equal(137, game03.FinalState(SgfReplayMode.Strict).State.Moves.Count);

        var blunder = Load("sgf/gnugo_games/blunder1.sgf");
        var position = blunder.FinalState(SgfReplayMode.Strict).State;
        Assert.Equal(blunder.MainLine[1].GetValues("AW").Count(), position.Board.Geometry.Points.Count(p => position.Board[p] == Color.White));
        Assert.Equal(blunder.MainLine[1].GetValues("AB").Count(), position.Board.Geometry.Points.Count(p => position.Board[p] == Color.Black));

        var nine = Load("sgf/gnugo_games/9handicap.sgf");
        Assert.Equal(9, nine.Info.Handicap);
        var replay = nine.FinalState(SgfReplayMode.Strict);
        Assert.Equal(400, nine.MoveCount);
        Assert.Equal(9, replay.State.HandicapStones);
        Assert.False(string.IsNullOrEmpty(nine.Info.PlayerWhite)); // legacy encoding, guessed: no crash
    }
}
