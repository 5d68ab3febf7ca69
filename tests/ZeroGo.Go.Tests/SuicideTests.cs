using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>Suicide: forbidden by default, allowed as a rules option; capturing always beats self-capture.</summary>
public class SuicideTests
{
    private static readonly string[] SingleStoneSuicide =
    [
        ".X...",
        "X....",
        ".....",
        ".....",
        ".....",
    ];

    // White at (1,0) joins (0,0) into a two-stone chain with no liberty.
    private static readonly string[] TwoStoneSuicide =
    [
        "O.X..",
        "XX...",
        ".....",
        ".....",
        ".....",
    ];

    [Theory]
    [InlineData(KoRule.Simple)]
    [InlineData(KoRule.Situational)]
    [InlineData(KoRule.Positional)]
    public void SuicideIsRefusedByDefaultAndChangesNothing(KoRule koRule)
    {
        var state = BoardDiagram.State(Rules.Default with { KoRule = koRule }, Color.White, TwoStoneSuicide);
        Assert.False(Rules.Default.SuicideAllowed);
        var before = Reference.StateSnapshot.Of(state);
        var move = Move.At(state.Geometry.PointAt(1, 0));
        Assert.Equal(MoveLegality.Suicide, state.CheckMove(move));
        Assert.Equal(MoveLegality.Suicide, state.TryPlay(move));
        Assert.Equal(before, Reference.StateSnapshot.Of(state));
        var error = Assert.Throws<IllegalMoveException>(() => state.Play(move));
        Assert.Equal(MoveLegality.Suicide, error.Reason);
        Assert.Equal(before, Reference.StateSnapshot.Of(state));

        var single = BoardDiagram.State(Rules.Default with { KoRule = koRule }, Color.White, SingleStoneSuicide);
        Assert.Equal(MoveLegality.Suicide, single.CheckMove(Move.At(single.Geometry.PointAt(0, 0))));
        Assert.DoesNotContain(single.Geometry.PointAt(0, 0), single.LegalPoints(Color.White));
        Assert.Contains(single.Geometry.PointAt(0, 0), single.LegalPoints(Color.Black));
    }

    [Theory]
    [InlineData(KoRule.Simple)]
    [InlineData(KoRule.Situational)]
    [InlineData(KoRule.Positional)]
    public void MultiStoneSuicideWhenAllowedRemovesTheChainAndCreditsTheOpponent(KoRule koRule)
    {
        var rules = new Rules { KoRule = koRule, SuicideAllowed = true };
        var state = BoardDiagram.State(rules, Color.White, TwoStoneSuicide);
        var move = Move.At(state.Geometry.PointAt(1, 0));
        Assert.Equal(MoveLegality.Legal, state.CheckMove(move));
        state.Play(move);
        Assert.Equal(
            "..X..\n" +
            "XX...\n" +
            ".....\n" +
            ".....\n" +
            ".....", BoardDiagram.Render(state.Board));
        Assert.Equal(2, state.Board.BlackCaptures);
        Assert.Equal(0, state.Board.WhiteCaptures);
        Assert.Equal(Color.Black, state.ToMove);
        Assert.True(state.Board.KoPoint.IsNone);
        Assert.Null(state.Board.FindInconsistency());
        Assert.Equal(state.Board.ComputeHashFromScratch(), state.Board.Hash);

        // Undo puts the suicided stone back and takes the credit away.
        Assert.True(state.Undo());
        Assert.Equal(Color.White, state.Board[state.Geometry.PointAt(0, 0)]);
        Assert.Equal(0, state.Board.BlackCaptures);
    }

    [Fact]
    public void SingleStoneSuicideRepeatsThePositionSoSuperkoForbidsItEvenWhenSuicideIsAllowed()
    {
        // Tromp-Taylor: suicide allowed, positional superko. A one-stone suicide leaves the board unchanged.
        var tt = BoardDiagram.State(Rules.TrompTaylor, Color.White, SingleStoneSuicide);
        var corner = Move.At(tt.Geometry.PointAt(0, 0));
        Assert.Equal(MoveLegality.Superko, tt.CheckMove(corner));

        // Simple ko does not look at history: the suicide is legal, changes no stone, and credits Black.
        var simple = BoardDiagram.State(Rules.TrompTaylor with { KoRule = KoRule.Simple }, Color.White, SingleStoneSuicide);
        var stones = Reference.StateSnapshot.StonesOf(simple.Board);
        simple.Play(corner);
        Assert.Equal(stones, Reference.StateSnapshot.StonesOf(simple.Board));
        Assert.Equal(1, simple.Board.BlackCaptures);
        Assert.Equal(Color.Black, simple.ToMove);

        // Situational: the same stones with Black to move never occurred, so it is legal there.
        var situational = BoardDiagram.State(Rules.TrompTaylor with { KoRule = KoRule.Situational }, Color.White, SingleStoneSuicide);
        Assert.Equal(MoveLegality.Legal, situational.CheckMove(corner));
    }

    [Fact]
    public void AMoveWithoutLibertiesThatCapturesIsNotSuicide()
    {
        var state = BoardDiagram.State(Rules.Default, Color.Black,
            "OX...",
            ".O...",
            "O....",
            ".....",
            ".....");
        // Black at (0,1) has no empty neighbour but takes White's (0,0) stone, gaining that liberty.
        var move = Move.At(state.Geometry.PointAt(0, 1));
        Assert.Equal(MoveLegality.Legal, state.CheckMove(move));
        state.Play(move);
        Assert.Equal(Color.Empty, state.Board[state.Geometry.PointAt(0, 0)]);
        Assert.Equal(Color.Black, state.Board[state.Geometry.PointAt(0, 1)]);
        Assert.Equal(1, state.Board.BlackCaptures);
        Assert.Equal(1, state.Board.CountLiberties(state.Geometry.PointAt(0, 1)));
    }

    [Fact]
    public void FillingTheLastLibertyOfOnesOwnBigChainIsSuicide()
    {
        var state = BoardDiagram.State(Rules.Default, Color.Black,
            "XXXXO",
            "X.XXO",
            "XXXXO",
            "OOOOO",
            ".....");
        var eye = Move.At(state.Geometry.PointAt(1, 1));
        Assert.Equal(MoveLegality.Suicide, state.CheckMove(eye));
        Assert.Equal(MoveLegality.Legal, state.CheckMove(Color.White, eye)); // White there captures 11 stones

        state.Rules = Rules.TrompTaylor with { KoRule = KoRule.Simple };
        state.Play(eye);
        Assert.Equal(12, state.Board.WhiteCaptures);
        Assert.Equal(12, state.Geometry.Points.Count(p => state.Board[p] == Color.Empty) - 5);
        Assert.Null(state.Board.FindInconsistency());
    }
}
