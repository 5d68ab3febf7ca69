using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>The 8 board symmetries: round trips, rectangles, planes, the group they form, and that Go is invariant under them.</summary>
public class SymmetryTests
{
    [Fact]
    public void InverseUndoesApplyOnEveryPointOfEverySquareBoard()
    {
        for (int size = BoardGeometry.MinSize; size <= BoardGeometry.MaxSize; size++)
        {
            var g = BoardGeometry.Get(size);
            Assert.Equal(8, Symmetry.For(g).Count());
            foreach (var s in Symmetry.All)
            {
                var images = new HashSet<Point>();
                foreach (var p in g.Points)
                {
                    var image = s.Apply(p, g);
                    Assert.True(g.IsOnBoard(image));
                    images.Add(image);
                    Assert.Equal(p, s.Inverse.Apply(image, g));
                    Assert.Equal(p, s.Apply(s.Inverse.Apply(p, g), g));
                }

                Assert.Equal(g.Area, images.Count); // a bijection
            }
        }
    }

    [Theory]
    [InlineData(9, 17)]
    [InlineData(17, 3)]
    [InlineData(2, 5)]
    [InlineData(25, 24)]
    public void OnRectanglesTheFourNonTransposingSymmetriesMapTheBoardOntoItself(int width, int height)
    {
        var g = BoardGeometry.Get(width, height);
        var kept = Symmetry.For(g).ToList();
        Assert.Equal(4, kept.Count);
        Assert.All(kept, s => Assert.False(s.Transposes));
        foreach (var s in kept)
        {
            var images = new HashSet<Point>();
            foreach (var p in g.Points)
            {
                var image = s.Apply(p, g);
                images.Add(image);
                Assert.Equal(p, s.Inverse.Apply(image, g));
            }

            Assert.Equal(g.Area, images.Count);
        }

        // The transposing four map a width x height board onto height x width, and their inverses map it back.
        foreach (var s in Symmetry.All.Where(s => s.Transposes))
        {
            for (int row = 0; row < height; row++)
            {
                for (int column = 0; column < width; column++)
                {
                    var (c, r) = s.Apply(column, row, width, height);
                    Assert.InRange(c, 0, height - 1);
                    Assert.InRange(r, 0, width - 1);
                    Assert.Equal((column, row), s.Inverse.Apply(c, r, height, width));
                }
            }
        }
    }

    [Fact]
    public void TheEightSymmetriesAreDistinctAndClosedUnderComposition()
    {
        var g = BoardGeometry.Get(5);
        var maps = Symmetry.All.ToDictionary(s => s, s => Map(s, g));
        Assert.Equal(8, maps.Values.Select(m => string.Join(',', m)).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, g.Area), maps[Symmetry.Identity]);
        Assert.Equal(0, Symmetry.Identity.Id);

        foreach (var a in Symmetry.All)
        {
            Assert.Contains(a.Inverse, Symmetry.All);
            foreach (var b in Symmetry.All)
            {
                // b after a is again one of the eight.
                var composed = Enumerable.Range(0, g.Area).Select(i => maps[b][maps[a][i]]).ToArray();
                Assert.Single(Symmetry.All, c => maps[c].SequenceEqual(composed));
            }

            var roundTrip = Enumerable.Range(0, g.Area).Select(i => maps[a.Inverse][maps[a][i]]);
            Assert.Equal(Enumerable.Range(0, g.Area), roundTrip);
        }
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(19, 19)]
    [InlineData(9, 17)]
    [InlineData(17, 3)]
    public void ApplyToPlaneMovesEachValueToItsPointsImage(int width, int height)
    {
        var source = Enumerable.Range(0, width * height).Select(i => (float)i * 3 + 1).ToArray();
        foreach (var s in Symmetry.All)
        {
            int outWidth = s.Transposes ? height : width;
            var destination = new float[width * height];
            s.ApplyToPlane<float>(source, destination, width, height);
            for (int row = 0; row < height; row++)
            {
                for (int column = 0; column < width; column++)
                {
                    var (c, r) = s.Apply(column, row, width, height);
                    Assert.Equal(source[row * width + column], destination[r * outWidth + c]);
                }
            }

            // Mapping the result back with the inverse gives the original plane.
            var back = new float[width * height];
            s.Inverse.ApplyToPlane<float>(destination, back, s.Transposes ? height : width, s.Transposes ? width : height);
            Assert.Equal(source, back);
        }
    }

    /// <summary>
    /// Go does not care about orientation: replaying a random game through a symmetry gives the mapped position,
    /// the same captures, and the mapped set of legal points at every step.
    /// </summary>
    [Theory]
    [InlineData(9, 9, 11)]
    [InlineData(7, 5, 12)]
    [InlineData(4, 4, 13)]
    public void GamesAreInvariantUnderEverySymmetryThatKeepsTheShape(int width, int height, int seed)
    {
        var g = BoardGeometry.Get(width, height);
        var random = new Random(seed);
        var original = new GameState(g);
        var mapped = Symmetry.For(g).ToDictionary(s => s, _ => new GameState(g));
        for (int ply = 0; ply < g.Area * 2 && !original.IsOver; ply++)
        {
            var legal = original.LegalPoints(original.ToMove);
            foreach (var (s, state) in mapped)
            {
                var expected = legal.Select(p => s.Apply(p, g)).OrderBy(p => p.Index);
                Assert.Equal(expected, state.LegalPoints(state.ToMove).OrderBy(p => p.Index));
            }

            var move = legal.Count == 0 || random.Next(20) == 0 ? Move.Pass : Move.At(legal[random.Next(legal.Count)]);
            original.Play(move);
            foreach (var (s, state) in mapped)
            {
                state.Play(move.IsPass ? Move.Pass : Move.At(s.Apply(move.Point, g)));
                Assert.All(g.Points, p => Assert.Equal(original.Board[p], state.Board[s.Apply(p, g)]));
                Assert.Equal(original.Board.BlackCaptures, state.Board.BlackCaptures);
                Assert.Equal(original.Board.WhiteCaptures, state.Board.WhiteCaptures);
                Assert.Equal(original.AreaScore(), state.AreaScore());
            }
        }
    }

    private static int[] Map(Symmetry s, BoardGeometry g) =>
        g.Points.Select(p => g.DenseIndex(s.Apply(p, g))).ToArray();
}
