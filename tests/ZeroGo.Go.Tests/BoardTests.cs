using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

public class BoardTests
{
    [Fact]
    public void CapturesASingleStoneInTheCorner()
    {
        var board = BoardDiagram.Parse(
            "OX...",
            ".....",
            ".....",
            ".....",
            ".....");
        int captured = board.Play(BoardDiagram.At(board, 0, 1), Color.Black);
        Assert.Equal(1, captured);
        Assert.Equal(Color.Empty, board.ColorAt(0, 0));
        Assert.Equal(1, board.BlackCaptures);
        Assert.Null(board.FindInconsistency());
    }

    [Fact]
    public void CapturesTwoGroupsAtOnce()
    {
        var board = BoardDiagram.Parse(
            ".OX..",
            "OX...",
            "X....",
            ".....",
            ".....");
        // Black at A5 (0,0) is suicide-looking but captures both white stones.
        int captured = board.Play(BoardDiagram.At(board, 0, 0), Color.Black);
        Assert.Equal(2, captured);
        Assert.Equal("X.X..\n.X...\nX....\n.....\n.....", BoardDiagram.Render(board));
        Assert.Null(board.FindInconsistency());
    }

    [Fact]
    public void PlayingIntoTheLastLibertyCapturesTheWholeChain()
    {
        var board = BoardDiagram.Parse(
            ".XO..",
            "XXO..",
            "OO...",
            ".....",
            ".....");
        Assert.Equal(Color.Empty, board.ColorAt(0, 0));
        Assert.True(board.IsInAtari(BoardDiagram.At(board, 1, 0)));
        Assert.Equal(1, board.CountLiberties(BoardDiagram.At(board, 0, 1)));
        int captured = board.Play(BoardDiagram.At(board, 0, 0), Color.White);
        Assert.Equal(3, captured);
        Assert.Equal(Color.White, board.ColorAt(0, 0));
        Assert.Null(board.FindInconsistency());
    }

    [Fact]
    public void SuicideIsDetected()
    {
        var board = BoardDiagram.Parse(
            ".X...",
            "X....",
            ".....",
            ".....",
            ".....");
        var corner = BoardDiagram.At(board, 0, 0);
        Assert.Equal(MoveLegality.Suicide, board.CheckMove(corner, Color.White, suicideAllowed: false));
        Assert.Equal(MoveLegality.Legal, board.CheckMove(corner, Color.Black, suicideAllowed: false));
    }

    [Fact]
    public void MultiStoneSuicideRemovesOwnChainWhenAllowed()
    {
        var board = BoardDiagram.Parse(
            "O.X..",
            "XX...",
            ".....",
            ".....",
            ".....");
        var point = BoardDiagram.At(board, 1, 0);
        Assert.Equal(MoveLegality.Suicide, board.CheckMove(point, Color.White, false));
        Assert.Equal(MoveLegality.Legal, board.CheckMove(point, Color.White, true));
        board.Play(point, Color.White);
        Assert.Equal(Color.Empty, board.ColorAt(0, 0));
        Assert.Equal(Color.Empty, board.ColorAt(1, 0));
        Assert.Equal(2, board.BlackCaptures);
        Assert.Null(board.FindInconsistency());
    }

    [Fact]
    public void SimpleKoForbidsImmediateRecapture()
    {
        var board = BoardDiagram.Parse(
            ".XO..",
            "XO.O.",
            ".XO..",
            ".....",
            ".....");
        // Black captures at C4 (2,1): takes white B4 (1,1).
        int captured = board.Play(BoardDiagram.At(board, 2, 1), Color.Black);
        Assert.Equal(1, captured);
        Assert.Equal(BoardDiagram.At(board, 1, 1), board.KoPoint);
        Assert.Equal(MoveLegality.Ko, board.CheckMove(BoardDiagram.At(board, 1, 1), Color.White, false));
        board.PlayPass();
        Assert.Equal(MoveLegality.Legal, board.CheckMove(BoardDiagram.At(board, 1, 1), Color.White, false));
    }

    [Fact]
    public void OwnEyeFollowsThePlayoutDefinition()
    {
        var board = BoardDiagram.Parse(
            ".X...",
            "X.X..",
            ".X...",
            ".....",
            ".....");
        Assert.True(board.IsOwnEye(BoardDiagram.At(board, 1, 1), Color.Black));
        Assert.True(board.IsOwnEye(BoardDiagram.At(board, 0, 0), Color.Black));
        Assert.False(board.IsOwnEye(BoardDiagram.At(board, 1, 1), Color.White));
        board.PlaceSetupStone(BoardDiagram.At(board, 0, 2), Color.White);
        Assert.True(board.IsOwnEye(BoardDiagram.At(board, 1, 1), Color.Black), "one opponent diagonal in the centre is fine");
        board.PlaceSetupStone(BoardDiagram.At(board, 2, 2), Color.White);
        Assert.False(board.IsOwnEye(BoardDiagram.At(board, 1, 1), Color.Black), "two opponent diagonals spoil it");
        board.PlaceSetupStone(BoardDiagram.At(board, 1, 1), Color.White);
        var board2 = BoardDiagram.Parse(
            ".X...",
            "XO...",
            ".....",
            ".....",
            ".....");
        Assert.False(board2.IsOwnEye(BoardDiagram.At(board2, 0, 0), Color.Black), "an edge eye allows no opponent diagonal");
    }

    [Fact]
    public void AreaScoreCountsStonesAndSurroundedEmptyPoints()
    {
        var board = BoardDiagram.Parse(
            ".X.O.",
            ".X.O.",
            ".X.O.",
            ".X.O.",
            ".X.O.");
        var (black, white) = board.AreaScore();
        Assert.Equal(10, black);
        Assert.Equal(10, white);
    }

    [Fact]
    public void RectangularBoardsWork()
    {
        var geometry = BoardGeometry.Get(9, 17);
        var board = new Board(geometry);
        Assert.Equal(9 * 17, board.EmptyCount);
        board.Play(geometry.PointAt(8, 16), Color.Black);
        board.Play(geometry.PointAt(7, 16), Color.White);
        board.Play(geometry.PointAt(8, 15), Color.White);
        Assert.Equal(Color.Empty, board.ColorAt(8, 16));
        Assert.Null(board.FindInconsistency());
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(26, 5)]
    [InlineData(0, 0)]
    public void AbsurdSizesAreRefused(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BoardGeometry.Get(width, height));
    }
}
