using System.Globalization;
using ZeroGo.Go;
using ZeroGo.Go.Tests.Reference;

namespace ZeroGo.Go.Tests;

/// <summary>Passes and the end of the game, undo, clone, scoring and result text.</summary>
public class GameStateTests
{
    private static Move At(GameState state, int column, int row) => Move.At(state.Geometry.PointAt(column, row));

    [Fact]
    public void TwoConsecutivePassesEndTheGameAndAMoveInBetweenResetsTheCount()
    {
        var state = new GameState(9);
        Assert.False(state.IsOver);
        state.Play(Move.Pass);
        Assert.Equal(1, state.ConsecutivePasses);
        Assert.False(state.IsOver);
        Assert.Equal(Color.White, state.ToMove);
        Assert.Equal(Move.Pass, state.LastMove);

        state.Play(At(state, 4, 4));
        Assert.Equal(0, state.ConsecutivePasses);
        state.Play(Move.Pass);
        Assert.False(state.IsOver);
        state.Play(Move.Pass);
        Assert.True(state.IsOver);
        Assert.Equal(2, state.ConsecutivePasses);
        Assert.Equal(
            [new PlayedMove(Color.Black, Move.Pass), new PlayedMove(Color.White, At(state, 4, 4)),
             new PlayedMove(Color.Black, Move.Pass), new PlayedMove(Color.White, Move.Pass)],
            state.Moves);

        // As in GNU Go, moves are still accepted after the end (GTP play); they reset the pass count.
        state.Play(At(state, 0, 0));
        Assert.False(state.IsOver);
        Assert.Equal(0, state.ConsecutivePasses);

        // Undo back over the two passes restores the ended state.
        Assert.True(state.Undo());
        Assert.True(state.IsOver);
        Assert.True(state.Undo());
        Assert.False(state.IsOver);
        Assert.Equal(1, state.ConsecutivePasses);
    }

    [Fact]
    public void NonAlternatingPlayIsAcceptedAndTheOtherPlayerMovesNext()
    {
        var state = new GameState(9);
        state.Play(Color.Black, At(state, 2, 2));
        state.Play(Color.Black, At(state, 6, 6));
        Assert.Equal(Color.White, state.ToMove);
        state.Play(Color.White, At(state, 4, 4));
        state.Play(Color.White, At(state, 5, 5));
        Assert.Equal(Color.Black, state.ToMove);
        Assert.Equal(4, state.Moves.Count);
    }

    /// <summary>
    /// A scripted game with captures by both sides, a ko and passes: undoing move by move restores every earlier
    /// position exactly (stones, hash, captures, ko point and its colour, passes, side to move, history).
    /// </summary>
    [Fact]
    public void UndoRestoresEveryEarlierPositionExactly()
    {
        var state = BoardDiagram.State(new Rules { KoRule = KoRule.Positional }, Color.Black,
            ".XO....",
            "XO.O...",
            ".XO....",
            ".......",
            "....OX.",
            "...OX.X",
            "....OX.");
        Move[] line =
        [
            At(state, 2, 1), // B takes the top ko (ko point for White)
            At(state, 5, 5), // W takes the bottom ko: Black's (4,5) captured, ko point for Black
            Move.Pass,       // B
            At(state, 1, 1), // W retakes the top ko
            Move.Pass,       // B
            Move.Pass,       // W: game over
            At(state, 0, 6), // B plays on
            At(state, 6, 0), // W
        ];
        var snapshots = new List<StateSnapshot> { StateSnapshot.Of(state) };
        foreach (var move in line)
        {
            state.Play(move);
            snapshots.Add(StateSnapshot.Of(state));
        }

        Assert.True(snapshots.Any(s => !s.KoPoint.IsNone), "the line contains a ko capture");
        Assert.True(snapshots.Any(s => s.ConsecutivePasses == 2), "the line contains the end of the game");
        Assert.True(snapshots[^1].BlackCaptures > 0 && snapshots[^1].WhiteCaptures > 0);
        var fullHistory = state.PositionHistory.ToArray();
        Assert.Equal(line.Length + 1, fullHistory.Length);

        // Undo to any earlier position, from a fresh copy each time.
        for (int k = 0; k <= line.Length; k++)
        {
            var copy = state.Clone();
            while (copy.Moves.Count > k)
            {
                Assert.True(copy.Undo());
            }

            Assert.Equal(snapshots[k], StateSnapshot.Of(copy));
            Assert.Equal(fullHistory.Take(k + 1), copy.PositionHistory);
            Assert.Null(copy.Board.FindInconsistency());
        }

        // And step by step on the original; nothing further to undo at the start.
        for (int k = line.Length - 1; k >= 0; k--)
        {
            Assert.True(state.Undo());
            Assert.Equal(snapshots[k], StateSnapshot.Of(state));
        }

        Assert.False(state.Undo());
        Assert.Equal(snapshots[0], StateSnapshot.Of(state));
    }

    [Fact]
    public void A_long_game_undone_to_any_move_plays_on_exactly_as_it_did()
    {
        // Undo restores the board's inner structures (chains, liberties, empty list), not only its stones: the
        // moves played again from an undone position capture and end exactly as the first time.
        var random = new Random(17);
        var state = new GameState(9, new Rules { KoRule = KoRule.Positional });
        var moves = new List<Move>();
        var hashes = new List<ulong> { state.Board.Hash };
        while (moves.Count < 160 && !state.IsOver)
        {
            var legal = state.LegalPoints(state.ToMove);
            var move = legal.Count == 0 ? Move.Pass : Move.At(legal[random.Next(legal.Count)]);
            state.Play(move);
            moves.Add(move);
            hashes.Add(state.Board.Hash);
            Assert.Equal(state.Geometry.Area - state.Board.EmptyCount, state.StoneCountHistory[^1]);
        }

        var stoneCounts = state.StoneCountHistory.ToArray();
        Assert.Equal(state.PositionHistory.Count, stoneCounts.Length);

        Assert.True(state.Board.BlackCaptures + state.Board.WhiteCaptures > 10, "the game should capture often");
        foreach (int k in new[] { 0, 1, 37, 80, 121, moves.Count - 1 })
        {
            var copy = state.Clone();
            while (copy.Moves.Count > k)
            {
                Assert.True(copy.Undo());
            }

            Assert.Equal(hashes[k], copy.Board.Hash);
            Assert.Equal(stoneCounts.Take(k + 1), copy.StoneCountHistory);
            for (int i = k; i < moves.Count; i++)
            {
                copy.Play(moves[i]);
                Assert.Equal(hashes[i + 1], copy.Board.Hash);
            }

            Assert.Null(copy.Board.FindInconsistency());
            Assert.Equal(state.Board.BlackCaptures, copy.Board.BlackCaptures);
            Assert.Equal(state.Board.EmptyCount, copy.Board.EmptyCount);
        }
    }

    [Fact]
    public void UndoOnAFreshGameReturnsFalseAndChangesNothing()
    {
        var state = new GameState(5);
        var before = StateSnapshot.Of(state);
        Assert.False(state.Undo());
        Assert.Equal(before, StateSnapshot.Of(state));
    }

    [Fact]
    public void ACloneIsIndependentButSharesTheHistorySoFar()
    {
        var state = BoardDiagram.State(new Rules { KoRule = KoRule.Positional }, Color.Black,
            ".XO..",
            "XO.O.",
            ".XO..",
            ".....",
            ".....");
        state.Play(At(state, 2, 1));
        state.Play(Move.Pass);
        state.Play(Move.Pass);
        var clone = state.Clone();
        var original = StateSnapshot.Of(state);
        Assert.Equal(original, StateSnapshot.Of(clone));
        Assert.Equal(state.Rules, clone.Rules);
        Assert.Equal(MoveLegality.Superko, clone.CheckMove(At(clone, 1, 1)));

        clone.Play(At(clone, 4, 4));
        clone.Play(At(clone, 4, 3));
        Assert.Equal(original, StateSnapshot.Of(state));
        Assert.Equal(3, state.Moves.Count);
        Assert.True(clone.Undo() && clone.Undo() && clone.Undo());
        Assert.Equal(3, state.Moves.Count);
        Assert.Equal(original, StateSnapshot.Of(state));
    }

    [Fact]
    public void ScoreIsAreaDifferenceMinusKomi()
    {
        // Black owns columns 0-1 (10 points), White columns 3-4 (10 points), column 2 is split:
        var state = BoardDiagram.State(Rules.Default with { Komi = 2.5 }, Color.Black,
            ".X.O.",
            ".X.O.",
            ".XXO.",
            ".X.O.",
            ".X.O.");
        // (2,2) Black stone: the column-2 points above and below touch both colours: neutral.
        var (black, white) = state.AreaScore();
        Assert.Equal(11, black);
        Assert.Equal(10, white);
        Assert.Equal(11 - 10 - 2.5, state.ScoreForBlack());
        Assert.Equal(Color.White, state.Winner());
        Assert.Equal("W+1.5", GameState.FormatResult(state.ScoreForBlack()));

        state.Rules = state.Rules with { Komi = 0.5 };
        Assert.Equal(Color.Black, state.Winner());
        Assert.Equal("B+0.5", GameState.FormatResult(state.ScoreForBlack()));
    }

    [Fact]
    public void IntegralKomiAndAnEqualCountIsADraw()
    {
        var state = BoardDiagram.State(Rules.Default with { Komi = 1 }, Color.Black,
            ".X.O.",
            ".X.O.",
            ".XXO.",
            ".X.O.",
            ".X.O.");
        Assert.Equal(0.0, state.ScoreForBlack());
        Assert.Equal(Color.Empty, state.Winner());
        Assert.Equal("0", GameState.FormatResult(state.ScoreForBlack()));

        state.Rules = state.Rules with { Komi = 0 };
        Assert.Equal(Color.Black, state.Winner());
        Assert.Equal("B+1", GameState.FormatResult(state.ScoreForBlack()));
        state.Rules = state.Rules with { Komi = 2 };
        Assert.Equal(Color.White, state.Winner());
        Assert.Equal("W+1", GameState.FormatResult(state.ScoreForBlack()));
    }

    [Fact]
    public void EmptyBoardsAndLoneStonesScoreByTrompTaylor()
    {
        var empty = new GameState(9, Rules.Default with { Komi = 7.5 });
        Assert.Equal((0, 0), empty.AreaScore());
        Assert.Equal(-7.5, empty.ScoreForBlack());
        Assert.Equal("W+7.5", GameState.FormatResult(empty.ScoreForBlack()));

        var lone = new GameState(BoardGeometry.Get(9, 17), Rules.Default with { Komi = 0 });
        lone.Play(At(lone, 3, 12));
        Assert.Equal((9 * 17, 0), lone.AreaScore());
        lone.Play(At(lone, 8, 0));
        Assert.Equal((1, 1), lone.AreaScore()); // one region touching both colours is nobody's
    }

    [Theory]
    [InlineData(3.5, "B+3.5")]
    [InlineData(-0.5, "W+0.5")]
    [InlineData(7, "B+7")]
    [InlineData(-12, "W+12")]
    [InlineData(0, "0")]
    [InlineData(-361, "W+361")]
    [InlineData(180.5, "B+180.5")]
    public void ResultTextIsInvariantWhateverTheCulture(double score, string expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, GameState.FormatResult(score));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void OccupiedAndOffBoardMovesAreRefusedWithTheirReason()
    {
        var state = new GameState(5);
        state.Play(At(state, 2, 2));
        Assert.Equal(MoveLegality.Occupied, state.CheckMove(At(state, 2, 2)));
        Assert.Equal(MoveLegality.OffBoard, state.CheckMove(Move.At(new Point(0)))); // the padding ring
        Assert.Equal(MoveLegality.OffBoard, state.CheckMove(Move.At(new Point(5000))));
        Assert.Throws<IllegalMoveException>(() => state.PlayUnchecked(Color.White, At(state, 2, 2)));
        Assert.Throws<IllegalMoveException>(() => state.PlayUnchecked(Color.White, Move.At(new Point(0))));
        Assert.Equal(MoveLegality.Legal, state.CheckMove(Move.Pass));
        Assert.Single(state.Moves);
    }

    [Fact]
    public void PlayUncheckedRefusesAPointFarOffTheBoardWithAnIllegalMoveException()
    {
        var state = new GameState(5);
        var error = Assert.Throws<IllegalMoveException>(() => state.PlayUnchecked(Color.Black, Move.At(new Point(5000))));
        Assert.Equal(MoveLegality.OffBoard, error.Reason);
    }

    [Fact]
    public void AResignationIsNotRecordedAsAPass()
    {
        var state = new GameState(9);
        try
        {
            state.Play(Move.Resign);
        }
        catch (InvalidOperationException)
        {
            return; // refusing resignations outright would be acceptable too
        }

        Assert.Equal(0, state.ConsecutivePasses);
        Assert.True(state.IsOver, "a resignation ends the game");
    }

    [Fact]
    public void AResignationDecidesTheWinnerAndUndoTakesItBack()
    {
        var state = new GameState(9, Rules.Default with { Komi = 7.5 });
        state.Play(At(state, 4, 4));
        var before = StateSnapshot.Of(state);
        state.Play(Color.White, Move.Resign);
        Assert.True(state.IsOver);
        Assert.Equal(Color.White, state.Resigned);
        Assert.Equal(Color.Black, state.Winner()); // though White leads on the count with komi
        Assert.True(state.ScoreForBlack() > 0 || state.ScoreForBlack() < 0);
        Assert.Equal(Move.Resign, state.LastMove);
        Assert.Equal(0, state.ConsecutivePasses);

        var clone = state.Clone();
        Assert.Equal(Color.White, clone.Resigned);

        Assert.True(state.Undo());
        Assert.Equal(Color.Empty, state.Resigned);
        Assert.False(state.IsOver);
        Assert.Equal(before with { }, StateSnapshot.Of(state));
        Assert.Equal(Color.White, clone.Resigned); // the clone keeps its own game
    }

    [Fact]
    public void PositionHistoryStaysOneLongerThanTheMovesAfterAResignation()
    {
        var state = new GameState(9);
        state.Play(At(state, 4, 4));
        state.Play(Move.Resign);
        Assert.Equal(state.Moves.Count + 1, state.PositionHistory.Count);
    }
}
