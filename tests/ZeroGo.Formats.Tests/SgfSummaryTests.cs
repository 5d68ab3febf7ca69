using ZeroGo.Formats.Sgf;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

/// <summary>The one-screen summary behind <c>zerogo sgf FILE</c>.</summary>
public class SgfSummaryTests
{
    private static string Text(SgfSummary summary) => string.Join("\n", summary.Lines);

    [Fact]
    public void A_clean_game_shows_players_ranks_date_result_size_komi_rules_moves_and_no_warnings()
    {
        var game = SgfGame.Load(Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", "game1.sgf"));
        var summary = SgfSummary.Describe(game, "game1.sgf");
        string text = Text(summary);
        Assert.Contains("black:      Lee Sedol (9p)", text);
        Assert.Contains("white:      AlphaGo", text);
        Assert.Contains("date:       2016-03-09", text);
        Assert.Contains("result:     W+Resign", text);
        Assert.Contains("board:      19x19", text);
        Assert.Contains("komi:       7.5", text);
        Assert.Contains("rules:      Chinese: positional superko, suicide forbidden", text);
        Assert.Contains("moves:      186 on the main line", text);
        Assert.Contains("variations: 0 (187 nodes)", text);
        Assert.Contains("warnings:   none", text);
        Assert.False(summary.HasSeriousProblems);
        Assert.True(summary.Lines.Count <= 24, "one screen");
    }

    [Fact]
    public void Problems_are_listed_with_their_move_numbers_and_flagged()
    {
        var game = SgfGame.Parse("(;SZ[9]KM[6.5]RU[Japanese]PB[a]PW[b];B[ee](;W[ee])(;W[cc];B[zz]");
        var summary = SgfSummary.Describe(game);
        string text = Text(summary);
        Assert.True(summary.HasSeriousProblems);
        Assert.Contains("variations: 1 (5 nodes)", text);
        Assert.Contains("rules:      Japanese: simple ko, suicide forbidden", text);
        Assert.Contains("move 2, line 1, column 45: W[ee] is on an occupied point; skipped", text);
        Assert.Contains("closing ')' missing", text);
        Assert.Contains("B[zz] is off the 9x9 board; skipped", text);
    }

    [Fact]
    public void Many_warnings_are_cut_to_a_screen()
    {
        var text = "(;SZ[5]" + string.Concat(Enumerable.Repeat(";B[cc]", 40)) + ")";
        var summary = SgfSummary.Describe(SgfGame.Parse(text));
        Assert.Equal(39, summary.Warnings.Count);
        Assert.Contains(summary.Lines, l => l.Contains("and 27 more"));
        Assert.True(summary.Lines.Count <= 30);
    }

    [Fact]
    public void Boards_too_big_to_replay_are_described_without_replaying()
    {
        var summary = SgfSummary.Describe(SgfGame.Parse("(;SZ[37];B[dd];W[HH])"));
        Assert.Contains(summary.Lines, l => l.Contains("not replayed: 37x37"));
        Assert.Contains(summary.Lines, l => l.Contains("2 on the main line"));
    }
}
