using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

public class SgfWriterTests
{
    [Fact]
    public void Values_are_escaped_and_read_back_unchanged()
    {
        var root = new SgfNode();
        root.SetText("C", "brackets ] and \\ backslash\nand a second line: ok");
        root.Properties.Add(new SgfProperty("LB", SgfValue.FromCompose("dd", "a:b]")));
        string text = SgfWriter.Write(root);
        Assert.Contains("C[brackets \\] and \\\\ backslash\nand a second line: ok]", text);
        Assert.Contains("LB[dd:a\\:b\\]]", text);

        var again = SgfReader.ReadText(text, SgfReadOptions.StrictMode).Trees[0];
        Assert.Equal("brackets ] and \\ backslash\nand a second line: ok", again.GetText("C"));
        Assert.True(again.Find("LB")!.Values[0].TrySplitCompose(out var point, out var label));
        Assert.Equal(("dd", "a:b]"), (point, label));
        Assert.Null(SgfTestHelpers.Difference(root, again));
    }

    [Fact]
    public void Variations_unknown_and_private_properties_survive_a_round_trip()
    {
        const string text = "(;FF[4]SZ[9]XZ[private analysis \\] data]MULTIGOGM[1];B[ee](;W[cc]ZA[1][2];B[gg])(;W[gc])(;W[cg]))";
        var tree = SgfReader.ReadText(text, SgfReadOptions.StrictMode).Trees[0];
        var again = SgfReader.ReadText(SgfWriter.Write(tree), SgfReadOptions.StrictMode).Trees[0];
        Assert.Null(SgfTestHelpers.Difference(tree, again));
        Assert.Equal("private analysis ] data", again.GetText("XZ"));
        Assert.Equal(3, again.Children[0].Children.Count);
    }

    [Fact]
    public void A_game_state_becomes_a_record_with_handicap_rules_players_and_comments()
    {
        var rules = new Rules { Komi = 0.5, KoRule = KoRule.Situational, SuicideAllowed = false };
        var state = new GameState(BoardGeometry.Get(9), rules);
        state.PlaceHandicap(Handicap.FixedPoints(state.Geometry, 2));
        var moves = new[] { "E5", "D3", "pass", "G3", "D4" }; // the handicap stones are on C3 and G7
        foreach (var vertex in moves)
        {
            Assert.True(GtpVertex.TryParse(vertex, state.Geometry, out var move));
            state.Play(move);
        }

        var info = new SgfGameInfo { PlayerBlack = "Black [bot]", PlayerWhite = "ZeroGo", Result = "W+3.5", Date = "2026-11-25" };
        string text = SgfWriter.Write(state, info, ["first ] move", null, "a pass"]);

        var game = SgfGame.Parse(text, SgfReadOptions.StrictMode);
        Assert.Equal("Black [bot]", game.Info.PlayerBlack);
        Assert.Equal("ZeroGo", game.Info.PlayerWhite);
        Assert.Equal("W+3.5", game.Info.Result);
        Assert.Equal("2026-11-25", game.Info.Date);
        Assert.Equal(2, game.Info.Handicap);
        Assert.Equal(rules, game.Rules);
        Assert.Equal("first ] move", game.MainLineMoves[0].Node.GetText("C"));
        Assert.Equal("a pass", game.MainLineMoves[2].Node.GetText("C"));
        Assert.Null(game.MainLineMoves[1].Node.GetText("C"));

        var replayed = game.FinalState(SgfReplayMode.Strict).State;
        Assert.Equal(state.Board.Hash, replayed.Board.Hash);
        Assert.Equal(state.ToMove, replayed.ToMove);
        Assert.Equal(2, replayed.HandicapStones);
        Assert.Equal(state.Moves, replayed.Moves);
    }

    [Fact]
    public void Setup_positions_side_to_move_and_rectangles_are_written()
    {
        var state = new GameState(BoardGeometry.Get(7, 5), Rules.TrompTaylor with { Komi = 2 });
        var g = state.Geometry;
        state.ApplySetup([g.PointAt(0, 0), g.PointAt(1, 1)], [g.PointAt(6, 4)], []);
        state.SetToMove(Color.White);
        state.Play(Move.At(g.PointAt(3, 2)));

        var game = SgfGame.Parse(SgfWriter.Write(state), SgfReadOptions.StrictMode);
        Assert.Equal((7, 5), (game.Width, game.Height));
        Assert.Equal(Rules.TrompTaylor with { Komi = 2 }, game.Rules);
        Assert.Equal("W", game.Root.GetText("PL"));
        var replayed = game.FinalState(SgfReplayMode.Strict).State;
        Assert.Equal(SgfTestHelpers.Diagram(state.Board), SgfTestHelpers.Diagram(replayed.Board));
        Assert.Equal(Color.White, replayed.Moves[0].Color);
    }

    [Theory]
    [InlineData(KoRule.Simple, false)]
    [InlineData(KoRule.Simple, true)]
    [InlineData(KoRule.Situational, false)]
    [InlineData(KoRule.Situational, true)]
    [InlineData(KoRule.Positional, false)]
    [InlineData(KoRule.Positional, true)]
    public void Rules_names_written_map_back_to_the_same_rules(KoRule ko, bool suicide)
    {
        var rules = new Rules { KoRule = ko, SuicideAllowed = suicide };
        Assert.Equal(rules, SgfRules.FromName(SgfRules.ToName(rules)));
    }

    [Theory]
    [InlineData("Chinese", KoRule.Positional, false)]
    [InlineData("Tromp-Taylor", KoRule.Positional, true)]
    [InlineData("AGA", KoRule.Situational, false)]
    [InlineData("NZ", KoRule.Situational, true)]
    [InlineData("New Zealand", KoRule.Situational, true)]
    [InlineData("Japanese", KoRule.Simple, false)]
    [InlineData("korean", KoRule.Simple, false)]
    [InlineData("koSIMPLEscoreAREAtaxSEKIsui0", KoRule.Simple, false)]
    [InlineData("koPOSITIONALscoreAREAtaxNONEsui1", KoRule.Positional, true)]
    public void Rules_names_are_understood(string name, KoRule ko, bool suicide)
    {
        var rules = SgfRules.FromName(name)!;
        Assert.Equal((ko, suicide), (rules.KoRule, rules.SuicideAllowed));
    }

    [Fact]
    public void Unknown_rules_keep_the_default_with_a_warning()
    {
        var game = SgfGame.Parse("(;RU[Martian]KM[6.5])");
        Assert.Equal(Rules.Default with { Komi = 6.5 }, game.Rules);
        Assert.Contains(game.Warnings, w => w.Message.Contains("unknown rules"));
    }

    [Fact]
    public void Save_writes_utf8_with_a_matching_charset_and_loads_back()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("(;CA[Shift_JIS]PB[")
            .Concat(System.Text.CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes("党毅飛"))
            .Concat(System.Text.Encoding.ASCII.GetBytes("];B[pd])")).ToArray();
        var game = SgfGame.Read(bytes);
        string path = Path.Combine(TestData.OutputFolder("sgf-writer"), "saved.sgf");
        SgfWriter.Save(path, game.Root);
        var loaded = SgfGame.Load(path, SgfReadOptions.StrictMode);
        Assert.Equal("党毅飛", loaded.Info.PlayerBlack);
        Assert.Equal("UTF-8", loaded.Root.GetText("CA"));
        Assert.Equal("Shift_JIS", game.Root.GetText("CA")); // the tree in memory is unchanged
    }
}
