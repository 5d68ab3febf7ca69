using ZeroGo.Formats;
using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>
/// Fixed handicap placement as the GTP specification lays it out (section 4.1.1: 2..9 stones on odd sizes from
/// 9x9, at most 4 on 7x7 and even sizes, none below 7x7; 4th line from 13x13, 3rd line below), and free placement.
/// </summary>
public class HandicapTests
{
    public static TheoryData<int, int, string> FixedPlacements => new()
    {
        // 19x19: the specification's own table.
        { 19, 2, "D4 Q16" },
        { 19, 3, "D4 Q16 D16" },
        { 19, 4, "D4 Q16 D16 Q4" },
        { 19, 5, "D4 Q16 D16 Q4 K10" },
        { 19, 6, "D4 Q16 D16 Q4 D10 Q10" },
        { 19, 7, "D4 Q16 D16 Q4 D10 Q10 K10" },
        { 19, 8, "D4 Q16 D16 Q4 D10 Q10 K4 K16" },
        { 19, 9, "D4 Q16 D16 Q4 D10 Q10 K4 K16 K10" },
        // 13x13: same pattern on the 4th line.
        { 13, 2, "D4 K10" },
        { 13, 3, "D4 K10 D10" },
        { 13, 4, "D4 K10 D10 K4" },
        { 13, 5, "D4 K10 D10 K4 G7" },
        { 13, 6, "D4 K10 D10 K4 D7 K7" },
        { 13, 7, "D4 K10 D10 K4 D7 K7 G7" },
        { 13, 8, "D4 K10 D10 K4 D7 K7 G4 G10" },
        { 13, 9, "D4 K10 D10 K4 D7 K7 G4 G10 G7" },
        // 9x9: the 3rd line.
        { 9, 2, "C3 G7" },
        { 9, 3, "C3 G7 C7" },
        { 9, 4, "C3 G7 C7 G3" },
        { 9, 5, "C3 G7 C7 G3 E5" },
        { 9, 6, "C3 G7 C7 G3 C5 G5" },
        { 9, 7, "C3 G7 C7 G3 C5 G5 E5" },
        { 9, 8, "C3 G7 C7 G3 C5 G5 E3 E7" },
        { 9, 9, "C3 G7 C7 G3 C5 G5 E3 E7 E5" },
        // 7x7 and even sizes: corners only.
        { 7, 2, "C3 E5" },
        { 7, 4, "C3 E5 C5 E3" },
        { 8, 4, "C3 F6 C6 F3" },
        { 10, 4, "C3 H8 C8 H3" },
        { 12, 3, "C3 K10 C10" },
        { 14, 4, "D4 L11 D11 L4" },
        { 18, 4, "D4 P15 D15 P4" },
        // Other odd sizes.
        { 11, 9, "C3 J9 C9 J3 C6 J6 F3 F9 F6" },
        { 15, 5, "D4 M12 D12 M4 H8" },
        { 25, 9, "D4 W22 D22 W4 D13 W13 N4 N22 N13" },
    };

    [Theory]
    [MemberData(nameof(FixedPlacements))]
    public void FixedPlacementFollowsTheGtpSpecification(int size, int stones, string expected)
    {
        var geometry = BoardGeometry.Get(size);
        var points = Handicap.FixedPoints(geometry, stones);
        Assert.Equal(expected, string.Join(' ', points.Select(p => GtpVertex.Format(p, geometry))));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 0)]
    [InlineData(7, 4)]
    [InlineData(8, 4)]
    [InlineData(9, 9)]
    [InlineData(10, 4)]
    [InlineData(11, 9)]
    [InlineData(12, 4)]
    [InlineData(13, 9)]
    [InlineData(18, 4)]
    [InlineData(19, 9)]
    [InlineData(24, 4)]
    [InlineData(25, 9)]
    public void MaximumFixedHandicapDependsOnSize(int size, int expected)
    {
        var geometry = BoardGeometry.Get(size);
        Assert.Equal(expected, Handicap.MaxFixed(geometry));
        for (int stones = 0; stones <= 10; stones++)
        {
            if (stones >= 2 && stones <= expected)
            {
                Assert.Equal(stones, Handicap.FixedPoints(geometry, stones).Distinct().Count());
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => Handicap.FixedPoints(geometry, stones));
            }
        }
    }

    [Theory]
    [InlineData(9, 17)]
    [InlineData(17, 3)]
    [InlineData(19, 13)]
    public void RectangularBoardsHaveNoFixedHandicap(int width, int height)
    {
        var geometry = BoardGeometry.Get(width, height);
        Assert.Equal(0, Handicap.MaxFixed(geometry));
        Assert.Throws<ArgumentOutOfRangeException>(() => Handicap.FixedPoints(geometry, 2));
    }

    /// <summary>Every fixed pattern is symmetric enough that no stone touches another (they are all separate chains).</summary>
    [Fact]
    public void FixedStonesNeverTouch()
    {
        for (int size = 7; size <= 25; size++)
        {
            var geometry = BoardGeometry.Get(size);
            for (int stones = 2; stones <= Handicap.MaxFixed(geometry); stones++)
            {
                var state = new GameState(geometry);
                state.PlaceHandicap(Handicap.FixedPoints(geometry, stones).ToList());
                Assert.All(Handicap.FixedPoints(geometry, stones), p => Assert.Equal(1, state.Board.ChainSize(p)));
            }
        }
    }

    [Fact]
    public void PlacingHandicapPutsBlackStonesAndGivesWhiteTheMove()
    {
        var geometry = BoardGeometry.Get(19);
        var state = new GameState(geometry);
        var points = Handicap.FixedPoints(geometry, 4).ToList();
        state.PlaceHandicap(points);
        Assert.Equal(4, state.HandicapStones);
        Assert.Equal(Color.White, state.ToMove);
        Assert.Empty(state.Moves);
        Assert.Single(state.PositionHistory);
        Assert.All(points, p => Assert.Equal(Color.Black, state.Board[p]));
        Assert.Equal(19 * 19 - 4, state.Board.EmptyCount);
        Assert.Null(state.Board.FindInconsistency());
        Assert.False(state.Undo()); // handicap stones are not moves
        Assert.Equal(4, state.Geometry.Points.Count(p => state.Board[p] == Color.Black));

        // White's first move; undo returns to the handicap position with White to move.
        state.Play(DVertex(state, "K10"));
        Assert.Equal(Color.Black, state.ToMove);
        Assert.True(state.Undo());
        Assert.Equal(Color.White, state.ToMove);
    }

    [Fact]
    public void FreeHandicapAcceptsAnyEmptyPointsIncludingTouchingOnes()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        var points = new[] { "A1", "B1", "J9", "E5", "E6" }.Select(v => BoardDiagram.Vertex(geometry, v)).ToList();
        state.PlaceHandicap(points);
        Assert.Equal(5, state.HandicapStones);
        Assert.Equal(Color.White, state.ToMove);
        Assert.Equal(2, state.Board.ChainSize(points[0]));
        Assert.Equal(2, state.Board.ChainSize(points[3]));
        Assert.Equal(3, state.Board.CountLiberties(points[0]));
        Assert.Null(state.Board.FindInconsistency());
    }

    [Fact]
    public void HandicapNeedsAnEmptyBoardAndDistinctPoints()
    {
        var geometry = BoardGeometry.Get(9);
        var played = new GameState(geometry);
        played.Play(DVertex(played, "E5"));
        Assert.Throws<InvalidOperationException>(() => played.PlaceHandicap([BoardDiagram.Vertex(geometry, "C3")]));

        var twice = new GameState(geometry);
        var c3 = BoardDiagram.Vertex(geometry, "C3");
        Assert.ThrowsAny<ArgumentException>(() => twice.PlaceHandicap([c3, c3]));

        var offBoard = new GameState(geometry);
        Assert.ThrowsAny<ArgumentException>(() => offBoard.PlaceHandicap([new Point(0)]));
    }

    [Fact]
    public void PlaceStonesAddsSetupStonesOfEitherColourAndRestartsHistory()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        state.Play(DVertex(state, "E5"));
        state.PlaceStones([BoardDiagram.Vertex(geometry, "C3"), BoardDiagram.Vertex(geometry, "C4")], Color.White);
        Assert.Empty(state.Moves);
        Assert.False(state.Undo());
        Assert.Equal(Color.White, state.Board[BoardDiagram.Vertex(geometry, "C4")]);
        Assert.Equal(Color.Black, state.Board[BoardDiagram.Vertex(geometry, "E5")]);
        Assert.Throws<ArgumentException>(() => state.PlaceStones([BoardDiagram.Vertex(geometry, "E5")], Color.White));
    }

    [Fact]
    public void PlaceStonesRefusesAStoneLeftWithoutLiberties()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        state.PlaceStones([BoardDiagram.Vertex(geometry, "A8"), BoardDiagram.Vertex(geometry, "B9")], Color.Black);
        Assert.ThrowsAny<ArgumentException>(() => state.PlaceStones([BoardDiagram.Vertex(geometry, "A9")], Color.White));
        Assert.False(state.Board.HasChainWithoutLiberties());
    }

    [Fact]
    public void RefusedSetupLeavesTheBoardExactlyAsItWas()
    {
        var geometry = BoardGeometry.Get(9);
        var state = new GameState(geometry);
        state.PlaceStones([BoardDiagram.Vertex(geometry, "A8"), BoardDiagram.Vertex(geometry, "B9")], Color.Black);
        var before = Reference.StateSnapshot.Of(state);
        // A9 would have no liberty: refused, and the other stone in the same call must not stay behind either.
        Assert.ThrowsAny<ArgumentException>(() =>
            state.PlaceStones([BoardDiagram.Vertex(geometry, "E5"), BoardDiagram.Vertex(geometry, "A9")], Color.White));
        Assert.Equal(before, Reference.StateSnapshot.Of(state));
        Assert.Null(state.Board.FindInconsistency());
        Assert.ThrowsAny<ArgumentException>(() =>
            state.PlaceStones([BoardDiagram.Vertex(geometry, "E5"), BoardDiagram.Vertex(geometry, "E5")], Color.White));
        Assert.Equal(before, Reference.StateSnapshot.Of(state));
    }

    private static Move DVertex(GameState state, string vertex) => BoardDiagram.MoveAt(state, vertex);
}
