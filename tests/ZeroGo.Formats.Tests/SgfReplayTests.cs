using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Formats.Tests;

public class SgfReplayTests
{
    [Fact]
    public void State_before_move_n_has_n_minus_1_moves_as_gtp_loadsgf_means()
    {
        var game = SgfGame.Parse("(;SZ[9];B[ee];W[cc];B[gg];W[cg])");
        Assert.Empty(game.StateBeforeMove(1).State.Moves);
        Assert.Equal(2, game.StateBeforeMove(3).State.Moves.Count);
        Assert.Equal(Color.Black, game.StateBeforeMove(3).State.ToMove);
        Assert.Equal(4, game.StateBeforeMove(99).State.Moves.Count);
    }

    [Fact]
    public void A_variation_node_is_built_from_its_own_line()
    {
        var game = SgfGame.Parse("(;SZ[9];B[ee](;W[cc];B[gg])(;W[gc]AB[aa];B[cg]))");
        var variation = game.Root.Children[0].Children[1].Children[0];
        var state = game.BuildState(variation, SgfReplayMode.Strict).State;
        Assert.Equal(Color.White, state.Board.ColorAt(6, 2));
        Assert.Equal(Color.Black, state.Board.ColorAt(0, 0));
        Assert.Equal(Color.Black, state.Board.ColorAt(2, 6));
        Assert.Equal(Color.Empty, state.Board.ColorAt(2, 2));
    }

    [Fact]
    public void Strict_replay_names_the_move_number_of_an_occupied_point()
    {
        var game = SgfGame.Parse("(;SZ[9];B[ee];W[cc];B[cc];W[gg])");
        var e = Assert.Throws<SgfReplayException>(() => game.FinalState(SgfReplayMode.Strict));
        Assert.Equal(3, e.MoveNumber);
        Assert.Contains("occupied", e.Message);

        var tolerant = game.FinalState(SgfReplayMode.Tolerant);
        Assert.Equal(3, Assert.Single(tolerant.Warnings).MoveNumber);
        Assert.Equal(3, tolerant.State.Moves.Count);
    }

    [Fact]
    public void Immediate_ko_recapture_is_illegal_and_played_as_recorded()
    {
        // Row 2 (b):  . X O .     Black b2=X(bb), White c2=O(cb)
        // Row 3 (c):  X O . O     Black a3(ac), White b3(bc), White d3(dc)
        // Row 4 (d):  . X O .     Black b4(bd), White c4(cd)
        // Black plays c3 (cc) capturing b3? b3's liberties: a3 X, b2 X, b4 X, c3 -> captured. Then White retakes
        // at b3 capturing c3 (c3's liberties: b3 (now empty), c2 O, d3 O, c4 O) -> immediate recapture = ko.
        var game = SgfGame.Parse("(;SZ[5]KM[0]RU[Japanese]AB[bb][ac][bd]AW[cb][bc][dc][cd];B[cc];W[bc])");
        var tolerant = game.FinalState(SgfReplayMode.Tolerant);
        var warning = Assert.Single(tolerant.Warnings);
        Assert.Equal(2, warning.MoveNumber);
        Assert.Contains("ko", warning.Message);
        Assert.Contains("played as recorded", warning.Message);
        Assert.Equal(Color.White, tolerant.State.Board.ColorAt(1, 2));
        Assert.Equal(Color.Empty, tolerant.State.Board.ColorAt(2, 2));

        var strict = Assert.Throws<SgfReplayException>(() => game.FinalState(SgfReplayMode.Strict));
        Assert.Equal(2, strict.MoveNumber);
    }

    [Fact]
    public void KO_marks_an_illegal_move_as_intended()
    {
        var game = SgfGame.Parse("(;SZ[5]KM[0]RU[Japanese]AB[bb][ac][bd]AW[cb][bc][dc][cd];B[cc];W[bc]KO[])");
        var replay = game.FinalState(SgfReplayMode.Strict);
        Assert.Empty(replay.Warnings);
        Assert.Equal(Color.White, replay.State.Board.ColorAt(1, 2));
    }

    [Fact]
    public void Suicide_is_refused_unless_the_rules_allow_it()
    {
        // White a1 (as) is already in Black's corner; White b1 (bs) then leaves the two stones without liberties.
        const string position = "AB[ar][br][cs]AW[as];W[bs])";
        var forbidden = SgfGame.Parse("(;SZ[19]RU[Chinese]" + position);
        var replay = forbidden.FinalState(SgfReplayMode.Tolerant);
        var warning = Assert.Single(replay.Warnings);
        Assert.Contains("suicide", warning.Message);
        Assert.Equal(1, warning.MoveNumber);
        Assert.Equal(Color.Empty, replay.State.Board.ColorAt(0, 18)); // played as recorded: both stones removed
        Assert.Equal(Color.Empty, replay.State.Board.ColorAt(1, 18));
        Assert.Throws<SgfReplayException>(() => forbidden.FinalState(SgfReplayMode.Strict));

        var allowed = SgfGame.Parse("(;SZ[19]RU[NZ]" + position);
        Assert.Empty(allowed.FinalState(SgfReplayMode.Strict).Warnings);
    }

    [Fact]
    public void Boards_beyond_the_engine_limit_parse_but_do_not_build()
    {
        var game = SgfGame.Parse("(;SZ[37];B[dd];W[HH])");
        Assert.Equal(37, game.Width);
        Assert.False(game.IsSupportedSize);
        Assert.Equal((33, 33), game.MainLineMoves[1].Coordinates(37, 37));
        var e = Assert.Throws<SgfException>(() => game.FinalState());
        Assert.Contains("37x37", e.Message);
    }

    [Fact]
    public void Check_all_lines_replays_every_variation()
    {
        var game = SgfGame.Parse("(;SZ[9];B[ee](;W[ee])(;W[cc];B[cc]))");
        var warnings = game.CheckAllLines(SgfReplayMode.Tolerant);
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("occupied", w.Message));
        Assert.Throws<SgfReplayException>(() => game.CheckAllLines(SgfReplayMode.Strict));
    }
}
