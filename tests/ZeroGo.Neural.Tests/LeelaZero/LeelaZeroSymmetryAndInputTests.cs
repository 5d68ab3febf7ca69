using ZeroGo.Go;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Search;

namespace ZeroGo.Neural.Tests.LeelaZero;

/// <summary>Leela Zero's coordinates, symmetry numbering and input planes, checked point by point.</summary>
public sealed class LeelaZeroSymmetryAndInputTests
{
    private static readonly BoardGeometry Geometry = BoardGeometry.Get(19);

    [Fact]
    public void NetworkIndexZeroIsA1AtTheBottomLeft()
    {
        // Identity: LZ index y * 19 + x with y counted from the bottom, ZeroGo dense index counted from the top.
        Assert.Equal(18 * 19, LeelaZeroSymmetry.DenseIndexOf(0, 0));
        Assert.Equal(18 * 19 + 18, LeelaZeroSymmetry.DenseIndexOf(0, 18));
        Assert.Equal(0, LeelaZeroSymmetry.DenseIndexOf(0, 18 * 19));
        Assert.Equal(17 * 19 + 3, LeelaZeroSymmetry.DenseIndexOf(0, 1 * 19 + 3));
    }

    [Theory]
    [InlineData(1, 2, 3, 2, 15)]
    [InlineData(2, 2, 3, 16, 3)]
    [InlineData(3, 2, 3, 16, 15)]
    [InlineData(4, 2, 3, 3, 2)]
    [InlineData(5, 2, 3, 3, 16)]
    [InlineData(6, 2, 3, 15, 2)]
    [InlineData(7, 2, 3, 15, 16)]
    public void SymmetriesFollowLeelaZerosBits(int symmetry, int x, int y, int expectedX, int expectedY)
    {
        // Bit 4 swaps x and y, then bit 2 mirrors x, then bit 1 mirrors y (Network::get_symmetry).
        Assert.Equal((expectedX, expectedY), LeelaZeroSymmetry.Apply(symmetry, x, y));
    }

    [Fact]
    public void EverySymmetryIsAPermutationAndTheyAreDistinct()
    {
        var tables = Enumerable.Range(0, 8).Select(s => LeelaZeroSymmetry.NetworkToDenseTable(s).ToArray()).ToArray();
        foreach (var table in tables)
        {
            Assert.Equal(Enumerable.Range(0, 361), table.Order());
        }

        Assert.Equal(8, tables.Select(table => string.Join(',', table)).Distinct().Count());
        Assert.Equal(8, Enumerable.Range(0, 8).Select(LeelaZeroSymmetry.ToBoardTransform).Distinct().Count());
        Assert.Equal(Symmetry.Identity, LeelaZeroSymmetry.ToBoardTransform(0));
    }

    [Fact]
    public void BoardTransformMovesStonesToWhereTheNetworkReadsThem()
    {
        for (int s = 0; s < 8; s++)
        {
            var transform = LeelaZeroSymmetry.ToBoardTransform(s);
            for (int index = 0; index < 361; index++)
            {
                // The stone that symmetry s shows at network index (x, y) must land there after the transform.
                var source = Geometry.FromDense(LeelaZeroSymmetry.DenseIndexOf(s, index));
                var moved = transform.Apply(source, Geometry);
                Assert.Equal(index % 19, Geometry.ColumnOf(moved));
                Assert.Equal(18 - index / 19, Geometry.RowOf(moved));
            }
        }
    }

    [Fact]
    public void PlanesHoldOwnThenOpponentStonesThroughHistoryAndTheSideToMove()
    {
        // Moves: B D4 (col 3, row 15 from top), W Q16 (col 15, row 3), B pass. White to move; history 2 earlier boards.
        var request = new EvaluationRequest(Geometry, 7);
        var d4 = Geometry.PointAt(3, 15);
        var q16 = Geometry.PointAt(15, 3);
        request.Board.Play(d4, Color.Black);
        request.Board.Play(q16, Color.White);
        request.History[0].CopyFrom(request.Board);
        request.History[1].Play(d4, Color.Black);
        request.HistoryCount = 2;
        request.ToMove = Color.White;
        // History beyond HistoryCount must be ignored even if it holds stones.
        request.History[2].Play(Geometry.PointAt(0, 0), Color.White);

        var planes = new float[LeelaZeroInputEncoder.InputSize];
        LeelaZeroInputEncoder.Encode(request, 0, planes);

        int lzD4 = 3 * 19 + 3;
        int lzQ16 = 15 * 19 + 15;
        float At(int plane, int index) => planes[plane * 361 + index];
        // White to move: planes 0..7 are White's stones, 8..15 Black's.
        Assert.Equal(1f, At(0, lzQ16));
        Assert.Equal(1f, At(8, lzD4));
        Assert.Equal(1f, At(1, lzQ16));
        Assert.Equal(1f, At(9, lzD4));
        Assert.Equal(0f, At(2, lzQ16));
        Assert.Equal(1f, At(10, lzD4));
        Assert.All(Enumerable.Range(3, 5), plane => Assert.Equal(0f, planes.AsSpan(plane * 361, 361).ToArray().Sum()));
        Assert.All(Enumerable.Range(11, 5), plane => Assert.Equal(0f, planes.AsSpan(plane * 361, 361).ToArray().Sum()));
        Assert.Equal(0f, planes.AsSpan(16 * 361, 361).ToArray().Sum());
        Assert.Equal(361f, planes.AsSpan(17 * 361, 361).ToArray().Sum());
        Assert.Equal(5f, planes.AsSpan(0, 16 * 361).ToArray().Sum());
    }

    [Fact]
    public void OtherBoardSizesAreRefusedClearly()
    {
        var request = new EvaluationRequest(BoardGeometry.Get(9), 7) { ToMove = Color.Black };
        var error = Assert.Throws<NotSupportedException>(
            () => LeelaZeroInputEncoder.Encode(request, 0, new float[LeelaZeroInputEncoder.InputSize]));
        Assert.Contains("19x19", error.Message);
        Assert.Contains("9x9", error.Message);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("5", 5)]
    [InlineData("average", null)]
    [InlineData("avg", null)]
    public void HeatmapArgumentsFollowLeelaz(string? argument, int? expected)
    {
        Assert.True(LeelaZeroHeatmap.TryParseArgument(argument, out var symmetry, out _));
        Assert.Equal(expected, symmetry);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("-1")]
    [InlineData("all")]
    [InlineData("x")]
    public void BadHeatmapArgumentsAreRefused(string argument)
    {
        Assert.False(LeelaZeroHeatmap.TryParseArgument(argument, out _, out var error));
        Assert.Contains("0..7", error);
    }
}
