using ZeroGo.Formats;
using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>Board shapes from 2x2 to 25x25, square or rectangular (SGF SZ[9:17], SZ[17:3]).</summary>
public class GeometryTests
{
    public static TheoryData<int, int> Shapes => new()
    {
        { 2, 2 }, { 9, 17 }, { 17, 9 }, { 17, 3 }, { 3, 17 }, { 25, 25 }, { 19, 19 }, { 2, 25 }, { 25, 2 }, { 7, 7 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CoordinatesRoundTripAndPointsAreDistinct(int width, int height)
    {
        var g = BoardGeometry.Get(width, height);
        Assert.Equal(width, g.Width);
        Assert.Equal(height, g.Height);
        Assert.Equal(width == height, g.IsSquare);
        Assert.Equal(width * height, g.Area);
        Assert.Equal(width * height, g.Points.Count);
        Assert.Equal(width * height, g.Points.Distinct().Count());
        Assert.Equal((width + 2) * (height + 2), g.PaddedArea);
        Assert.Same(g, BoardGeometry.Get(width, height));

        for (int dense = 0; dense < g.Area; dense++)
        {
            var point = g.FromDense(dense);
            Assert.Equal(dense, g.DenseIndex(point));
            Assert.Equal(dense % width, g.ColumnOf(point));
            Assert.Equal(dense / width, g.RowOf(point));
            Assert.Equal(point, g.PointAt(dense % width, dense / width));
            Assert.True(g.IsOnBoard(point));
            Assert.Equal(point, g.Points[dense]);
        }

        int onBoard = Enumerable.Range(-3, g.PaddedArea + 6).Count(i => g.IsOnBoard(new Point((short)i)));
        Assert.Equal(g.Area, onBoard);
        Assert.False(g.IsOnBoard(Point.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.PointAt(width, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.PointAt(0, height));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.PointAt(-1, 0));
    }

    /// <summary>GTP vertices on a rectangle: columns are letters across the width, rows count up from the bottom.</summary>
    [Fact]
    public void GtpVerticesOnAWideShortBoard()
    {
        var g = BoardGeometry.Get(17, 3);
        Assert.Equal("A3", GtpVertex.Format(g.PointAt(0, 0), g));
        Assert.Equal("R3", GtpVertex.Format(g.PointAt(16, 0), g)); // 17th letter without I
        Assert.Equal("A1", GtpVertex.Format(g.PointAt(0, 2), g));
        Assert.Equal("R1", GtpVertex.Format(g.PointAt(16, 2), g));
        Assert.False(GtpVertex.TryParse("S1", g, out _));
        Assert.False(GtpVertex.TryParse("A4", g, out _));
        Assert.False(GtpVertex.TryParse("T1", g, out _));

        var tall = BoardGeometry.Get(9, 17);
        Assert.Equal("J17", GtpVertex.Format(tall.PointAt(8, 0), tall));
        Assert.Equal("A1", GtpVertex.Format(tall.PointAt(0, 16), tall));
    }

    [Fact]
    public void TheLargestBoardUsesEveryLetterExceptI()
    {
        var g = BoardGeometry.Get(25);
        var letters = string.Concat(Enumerable.Range(0, 25).Select(c => GtpVertex.Format(g.PointAt(c, 24), g)[0]));
        Assert.Equal("ABCDEFGHJKLMNOPQRSTUVWXYZ", letters);
        Assert.Equal("Z25", GtpVertex.Format(g.PointAt(24, 0), g));
    }

    [Fact]
    public void OnTwoByTwoEveryPointIsACornerAndTheWholeBoardCanBeCaptured()
    {
        var state = new GameState(BoardGeometry.Get(2), Rules.Default with { Komi = 0 });
        var g = state.Geometry;
        state.Play(Move.At(g.PointAt(0, 0)));  // B
        state.Play(Move.At(g.PointAt(1, 1)));  // W
        state.Play(Move.At(g.PointAt(1, 0)));  // B: White (1,1) now has one liberty, (0,1)
        Assert.True(state.Board.IsInAtari(g.PointAt(1, 1)));
        Assert.True(state.Board.IsInAtari(g.PointAt(0, 0)));
        Assert.Equal(MoveLegality.Legal, state.CheckMove(Move.At(g.PointAt(0, 1)))); // W there would take two
        state.Play(Move.Pass);                 // W
        state.Play(Move.At(g.PointAt(0, 1)));  // B captures
        Assert.Equal(1, state.Board.BlackCaptures);
        Assert.Equal((4, 0), state.AreaScore());
        // Black filling the last point would be suicide of the whole board; White may play it (captures 3).
        Assert.Equal(MoveLegality.Legal, state.CheckMove(Color.White, Move.At(g.PointAt(1, 1))));
        Assert.Equal(MoveLegality.Suicide, state.CheckMove(Color.Black, Move.At(g.PointAt(1, 1))));
        state.Play(Color.White, Move.At(g.PointAt(1, 1)));
        Assert.Equal(3, state.Board.WhiteCaptures);
        Assert.Equal((0, 4), state.AreaScore());
        Assert.Null(state.Board.FindInconsistency());
    }

    [Fact]
    public void AThreeRowBoardCapturesAlongItsLength()
    {
        var g = BoardGeometry.Get(17, 3);
        var board = new Board(g);
        // White runs along the middle row; Black lines both edges and closes the end: 15 stones die at once.
        for (int column = 0; column < 15; column++)
        {
            board.Play(g.PointAt(column, 1), Color.White);
        }

        int captured = 0;
        for (int column = 0; column < 15; column++)
        {
            captured += board.Play(g.PointAt(column, 0), Color.Black);
            captured += board.Play(g.PointAt(column, 2), Color.Black);
        }

        Assert.Equal(0, captured);
        Assert.Equal(1, board.CountLiberties(g.PointAt(5, 1)));
        Assert.Equal(15, board.Play(g.PointAt(15, 1), Color.Black));
        Assert.Equal(15, board.BlackCaptures);
        Assert.Equal(17 * 3 - 31, board.EmptyCount);
        Assert.Equal(16, board.CountLiberties(g.PointAt(0, 0))); // the 15 freed middle points and (15,0)
        Assert.Null(board.FindInconsistency());
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(5, 1)]
    [InlineData(26, 26)]
    [InlineData(19, 26)]
    [InlineData(-1, 9)]
    public void ImpossibleSizesGiveAClearError(int width, int height)
    {
        Assert.False(BoardGeometry.IsValidSize(width, height));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BoardGeometry.Get(width, height));
        Assert.Contains($"{width}x{height}", error.Message);
    }
}
