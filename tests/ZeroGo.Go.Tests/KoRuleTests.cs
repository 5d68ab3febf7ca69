using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>
/// Each ko rule on hand-built positions: simple ko, a repetition simple ko misses but superko catches, and a
/// repetition with the other player to move that positional superko forbids and situational superko allows.
/// </summary>
public class KoRuleTests
{
    // One ko: Black captures White's (1,1) by playing (2,1).
    private static readonly string[] OneKo =
    [
        ".XO....",
        "XO.O...",
        ".XO....",
        ".......",
        ".......",
        ".......",
        ".......",
    ];

    // Two kos. Top (K1): White's stone (1,1) can be taken by Black at (2,1). Bottom (K2): Black's stone (2,5) can be
    // taken by White at (1,5). Named states: K1 "w" (white stone in) or "b"; K2 likewise. The start is (w, b).
    private static readonly string[] TwoKos =
    [
        ".XO....",
        "XO.O...",
        ".XO....",
        ".......",
        ".XO....",
        "X.XO...",
        ".XO....",
    ];

    private static Move At(GameState state, int column, int row) => Move.At(state.Geometry.PointAt(column, row));

    [Theory]
    [InlineData(KoRule.Simple, MoveLegality.Ko)]
    [InlineData(KoRule.Situational, MoveLegality.Ko)]
    [InlineData(KoRule.Positional, MoveLegality.Ko)]
    public void ImmediateRecaptureIsForbiddenUnderEveryRule(KoRule koRule, MoveLegality expected)
    {
        var state = BoardDiagram.State(new Rules { KoRule = koRule }, Color.Black, OneKo);
        state.Play(At(state, 2, 1));
        Assert.Equal(1, state.Board.BlackCaptures);
        Assert.Equal(state.Geometry.PointAt(1, 1), state.Board.KoPoint);
        Assert.Equal(Color.White, state.Board.KoForbiddenColor);
        Assert.Equal(expected, state.CheckMove(At(state, 1, 1)));
        Assert.DoesNotContain(state.Geometry.PointAt(1, 1), state.LegalPoints(Color.White));

        // A move elsewhere (a ko threat and its answer) lifts the ban.
        state.Play(At(state, 5, 5));
        Assert.True(state.Board.KoPoint.IsNone);
        state.Play(At(state, 5, 4));
        Assert.Equal(MoveLegality.Legal, state.CheckMove(At(state, 1, 1)));
        state.Play(At(state, 1, 1));
        Assert.Equal(1, state.Board.WhiteCaptures);
        Assert.Equal(state.Geometry.PointAt(2, 1), state.Board.KoPoint);
        Assert.Equal(Color.Black, state.Board.KoForbiddenColor);
    }

    [Fact]
    public void ThePlayerWhoTookTheKoMayFillItAndOnlyTheVictimIsBanned()
    {
        var state = BoardDiagram.State(Rules.Default with { KoRule = KoRule.Simple }, Color.Black, OneKo);
        state.Play(At(state, 2, 1));
        Assert.Equal(MoveLegality.Legal, state.CheckMove(Color.Black, At(state, 1, 1))); // the capturer may connect
        Assert.Equal(MoveLegality.Ko, state.CheckMove(Color.White, At(state, 1, 1)));
    }

    /// <summary>
    /// Black takes the ko, White passes, Black passes, White retakes: the ko ban expired with the pass, so simple ko
    /// allows it; but it recreates the starting position (with Black to move, as at the start), so both superko
    /// rules forbid it.
    /// </summary>
    [Theory]
    [InlineData(KoRule.Simple, MoveLegality.Legal)]
    [InlineData(KoRule.Situational, MoveLegality.Superko)]
    [InlineData(KoRule.Positional, MoveLegality.Superko)]
    public void RetakingAfterTwoPassesRepeatsThePosition(KoRule koRule, MoveLegality expected)
    {
        var state = BoardDiagram.State(new Rules { KoRule = koRule }, Color.Black, OneKo);
        var start = state.Board.Hash;
        state.Play(At(state, 2, 1));
        state.Play(Move.Pass);
        state.Play(Move.Pass);
        Assert.True(state.IsOver);
        Assert.True(state.Board.KoPoint.IsNone, "passes clear the simple-ko ban");
        Assert.Equal(expected, state.CheckMove(At(state, 1, 1)));
        Assert.Equal(expected == MoveLegality.Legal, state.IsLegal(Color.White, At(state, 1, 1)));
        if (expected == MoveLegality.Legal)
        {
            state.Play(At(state, 1, 1));
            Assert.Equal(start, state.Board.Hash);
        }
        else
        {
            Assert.Equal(expected, state.TryPlay(At(state, 1, 1)));
            Assert.Equal(Color.Empty, state.Board[state.Geometry.PointAt(1, 1)]);
        }
    }

    /// <summary>
    /// With two kos: B takes K1 (b,b); W takes K2 (b,w); B passes; W takes K1 back (w,w); now B retaking K2 would
    /// restore (w,b), the starting stones, but with White to move where the start had Black to move. Positional
    /// superko forbids it; situational superko allows it; simple ko allows it (the last capture was at K1).
    /// </summary>
    [Theory]
    [InlineData(KoRule.Simple, MoveLegality.Legal)]
    [InlineData(KoRule.Situational, MoveLegality.Legal)]
    [InlineData(KoRule.Positional, MoveLegality.Superko)]
    public void APositionRepeatedWithTheOtherPlayerToMoveSeparatesSituationalFromPositional(KoRule koRule, MoveLegality expected)
    {
        var state = BoardDiagram.State(new Rules { KoRule = koRule }, Color.Black, TwoKos);
        ulong startPosition = state.Board.Hash;
        ulong startSituation = state.SituationHash;

        state.Play(At(state, 2, 1)); // B takes K1
        state.Play(At(state, 1, 5)); // W takes K2
        state.Play(Move.Pass);       // B
        state.Play(At(state, 1, 1)); // W retakes K1
        Assert.Equal(1, state.Board.BlackCaptures);
        Assert.Equal(2, state.Board.WhiteCaptures);

        var retake = At(state, 2, 5);
        Assert.Equal(expected, state.CheckMove(retake));
        if (expected == MoveLegality.Legal)
        {
            state.Play(retake);
            Assert.Equal(startPosition, state.Board.Hash);
            Assert.NotEqual(startSituation, state.SituationHash);
            Assert.Equal(Color.White, state.ToMove);
        }
    }

    /// <summary>Switching the rule of a game in progress applies the new rule to the same history at once.</summary>
    [Fact]
    public void ChangingTheKoRuleMidGameUsesTheSameHistory()
    {
        var state = BoardDiagram.State(new Rules { KoRule = KoRule.Simple }, Color.Black, TwoKos);
        state.Play(At(state, 2, 1));
        state.Play(At(state, 1, 5));
        state.Play(Move.Pass);
        state.Play(At(state, 1, 1));
        var retake = At(state, 2, 5);
        Assert.Equal(MoveLegality.Legal, state.CheckMove(retake));
        state.Rules = state.Rules with { KoRule = KoRule.Positional };
        Assert.Equal(MoveLegality.Superko, state.CheckMove(retake));
        state.Rules = state.Rules with { KoRule = KoRule.Situational };
        Assert.Equal(MoveLegality.Legal, state.CheckMove(retake));
    }

    /// <summary>
    /// Undoing a move forgets its position: replaying the undone moves must be legal again under both superko
    /// rules (were the positions remembered, each replayed move would repeat one).
    /// </summary>
    [Theory]
    [InlineData(KoRule.Situational)]
    [InlineData(KoRule.Positional)]
    public void UndoForgetsPositionsForSuperko(KoRule koRule)
    {
        var state = BoardDiagram.State(new Rules { KoRule = koRule }, Color.Black, OneKo);
        Move[] line = [At(state, 2, 1), At(state, 6, 6), Move.Pass, At(state, 5, 5), At(state, 6, 5)];
        foreach (var move in line)
        {
            state.Play(move);
        }

        while (state.Undo())
        {
        }

        Assert.Empty(state.Moves);
        Assert.Single(state.PositionHistory);
        foreach (var move in line)
        {
            Assert.Equal(MoveLegality.Legal, state.CheckMove(move));
            state.Play(move);
        }
    }

    [Fact]
    public void SuperkoBansAreReportedByIsLegalAndLegalPoints()
    {
        var state = BoardDiagram.State(new Rules { KoRule = KoRule.Positional }, Color.Black, OneKo);
        state.Play(At(state, 2, 1));
        state.Play(Move.Pass);
        state.Play(Move.Pass);
        Assert.False(state.IsLegal(Color.White, At(state, 1, 1)));
        Assert.DoesNotContain(state.Geometry.PointAt(1, 1), state.LegalPoints(Color.White));
        var error = Assert.Throws<IllegalMoveException>(() => state.Play(At(state, 1, 1)));
        Assert.Equal(MoveLegality.Superko, error.Reason);
        Assert.Contains("superko", error.Message);
    }
}
