using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>Zobrist hashing: incremental equals recomputed, order-independent, side to move in the situation hash.</summary>
public class HashTests
{
    [Fact]
    public void TheEmptyBoardHashesToZeroAndEachStoneChangesIt()
    {
        var board = new Board(9);
        Assert.Equal(0UL, board.Hash);
        var seen = new HashSet<ulong> { board.Hash };
        foreach (var point in board.Geometry.Points.Take(40))
        {
            board.PlaceSetupStone(point, seen.Count % 2 == 0 ? Color.White : Color.Black);
            Assert.True(seen.Add(board.Hash), "every new position gets a new hash");
            Assert.Equal(board.ComputeHashFromScratch(), board.Hash);
        }
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(7, 11)]
    public void The_hash_after_a_quiet_move_is_the_hash_after_playing_it_and_no_other_move_claims_one(int width, int height)
    {
        // Random games with suicide allowed, so captures, suicides and ko points all occur; every point, both colours.
        var random = new Random(width * 100 + height);
        var board = new Board(BoardGeometry.Get(width, height));
        var scratch = new Board(board.Geometry);
        int quiet = 0, loud = 0;
        for (int move = 0; move < 260; move++)
        {
            foreach (var point in board.Geometry.Points)
            {
                foreach (var color in new[] { Color.Black, Color.White })
                {
                    if (board.CheckMove(point, color, suicideAllowed: true) != MoveLegality.Legal)
                    {
                        continue;
                    }

                    scratch.CopyFrom(board);
                    scratch.Play(point, color);
                    bool isQuiet = scratch.EmptyCount == board.EmptyCount - 1;   // one stone more: nothing removed
                    ulong? claimed = board.HashAfterQuietMove(point, color);
                    Assert.Equal(isQuiet ? scratch.Hash : null, claimed);
                    (isQuiet ? ref quiet : ref loud)++;
                }
            }

            var legal = board.Geometry.Points.Where(p => board.CheckMove(p, move % 2 == 0 ? Color.Black : Color.White, true) == MoveLegality.Legal).ToList();
            if (legal.Count == 0)
            {
                board.Clear();
                continue;
            }

            board.Play(legal[random.Next(legal.Count)], move % 2 == 0 ? Color.Black : Color.White);
        }

        Assert.True(loud > 100, $"captures and suicides should occur ({loud} of {quiet + loud})");
    }

    [Fact]
    public void KeysAreDistinctForEveryPointAndColourOnTheLargestBoard()
    {
        var geometry = BoardGeometry.Get(25);
        var keys = new HashSet<ulong>();
        foreach (var point in geometry.Points)
        {
            Assert.True(keys.Add(Zobrist.Stone(point.Index, Color.Black)));
            Assert.True(keys.Add(Zobrist.Stone(point.Index, Color.White)));
        }

        Assert.DoesNotContain(Zobrist.WhiteToMove, keys);
        Assert.DoesNotContain(0UL, keys);
    }

    [Fact]
    public void EqualPositionsReachedInDifferentOrdersHaveEqualHashes()
    {
        var geometry = BoardGeometry.Get(9);
        string[] moves = ["C3", "G7", "C7", "G3", "E5", "D4"];
        var colors = new[] { Color.Black, Color.White, Color.Black, Color.White, Color.Black, Color.White };
        var first = new Board(geometry);
        for (int i = 0; i < moves.Length; i++)
        {
            first.Play(BoardDiagram.Vertex(geometry, moves[i]), colors[i]);
        }

        // The same stones in reverse order, and by setup.
        var second = new Board(geometry);
        for (int i = moves.Length - 1; i >= 0; i--)
        {
            second.Play(BoardDiagram.Vertex(geometry, moves[i]), colors[i]);
        }

        var third = new Board(geometry);
        for (int i = 0; i < moves.Length; i += 2)
        {
            third.PlaceSetupStone(BoardDiagram.Vertex(geometry, moves[i + 1]), colors[i + 1]);
            third.PlaceSetupStone(BoardDiagram.Vertex(geometry, moves[i]), colors[i]);
        }

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(first.Hash, third.Hash);
        Assert.Equal(first.ComputeHashFromScratch(), first.Hash);
    }

    [Fact]
    public void ACaptureRestoresTheHashOfThePositionWithoutTheCapturedStones()
    {
        // Black captures White's corner stone; the result equals a board where White's stone never was.
        var captured = BoardDiagram.Parse(
            "OX...",
            ".....",
            ".....",
            ".....",
            ".....");
        captured.Play(BoardDiagram.At(captured, 0, 1), Color.Black);
        var direct = BoardDiagram.Parse(
            ".X...",
            "X....",
            ".....",
            ".....",
            ".....");
        Assert.Equal(direct.Hash, captured.Hash);
        Assert.Equal(captured.ComputeHashFromScratch(), captured.Hash);
    }

    [Fact]
    public void RemovingASetupStoneRestoresTheEarlierHash()
    {
        var board = BoardDiagram.Parse(
            ".X.O.",
            "XX.OO",
            ".....",
            ".....",
            ".....");
        ulong before = board.Hash;
        var point = BoardDiagram.At(board, 2, 2);
        board.PlaceSetupStone(point, Color.White);
        Assert.NotEqual(before, board.Hash);
        board.RemoveSetupStone(point);
        Assert.Equal(before, board.Hash);
        Assert.Null(board.FindInconsistency());

        // Replacing a stone's colour through setup is the same as setting it up that colour from the start.
        board.PlaceSetupStone(BoardDiagram.At(board, 1, 0), Color.White);
        var direct = BoardDiagram.Parse(
            ".O.O.",
            "XX.OO",
            ".....",
            ".....",
            ".....");
        Assert.Equal(direct.Hash, board.Hash);
        Assert.Null(board.FindInconsistency());
    }

    [Fact]
    public void SituationHashDiffersOnlyBySideToMove()
    {
        var state = new GameState(9);
        ulong blackToMove = state.SituationHash;
        Assert.Equal(state.Board.Hash, blackToMove);
        state.Play(Move.Pass);
        Assert.Equal(Color.White, state.ToMove);
        Assert.Equal(blackToMove, state.Board.Hash);
        Assert.NotEqual(blackToMove, state.SituationHash);
        Assert.Equal(state.Board.Hash ^ Zobrist.WhiteToMove, state.SituationHash);
        state.Play(Move.Pass);
        Assert.Equal(blackToMove, state.SituationHash);
    }

    [Fact]
    public void PositionHistoryListsTheHashAfterEachMove()
    {
        var state = new GameState(5);
        var expected = new List<ulong> { state.Board.Hash };
        foreach (var vertex in new[] { "A1", "B1", "C3", "A2" })
        {
            state.Play(BoardDiagram.MoveAt(state, vertex));
            expected.Add(state.Board.Hash);
        }

        Assert.Equal(expected, state.PositionHistory);
        Assert.Equal(5, expected.Distinct().Count());
    }

    [Fact]
    public void CopiesKeepTheHashAndDivergeIndependently()
    {
        var board = BoardDiagram.Parse(
            ".X.O.",
            "XX.OO",
            ".....",
            ".....",
            ".....");
        var copy = board.Clone();
        Assert.Equal(board.Hash, copy.Hash);
        copy.Play(BoardDiagram.At(copy, 2, 2), Color.Black);
        Assert.NotEqual(board.Hash, copy.Hash);
        Assert.Equal(copy.ComputeHashFromScratch(), copy.Hash);
        Assert.Equal(board.ComputeHashFromScratch(), board.Hash);

        var target = new Board(board.Geometry);
        target.CopyFrom(copy);
        Assert.Equal(copy.Hash, target.Hash);
        Assert.Null(target.FindInconsistency());
        Assert.Throws<ArgumentException>(() => new Board(7).CopyFrom(board));
    }
}
