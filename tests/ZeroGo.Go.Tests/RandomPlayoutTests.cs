using ZeroGo.Go;
using ZeroGo.Go.Tests.Reference;

namespace ZeroGo.Go.Tests;

/// <summary>
/// The playout policy of the speed benchmark: uniformly random legal moves under simple ko, never filling one's own
/// eye (all four neighbours own stones or the edge; at most one opponent stone on the diagonals, none when the
/// point touches the edge), until two passes.
/// </summary>
public class RandomPlayoutTests
{
    /// <summary>Drives ChooseMove step by step and checks every choice and every pass against independent rules.</summary>
    [Theory]
    [InlineData(9, 9, 40)]
    [InlineData(19, 19, 2)]
    [InlineData(5, 5, 100)]
    [InlineData(9, 17, 6)]
    [InlineData(17, 3, 30)]
    [InlineData(3, 3, 100)]
    [InlineData(4, 6, 100)]
    public void EveryChosenMoveIsLegalAndNeverFillsAnOwnEyeAndPassesOnlyWhenNothingIsLeft(int width, int height, int games)
    {
        var g = BoardGeometry.Get(width, height);
        int totalMoves = 0;
        for (int game = 0; game < games; game++)
        {
            var playout = new RandomPlayout(g, (ulong)(game * 7919 + width));
            var board = playout.Board;
            board.Clear();
            var reference = new ReferenceGame(width, height);
            var color = Color.Black;
            int passes = 0, moves = 0;
            // Tiny boards admit endless capture cycles under simple ko; from 5x5 up a playout must end by passes.
            bool mustEnd = g.Area >= 25;
            while (passes < 2 && moves < g.Area * 10)
            {
                var choice = playout.ChooseMove(color);
                if (choice.IsNone)
                {
                    Assert.Empty(AllowedPoints(board, reference, color));
                    board.PlayPass();
                    reference.Pass(Byte(color));
                    passes++;
                }
                else
                {
                    // The full allowed set is costly on big boards; the chosen point is always checked.
                    if (g.Area <= 100 || moves % 16 == 0)
                    {
                        Assert.Contains(g.DenseIndex(choice), AllowedPoints(board, reference, color));
                    }

                    Assert.Equal(ReferenceVerdict.Legal, reference.Check(g.DenseIndex(choice), Byte(color), KoRule.Simple, false));
                    Assert.False(IsOwnEye(board, choice, color));
                    board.Play(choice, color);
                    reference.Play(g.DenseIndex(choice), Byte(color));
                    passes = 0;
                }

                moves++;
                color = color.Opponent();
                Assert.Null(board.FindInconsistency());
                Assert.Equal(ReferenceGame.Key(reference.Cells), Key(board));
            }

            Assert.True(passes == 2 || !mustEnd, "a playout did not end");
            totalMoves += moves;
        }

        Assert.True(totalMoves > games * 2);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(13)]
    [InlineData(19)]
    public void RunPlaysWholeGamesThatEndWithTwoPasses(int size)
    {
        var g = BoardGeometry.Get(size);
        var playout = new RandomPlayout(g, 12345);
        long total = 0;
        int games = size == 19 ? 30 : 100;
        for (int game = 0; game < games; game++)
        {
            int moves = playout.Run(maxMoves: g.Area * 20);
            Assert.True(moves < g.Area * 20, "a playout hit the move limit");
            total += moves;
            Assert.Null(playout.Board.FindInconsistency());
            // Ended by two passes: neither player has a legal non-eye move left.
            Assert.True(playout.ChooseMove(Color.Black).IsNone);
            Assert.True(playout.ChooseMove(Color.White).IsNone);
            // The same by the independent eye definition: each empty point is an own eye or illegal for each player.
            Assert.All(g.Points.Where(p => playout.Board[p] == Color.Empty), p =>
            {
                Assert.True(IsOwnEye(playout.Board, p, Color.Black) || !playout.Board.IsLegal(p, Color.Black));
                Assert.True(IsOwnEye(playout.Board, p, Color.White) || !playout.Board.IsLegal(p, Color.White));
            });
        }

        // The figures: about 100 moves per 9x9 playout, 430 per 19x19 (loose bounds: a sanity check).
        double average = (double)total / games;
        if (size == 9)
        {
            Assert.InRange(average, 70, 140);
        }
        else if (size == 19)
        {
            Assert.InRange(average, 330, 560);
        }
    }

    /// <summary>The issue asks for no allocation in the hot path: whole playouts, the per-game reset included, allocate nothing.</summary>
    [Theory]
    [InlineData(9)]
    [InlineData(19)]
    [InlineData(7, 13)]
    public void PlayoutsAllocateNothing(int width, int height = 0)
    {
        var playout = new RandomPlayout(BoardGeometry.Get(width, height == 0 ? width : height), 7);
        for (int game = 0; game < 50; game++)
        {
            playout.Run();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int game = 0; game < 200; game++)
        {
            playout.Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Clearing a used board gives the same state as a new one: same empty list, no stones, no ko, no captures.</summary>
    [Fact]
    public void ClearAfterPlayoutsEqualsANewBoard()
    {
        var g = BoardGeometry.Get(9, 11);
        var playout = new RandomPlayout(g, 99);
        playout.Run();
        playout.Board.Clear();
        var fresh = new Board(g);
        Assert.Equal(StateSnapshotOfBoard(fresh), StateSnapshotOfBoard(playout.Board));
        Assert.Null(playout.Board.FindInconsistency());
        Assert.Equal(Enumerable.Range(0, g.Area).Select(i => fresh.EmptyPointAt(i)), Enumerable.Range(0, g.Area).Select(i => playout.Board.EmptyPointAt(i)));

        // And it plays on exactly like a new board: the same seed gives the same game.
        var again = new RandomPlayout(g, 5);
        int movesFromCleared = again.Run(playout.Board);
        var reference = new RandomPlayout(g, 5);
        Assert.Equal(reference.Run(fresh), movesFromCleared);
        Assert.Equal(StateSnapshotOfBoard(reference.Board), StateSnapshotOfBoard(again.Board));
    }

    /// <summary>
    /// Under simple ko a 2x2 board admits endless capture cycles, so a playout there may only end by the move
    /// limit; Run must respect it.
    /// </summary>
    [Fact]
    public void RunRespectsTheMoveLimitOnTheTiniestBoard()
    {
        var g = BoardGeometry.Get(2);
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var playout = new RandomPlayout(g, seed);
            Assert.InRange(playout.Run(), 2, g.Area * 3);
            Assert.InRange(playout.Run(maxMoves: 7), 2, 7);
            Assert.Null(playout.Board.FindInconsistency());
        }
    }

    [Fact]
    public void RunStartsFromAGivenPositionWithoutChangingIt()
    {
        var start = BoardDiagram.Parse(
            ".X.O.....",
            "XX.OO....",
            ".........",
            ".........",
            ".........",
            ".........",
            ".........",
            ".........",
            ".........");
        var before = StateSnapshotOfBoard(start);
        var playout = new RandomPlayout(start.Geometry, 99);
        int moves = playout.Run(start, Color.White);
        Assert.True(moves > 10);
        Assert.Equal(before, StateSnapshotOfBoard(start));
        Assert.Null(playout.Board.FindInconsistency());

        // Same seed and start: the same game.
        var again = new RandomPlayout(start.Geometry, 99);
        Assert.Equal(moves, again.Run(start, Color.White));
        Assert.Equal(Key(playout.Board), Key(again.Board));
        Assert.True(moves >= 1);
        Assert.True(playout.Run(start, Color.White, maxMoves: 5) <= 5);
    }

    /// <summary>Every allowed move is chosen about equally often (a loose chi-square-style bound).</summary>
    [Fact]
    public void ChoicesAreUniformOverAllowedMoves()
    {
        var board = BoardDiagram.Parse(
            ".X.O.",
            "XX.OO",
            ".X.O.",
            "XXXOO",
            ".....");
        var playout = new RandomPlayout(board.Geometry, 4242);
        playout.Board.CopyFrom(board);
        var reference = new ReferenceGame(5, 5);
        foreach (var p in board.Geometry.Points.Where(p => board[p] != Color.Empty))
        {
            reference.Play(board.Geometry.DenseIndex(p), Byte(board[p]));
        }

        var allowed = AllowedPoints(playout.Board, reference, Color.Black);
        Assert.Equal(ReferenceGame.Key(reference.Cells), Key(playout.Board));
        Assert.True(allowed.Count >= 5);
        var counts = new Dictionary<int, int>();
        const int draws = 20000;
        for (int i = 0; i < draws; i++)
        {
            var choice = board.Geometry.DenseIndex(playout.ChooseMove(Color.Black));
            counts[choice] = counts.GetValueOrDefault(choice) + 1;
        }

        Assert.Equal(allowed.OrderBy(x => x), counts.Keys.OrderBy(x => x));
        double expected = (double)draws / allowed.Count;
        double sigma = Math.Sqrt(expected * (1 - 1.0 / allowed.Count));
        Assert.All(counts.Values, c => Assert.InRange(c, expected - 5 * sigma, expected + 5 * sigma));
        Assert.Null(playout.Board.FindInconsistency());
    }

    /// <summary>Points where the policy may play: legal under simple ko without suicide, and not an own eye.</summary>
    private static List<int> AllowedPoints(Board board, ReferenceGame reference, Color color)
    {
        var g = board.Geometry;
        return Enumerable.Range(0, g.Area)
            .Where(i => reference.Check(i, Byte(color), KoRule.Simple, suicideAllowed: false) == ReferenceVerdict.Legal)
            .Where(i => !IsOwnEye(board, g.FromDense(i), color))
            .ToList();
    }

    /// <summary>The definition of an own eye, written independently of Board.IsOwnEye.</summary>
    private static bool IsOwnEye(Board board, Point point, Color color)
    {
        var g = board.Geometry;
        int column = g.ColumnOf(point), row = g.RowOf(point);
        if (board[point] != Color.Empty)
        {
            return false;
        }

        bool touchesEdge = false;
        foreach (var (dc, dr) in new[] { (0, -1), (-1, 0), (1, 0), (0, 1) })
        {
            if (!g.Contains(column + dc, row + dr))
            {
                touchesEdge = true;
            }
            else if (board.ColorAt(column + dc, row + dr) != color)
            {
                return false;
            }
        }

        int opponentDiagonals = new[] { (-1, -1), (1, -1), (-1, 1), (1, 1) }
            .Count(d => g.Contains(column + d.Item1, row + d.Item2)
                && board.ColorAt(column + d.Item1, row + d.Item2) == color.Opponent());
        return touchesEdge ? opponentDiagonals == 0 : opponentDiagonals <= 1;
    }

    private static string Key(Board board)
    {
        var g = board.Geometry;
        return new string(Enumerable.Range(0, g.Area)
            .Select(i => (char)('0' + (int)board[g.FromDense(i)]))
            .ToArray());
    }

    private static string StateSnapshotOfBoard(Board board) =>
        $"{Key(board)}|{board.Hash}|{board.BlackCaptures}|{board.WhiteCaptures}|{board.KoPoint}|{board.EmptyCount}";

    private static byte Byte(Color color) => color == Color.Black ? ReferenceGame.Black : ReferenceGame.White;
}
