using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>Captures: several chains at once, snapback, edges and corners of square and rectangular boards, big chains.</summary>
public class CaptureTests
{
    [Fact]
    public void OneStoneCapturesFourSeparateChainsAtOnce()
    {
        var board = BoardDiagram.Parse(
            ".XOX.",
            "XO.OX",
            ".XOX.",
            "..X..",
            ".....");
        int captured = board.Play(BoardDiagram.At(board, 2, 1), Color.Black);
        Assert.Equal(4, captured);
        Assert.Equal(4, board.BlackCaptures);
        Assert.Equal(0, board.WhiteCaptures);
        Assert.Equal(
            ".X.X.\n" +
            "X.X.X\n" +
            ".X.X.\n" +
            "..X..\n" +
            ".....", BoardDiagram.Render(board));
        Assert.Equal(4, board.CountLiberties(BoardDiagram.At(board, 2, 1)));
        Assert.True(board.KoPoint.IsNone, "four stones captured is no ko");
        Assert.Null(board.FindInconsistency());
    }

    [Fact]
    public void CapturingTwoChainsThatShareTheLastLibertyCountsBoth()
    {
        var board = BoardDiagram.Parse(
            "XOO.OX",
            "XOO.OX",
            ".XXXX.",
            "......");
        // Both white chains have exactly the liberties (3,0) and (3,1): the first fill captures nothing, the second both.
        Assert.Equal(0, board.Play(BoardDiagram.At(board, 3, 1), Color.Black));
        Assert.Equal(6, board.Play(BoardDiagram.At(board, 3, 0), Color.Black));
        Assert.Equal(
            "X..X.X\n" +
            "X..X.X\n" +
            ".XXXX.\n" +
            "......", BoardDiagram.Render(board));
        Assert.Equal(6, board.BlackCaptures);
        Assert.Null(board.FindInconsistency());
    }

    /// <summary>
    /// The throw-in at B5 is captured by White at A5, after which White's five stones have only B5 left: Black
    /// plays there again and takes them. Not a ko, because White's capturing stone joined a big chain.
    /// </summary>
    [Fact]
    public void SnapbackRecapturesAtTheSamePointUnderEveryKoRule()
    {
        foreach (var koRule in new[] { KoRule.Simple, KoRule.Situational, KoRule.Positional })
        {
            var state = BoardDiagram.State(new Rules { KoRule = koRule }, Color.Black,
                "..OX.",
                "OOOX.",
                "XXX..",
                ".....",
                ".....");
            var g = state.Geometry;
            var throwIn = Move.At(g.PointAt(1, 0));
            var capture = Move.At(g.PointAt(0, 0));

            state.Play(throwIn);
            Assert.Equal(1, state.Board.CountLiberties(g.PointAt(1, 0)));
            state.Play(capture);
            Assert.Equal(Color.Empty, state.Board[g.PointAt(1, 0)]);
            Assert.Equal(1, state.Board.WhiteCaptures);
            Assert.True(state.Board.KoPoint.IsNone, "a capture by a stone that joins a chain is no ko");
            Assert.Equal(5, state.Board.ChainSize(g.PointAt(0, 0)));
            Assert.True(state.Board.IsInAtari(g.PointAt(0, 0)));

            Assert.Equal(MoveLegality.Legal, state.CheckMove(throwIn));
            state.Play(throwIn);
            Assert.Equal(
                ".X.X.\n" +
                "...X.\n" +
                "XXX..\n" +
                ".....\n" +
                ".....", BoardDiagram.Render(state.Board));
            Assert.Equal(5, state.Board.BlackCaptures);
            Assert.Equal(1, state.Board.WhiteCaptures);
            Assert.Null(state.Board.FindInconsistency());
        }
    }

    public static TheoryData<int, int> BoardShapes => new()
    {
        { 2, 2 }, { 3, 3 }, { 9, 9 }, { 19, 19 }, { 25, 25 }, { 9, 17 }, { 17, 3 }, { 2, 5 }, { 25, 2 },
    };

    /// <summary>A stone on each corner and each edge midpoint dies to its two or three neighbours.</summary>
    [Theory]
    [MemberData(nameof(BoardShapes))]
    public void StonesOnCornersAndEdgesAreCapturedByTheirFewNeighbours(int width, int height)
    {
        var geometry = BoardGeometry.Get(width, height);
        var targets = new List<(int Column, int Row)>
        {
            (0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1),
        };
        if (width >= 3 && height >= 3)
        {
            targets.AddRange([(width / 2, 0), (width / 2, height - 1), (0, height / 2), (width - 1, height / 2)]);
        }

        foreach (var (column, row) in targets)
        {
            var board = new Board(geometry);
            var target = geometry.PointAt(column, row);
            board.Play(target, Color.White);
            var neighbours = Neighbours(geometry, column, row);
            Assert.Equal(column is 0 || column == width - 1 ? (row is 0 || row == height - 1 ? 2 : 3) : (row is 0 || row == height - 1 ? 3 : 4),
                neighbours.Count);
            Assert.Equal(neighbours.Count, board.CountLiberties(target));
            for (int i = 0; i < neighbours.Count; i++)
            {
                int captured = board.Play(neighbours[i], Color.Black);
                bool last = i == neighbours.Count - 1;
                Assert.Equal(last ? 1 : 0, captured);
                Assert.Equal(last ? Color.Empty : Color.White, board[target]);
                Assert.Null(board.FindInconsistency());
            }

            Assert.Equal(1, board.BlackCaptures);
        }
    }

    [Fact]
    public void ALongChainAlongTheEdgeDiesWhenItsOnlyLibertyIsFilled()
    {
        // White fills the two top rows of 19x19 except the corner; Black's third row takes all other liberties.
        var geometry = BoardGeometry.Get(19);
        var board = new Board(geometry);
        for (int column = 0; column < 19; column++)
        {
            board.Play(geometry.PointAt(column, 2), Color.Black);
        }

        for (int row = 0; row < 2; row++)
        {
            for (int column = 0; column < 19; column++)
            {
                if ((column, row) != (0, 0))
                {
                    board.Play(geometry.PointAt(column, row), Color.White);
                }
            }
        }

        var white = geometry.PointAt(5, 1);
        Assert.Equal(37, board.ChainSize(white));
        Assert.Equal(1, board.CountLiberties(white));
        Assert.True(board.IsInAtari(white));
        Assert.Equal(19, board.ChainSize(geometry.PointAt(0, 2)));

        Assert.Equal(MoveLegality.Legal, board.CheckMove(geometry.PointAt(0, 0), Color.Black, suicideAllowed: false));
        Assert.Equal(37, board.Play(geometry.PointAt(0, 0), Color.Black));
        Assert.Equal(37, board.BlackCaptures);
        Assert.Equal(19 * 19 - 20, board.EmptyCount);
        Assert.Equal(2, board.CountLiberties(geometry.PointAt(0, 0)));
        Assert.Equal(19 + 19, board.CountLiberties(geometry.PointAt(0, 2)));
        Assert.Null(board.FindInconsistency());
        Assert.True(board.KoPoint.IsNone);
    }

    [Fact]
    public void OneStoneMergesFourChainsAndTheMergedChainIsCapturedWhole()
    {
        var board = BoardDiagram.Parse(
            ".......",
            "...X...",
            "...X...",
            ".XX.XX.",
            "...X...",
            "...X...",
            ".......");
        var centre = BoardDiagram.At(board, 3, 3);
        board.Play(centre, Color.Black);
        Assert.Equal(9, board.ChainSize(centre));
        Assert.Equal(9, board.ChainStones(centre).Count());
        // 4 arm tips + 12 points beside the arms (the four inner diagonal points are shared by two arms).
        Assert.Equal(ExactLiberties(board, centre), board.CountLiberties(centre));
        Assert.Equal(16, board.CountLiberties(centre));

        // White takes every liberty; the last one captures all nine stones.
        var liberties = board.Geometry.Points
            .Where(p => board[p] == Color.Empty && NeighboursOf(board, p).Any(n => board[n] == Color.Black))
            .ToList();
        Assert.Equal(16, liberties.Count);
        int captured = 0;
        foreach (var point in liberties)
        {
            captured += board.Play(point, Color.White);
            Assert.Null(board.FindInconsistency());
        }

        Assert.Equal(9, captured);
        Assert.Equal(9, board.WhiteCaptures);
        Assert.Equal(Color.Empty, board[centre]);
    }

    [Fact]
    public void CapturedStonesGiveLibertiesBackToEveryAdjacentChain()
    {
        var board = BoardDiagram.Parse(
            ".X.X.",
            "XOOOX",
            ".XOX.",
            "..X..",
            ".....");
        // White's four stones have one liberty left, (2,0).
        var white = BoardDiagram.At(board, 2, 1);
        Assert.Equal(1, board.CountLiberties(white));
        Assert.Equal(4, board.Play(BoardDiagram.At(board, 2, 0), Color.Black));
        // Every black stone that touched White gained the freed points as liberties, exactly.
        foreach (var point in board.Geometry.Points.Where(p => board[p] == Color.Black))
        {
            Assert.Equal(ExactLiberties(board, point), board.CountLiberties(point));
        }

        Assert.Null(board.FindInconsistency());
    }

    private static List<Point> Neighbours(BoardGeometry g, int column, int row) =>
        new[] { (column, row - 1), (column - 1, row), (column + 1, row), (column, row + 1) }
            .Where(c => g.Contains(c.Item1, c.Item2))
            .Select(c => g.PointAt(c.Item1, c.Item2))
            .ToList();

    private static IEnumerable<Point> NeighboursOf(Board board, Point point) =>
        Neighbours(board.Geometry, board.Geometry.ColumnOf(point), board.Geometry.RowOf(point));

    /// <summary>Liberties by a plain flood fill over the board's colours (independent of the chain bookkeeping).</summary>
    private static int ExactLiberties(Board board, Point start)
    {
        var color = board[start];
        var seen = new HashSet<Point> { start };
        var queue = new Queue<Point>([start]);
        var liberties = new HashSet<Point>();
        while (queue.Count > 0)
        {
            foreach (var n in NeighboursOf(board, queue.Dequeue()))
            {
                if (board[n] == Color.Empty)
                {
                    liberties.Add(n);
                }
                else if (board[n] == color && seen.Add(n))
                {
                    queue.Enqueue(n);
                }
            }
        }

        return liberties.Count;
    }
}
