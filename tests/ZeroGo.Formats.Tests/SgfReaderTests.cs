using System.Text;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Formats.Tests;

public class SgfReaderTests
{
    private static SgfNode Root(string text, SgfReadOptions? options = null) => SgfReader.ReadText(text, options).Trees[0];

    [Fact]
    public void Reads_nodes_properties_and_variations()
    {
        var collection = SgfReader.ReadText("(;FF[4]SZ[9];B[ee](;W[cc];B[gg])(;W[gc]))");
        var root = Assert.Single(collection.Trees);
        Assert.Equal("4", root.GetText("FF"));
        var b = Assert.Single(root.Children);
        Assert.Equal(2, b.Children.Count);
        Assert.Equal("cc", b.Children[0].GetText("W"));
        Assert.Equal("gg", b.Children[0].Children[0].GetText("B"));
        Assert.Equal("gc", b.Children[1].GetText("W"));
        Assert.Same(b, b.Children[1].Parent);
        Assert.Empty(collection.Warnings);
    }

    [Fact]
    public void Escapes_and_soft_line_breaks_are_resolved_in_text_and_kept_in_raw()
    {
        var root = Root("(;C[a \\] b \\\\ c \\: d\\\nsoft\nhard])");
        var value = root.Find("C")!.Values[0];
        Assert.Equal("a ] b \\ c : dsoft\nhard", value.Text);
        Assert.Equal("a \\] b \\\\ c \\: d\\\nsoft\nhard", value.Raw);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n\r")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Every_newline_style_is_normalised(string newline)
    {
        var root = Root($"(;C[one{newline}two{newline}]GN[x\\{newline}y]{newline};B[aa])");
        Assert.Equal("one\ntwo\n", root.GetText("C"));
        Assert.Equal("xy", root.GetText("GN"));
        Assert.Equal("aa", root.Children[0].GetText("B"));
    }

    [Fact]
    public void Compressed_point_lists_expand_to_rectangles()
    {
        var root = Root("(;SZ[19]AB[aa:cb][dd]AW[ee:ee])");
        var points = SgfCoordinates.ExpandList(root.GetValues("AB"));
        Assert.Equal(new[] { (0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (2, 1), (3, 3) }, points);
        Assert.Equal(new[] { (4, 4) }, SgfCoordinates.ExpandList(root.GetValues("AW")));
    }

    [Fact]
    public void Passes_are_empty_values_and_tt_up_to_19x19_only()
    {
        var game = SgfGame.Parse("(;SZ[19];B[pd];W[];B[tt])");
        var state = game.FinalState().State;
        Assert.Equal(3, state.Moves.Count);
        Assert.True(state.Moves[1].Move.IsPass);
        Assert.True(state.Moves[2].Move.IsPass);

        var big = SgfGame.Parse("(;SZ[21];B[tt])").FinalState().State;
        Assert.False(big.Moves[0].Move.IsPass);
        Assert.Equal(Color.Black, big.Board.ColorAt(19, 19));
    }

    [Fact]
    public void Rectangular_sizes_are_columns_then_rows()
    {
        var game = SgfGame.Parse("(;SZ[9:17];B[ip])");
        Assert.Equal((9, 17), (game.Width, game.Height));
        var state = game.FinalState().State;
        Assert.Equal(Color.Black, state.Board.ColorAt(8, 15));
    }

    [Fact]
    public void Old_long_and_lower_case_property_names_keep_their_capitals()
    {
        var collection = SgfReader.ReadText("(;FileFormat[3]CoPyright[c]PlayerBlack[hi]SiZe[9]b[aa];White[bb])");
        var root = collection.Trees[0];
        Assert.Equal(new[] { "FF", "CP", "PB", "SZ", "B" }, root.Properties.Select(p => p.Identifier));
        Assert.Equal("bb", root.Children[0].GetText("W"));
        Assert.Contains(collection.Warnings, w => w.Kind == SgfWarningKind.Leniency && w.Message.Contains("PlayerBlack as PB"));
    }

    [Fact]
    public void Junk_before_the_tree_may_contain_parentheses()
    {
        var collection = SgfReader.ReadText("From: someone (mail) re: (game)\n(see below)\n(;GM[1];B[aa])");
        Assert.Equal("aa", collection.Trees[0].Children[0].GetText("B"));
        Assert.Contains(collection.Warnings, w => w.Message.Contains("before the first game tree"));
    }

    [Fact]
    public void A_missing_initial_semicolon_is_tolerated_even_in_strict_mode()
    {
        var root = Root("(\r\nGM[1]SZ[9]\r\n;B[ee])", SgfReadOptions.StrictMode);
        Assert.Equal("9", root.GetText("SZ"));
        Assert.Equal("ee", root.Children[0].GetText("B"));
    }

    [Fact]
    public void A_missing_semicolon_at_the_root_is_not_mistaken_for_junk_when_variations_follow()
    {
        var root = Root("(GM[1]SZ[9];B[aa](;W[bb])(W[cc]))");
        Assert.Equal("9", root.GetText("SZ"));
        var b = root.Children[0];
        Assert.Equal(2, b.Children.Count);
        Assert.Equal("cc", b.Children[1].GetText("W")); // a variation without ';' is a new node, not more of B's
        Assert.Null(b.GetText("W"));
    }

    [Fact]
    public void Empty_variations_are_ignored()
    {
        var root = Root("(;GM[1]()(;B[aa])())");
        Assert.Single(root.Children);
    }

    [Fact]
    public void Several_moves_in_one_node_play_in_order()
    {
        var game = SgfGame.Parse("(;SZ[5];B[cc]W[cb]B[bb])");
        Assert.Equal(3, game.MoveCount);
        var state = game.FinalState().State;
        Assert.Equal(new[] { Color.Black, Color.White, Color.Black }, state.Moves.Select(m => m.Color));
    }

    [Fact]
    public void Repeated_properties_in_a_node_are_kept_and_the_last_wins_for_game_info()
    {
        var game = SgfGame.Parse("(;RE[Void]KM[5.5]RE[B+39.5])");
        Assert.Equal(2, game.Root.Properties.Count(p => p.Identifier == "RE"));
        Assert.Equal("B+39.5", game.Info.Result);
    }

    [Fact]
    public void Setup_can_appear_anywhere_and_AE_clears()
    {
        var game = SgfGame.Parse("(;SZ[5];B[aa];AB[cc]AE[aa]AW[ee]PL[W];W[dd])");
        var state = game.FinalState().State;
        Assert.Equal(Color.Empty, state.Board.ColorAt(0, 0));
        Assert.Equal(Color.Black, state.Board.ColorAt(2, 2));
        Assert.Equal(Color.White, state.Board.ColorAt(4, 4));
        Assert.Equal(Color.White, state.Board.ColorAt(3, 3));
    }

    [Fact]
    public void Several_game_trees_form_a_collection()
    {
        var collection = SgfReader.ReadText("(;GN[one])\n(;GN[two])");
        Assert.Equal(new[] { "one", "two" }, collection.Trees.Select(t => t.GetText("GN")));
    }

    [Fact]
    public void Strict_mode_reports_damage_with_line_and_column()
    {
        var e = Assert.Throws<SgfParseException>(() => SgfReader.ReadText("(;GM[1]\n;B[aa] ?? ;W[bb])", SgfReadOptions.StrictMode));
        Assert.Equal(2, e.Line);
        Assert.Equal(8, e.Column);
        Assert.Contains("line 2, column 8", e.Message);
    }

    [Fact]
    public void Strict_mode_refuses_an_unclosed_value_and_tolerant_mode_keeps_the_moves()
    {
        const string text = "(;GM[1]\n;B[aa]\n;W[bb]C[cut off";
        var e = Assert.Throws<SgfParseException>(() => SgfReader.ReadText(text, SgfReadOptions.StrictMode));
        Assert.Equal(3, e.Line);
        Assert.Equal(8, e.Column); // the '[' that is never closed

        var collection = SgfReader.ReadText(text);
        var moves = collection.Trees[0].MainLine().SelectMany(n => n.MoveProperties()).Count();
        Assert.Equal(2, moves);
        Assert.Contains(collection.Warnings, w => w.Kind == SgfWarningKind.SyntaxRepair);
    }

    [Fact]
    public void Strict_mode_refuses_an_unclosed_tree()
    {
        var e = Assert.Throws<SgfParseException>(() => SgfReader.ReadText("(;GM[1];B[aa]", SgfReadOptions.StrictMode));
        Assert.Contains("closing ')' missing", e.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n", "empty")]
    [InlineData("<!DOCTYPE html><html>", "HTML")]
    [InlineData("{\"moves\": []}", "JSON")]
    [InlineData("just some text", "no SGF game tree")]
    [InlineData("\\HS\n\\[GIBOKIND=Global\\]\n", "Tygem .gib")]
    [InlineData("Rated game\n19\nplayer1 7D*\nplayer2 5D*\nsite\n2\n0\n0\n20170316\n5\nresult\n2\nPMABWQRRQ\n", "WBaduk/Cyberoro .ngf")]
    public void Non_sgf_content_is_refused_with_a_message_saying_what_it_is(string content, string expected)
    {
        var e = Assert.Throws<SgfParseException>(() => SgfReader.ReadText(content));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_file_is_an_sgf_exception()
    {
        var e = Assert.Throws<SgfException>(() => SgfGame.Load("/nonexistent/file.sgf"));
        Assert.Contains("no such file", e.Message);
    }

    [Fact]
    public void A_5000_node_line_and_5000_nested_variations_do_not_overflow_the_stack()
    {
        var line = new StringBuilder("(;SZ[19]");
        var nested = new StringBuilder("(;SZ[19]");
        for (int i = 0; i < 5000; i++)
        {
            string move = $"{(i % 2 == 0 ? "B" : "W")}[{SgfCoordinates.Format(i % 19, i / 19 % 19)}]";
            line.Append(';').Append(move);
            nested.Append("(;").Append(move);
        }

        line.Append(')');
        nested.Append(new string(')', 5001));
        foreach (var text in new[] { line.ToString(), nested.ToString() })
        {
            var game = SgfGame.Parse(text, SgfReadOptions.StrictMode);
            Assert.Equal(5000, game.MoveCount);
            Assert.Equal(5001, game.NodeCount);
            var again = SgfReader.ReadText(SgfWriter.Write(game.Root)).Trees[0];
            Assert.Null(SgfTestHelpers.Difference(game.Root, again));
            game.FinalState(SgfReplayMode.Tolerant); // replays past the full board with warnings, no recursion
        }
    }

    [Fact]
    public async Task Big_files_are_read_in_linear_time()
    {
        // 200,000 nodes on one line: a quadratic step (e.g. recomputing columns from the line start) would take
        // hours; the bound below is a hang guard, not a speed target.
        var text = new StringBuilder("(;SZ[19]");
        for (int i = 0; i < 200_000; i++)
        {
            text.Append(i % 2 == 0 ? ";B[" : ";W[").Append(SgfCoordinates.Format(i % 19, i / 19 % 19)).Append("]C[x]");
        }

        text.Append(')');
        var read = Task.Run(() => SgfReader.ReadText(text.ToString()));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == read, "reading 200,000 nodes took over a minute");
        Assert.Equal(200_001, (await read).Trees[0].Descendants().Count());
    }
}
