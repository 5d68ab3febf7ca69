using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>Setup stones (SGF AB/AW/AE), the player to move (SGF PL) and how they meet superko history.</summary>
public class SetupTests
{
    // A ko White can take: White at (2,1) captures Black's (1,1).
    private static readonly string[] WhiteCanTakeKo =
    [
        ".OX....",
        "OX.X...",
        ".OX....",
        ".......",
        ".......",
        ".......",
        ".......",
    ];

    [Fact]
    public void ApplySetupAddsAndRemovesStonesAndRestartsHistory()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        state.Play(BoardDiagram.MoveAt(state, "E5"));
        state.Play(BoardDiagram.MoveAt(state, "E6"));
        state.ApplySetup(
            [BoardDiagram.Vertex(geometry, "C3"), BoardDiagram.Vertex(geometry, "D3")],
            [BoardDiagram.Vertex(geometry, "G7")],
            [BoardDiagram.Vertex(geometry, "E5")]);
        Assert.Equal(Color.Empty, state.Board[BoardDiagram.Vertex(geometry, "E5")]);
        Assert.Equal(Color.White, state.Board[BoardDiagram.Vertex(geometry, "E6")]);
        Assert.Equal(2, state.Board.ChainSize(BoardDiagram.Vertex(geometry, "C3")));
        Assert.Empty(state.Moves);
        Assert.Single(state.PositionHistory);
        Assert.Equal(state.Board.Hash, state.PositionHistory[0]);
        Assert.False(state.Undo());
        Assert.Null(state.Board.FindInconsistency());

        // AE on an empty point and a colour change through AB are both harmless.
        state.ApplySetup([BoardDiagram.Vertex(geometry, "G7")], [], [BoardDiagram.Vertex(geometry, "A1")]);
        Assert.Equal(Color.Black, state.Board[BoardDiagram.Vertex(geometry, "G7")]);
        Assert.Null(state.Board.FindInconsistency());
    }

    [Fact]
    public void RemovingTheMiddleStoneOfAChainSplitsIt()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        var line = new[] { "C5", "D5", "E5", "F5", "G5" }.Select(v => BoardDiagram.Vertex(geometry, v)).ToList();
        state.ApplySetup(line, [BoardDiagram.Vertex(geometry, "E6")], []);
        Assert.Equal(5, state.Board.ChainSize(line[0]));
        Assert.Equal(11, state.Board.CountLiberties(line[0]));
        state.ApplySetup([], [], [line[2]]);
        Assert.Equal(2, state.Board.ChainSize(line[0]));
        Assert.Equal(2, state.Board.ChainSize(line[4]));
        Assert.NotEqual(state.Board.ChainHead(line[0]), state.Board.ChainHead(line[4]));
        Assert.Equal(6, state.Board.CountLiberties(line[0])); // C6 D6 C4 D4 B5 and the freed E5
        Assert.Equal(state.Board.ComputeHashFromScratch(), state.Board.Hash);
        Assert.Null(state.Board.FindInconsistency());
    }

    [Fact]
    public void SetupThatLeavesAChainWithoutLibertiesIsReported()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        state.ApplySetup(
            [BoardDiagram.Vertex(geometry, "A8"), BoardDiagram.Vertex(geometry, "B9")],
            [BoardDiagram.Vertex(geometry, "A9")],
            []);
        Assert.True(state.Board.HasChainWithoutLiberties());
        Assert.Equal(0, state.Board.CountLiberties(BoardDiagram.Vertex(geometry, "A9")));

        // Removing the surrounded stone makes the position ordinary again.
        state.ApplySetup([], [], [BoardDiagram.Vertex(geometry, "A9")]);
        Assert.False(state.Board.HasChainWithoutLiberties());
        Assert.Null(state.Board.FindInconsistency());
    }

    [Fact]
    public void SetToMoveRefusesNonPlayers()
    {
        var state = new GameState(9);
        Assert.Throws<ArgumentOutOfRangeException>(() => state.SetToMove(Color.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.SetToMove(Color.Border));
        state.SetToMove(Color.White);
        Assert.Equal(Color.White, state.ToMove);
    }

    /// <summary>
    /// A setup position with White to move (SGF AB/AW then PL[W]). White takes the ko, both pass, Black retakes:
    /// that recreates the starting stones with White to move, the starting situation, so situational superko must
    /// forbid it.
    /// </summary>
    [Fact]
    public void SituationalSuperkoKnowsWhoWasToMoveInTheSetupPosition()
    {
        var board = BoardDiagram.Parse(WhiteCanTakeKo);
        var g = board.Geometry;
        var state = new GameState(g, new Rules { KoRule = KoRule.Situational });
        state.ApplySetup(g.Points.Where(p => board[p] == Color.Black), g.Points.Where(p => board[p] == Color.White), []);
        state.SetToMove(Color.White);

        state.Play(Move.At(g.PointAt(2, 1))); // W takes
        state.Play(Move.Pass);                // B
        state.Play(Move.Pass);                // W
        Assert.Equal(MoveLegality.Superko, state.CheckMove(Move.At(g.PointAt(1, 1))));
    }

    /// <summary>Control for the test above: the same game with White to move set before the setup is handled right.</summary>
    [Fact]
    public void SituationalSuperkoWithTheSideToMoveSetBeforeSetup()
    {
        var state = BoardDiagram.State(new Rules { KoRule = KoRule.Situational }, Color.White, WhiteCanTakeKo);
        var g = state.Geometry;
        state.Play(Move.At(g.PointAt(2, 1)));
        state.Play(Move.Pass);
        state.Play(Move.Pass);
        Assert.Equal(MoveLegality.Superko, state.CheckMove(Move.At(g.PointAt(1, 1))));
    }

    /// <summary>
    /// Black plays, the side to move is then set to Black again (GTP non-alternating play, SGF PL), and the move
    /// is undone: replaying it must be legal. Undo forgets the situation under the current side to move rather
    /// than the one recorded, leaving a stale entry behind.
    /// </summary>
    [Fact]
    public void UndoAfterSetToMoveForgetsTheUndoneSituation()
    {
        var state = new GameState(9, new Rules { KoRule = KoRule.Situational });
        var e5 = BoardDiagram.MoveAt(state, "E5");
        state.Play(e5);
        state.SetToMove(Color.Black);
        Assert.True(state.Undo());
        Assert.Equal(Color.Black, state.ToMove);
        Assert.Equal(MoveLegality.Legal, state.CheckMove(e5));
    }
}
