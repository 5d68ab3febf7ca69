using ZeroGo.Go;
using ZeroGo.Neural.Features;

namespace ZeroGo.Neural.Tests;

public class FeatureEncoderTests
{
    private static Point P(BoardGeometry g, int column, int row) => g.PointAt(column, row);

    [Fact]
    public void PlanesDescribeStonesLibertiesKoAndRecentMovesFromTheSideToMove()
    {
        // A ko on a 5x5 board:    . B W . .
        //                        B W . W .   White's stone at (1,1) has just taken a black stone at (2,1).
        //                        . B W . .
        var geometry = BoardGeometry.Get(5);
        var game = new GameState(geometry, Rules.Default with { Komi = 6.5 });
        foreach (var (c, r, color) in new[] { (1, 0, Color.Black), (2, 0, Color.White), (0, 1, Color.Black), (3, 1, Color.White),
                     (1, 2, Color.Black), (2, 2, Color.White), (2, 1, Color.Black) })
        {
            game.Play(color, Move.At(P(geometry, c, r)));
        }

        // White captures the black stone at (2,1) by playing (1,1): ko, Black may not retake at (2,1) at once.
        game.Play(Color.White, Move.At(P(geometry, 1, 1)));
        Assert.Equal(Color.Black, game.ToMove);
        var request = TestPositions.Request(game);
        var encoded = new EncodedPosition();
        FeatureEncoder.Encode(request, Symmetry.Identity, encoded);

        Assert.Equal(5, encoded.Width);
        Assert.Equal(5, encoded.Height);
        for (int row = 0; row < 5; row++)
        {
            for (int column = 0; column < 5; column++)
            {
                Assert.Equal(1f, encoded[FeatureEncoder.OnBoardPlane, column, row]);
                var color = game.Board.ColorAt(column, row);
                Assert.Equal(color == Color.Black ? 1f : 0f, encoded[FeatureEncoder.OwnStonesPlane, column, row]);
                Assert.Equal(color == Color.White ? 1f : 0f, encoded[FeatureEncoder.OpponentStonesPlane, column, row]);
            }
        }

        // The white stone that captured is in atari (only liberty: the ko point); (3,1) has 3 liberties.
        Assert.Equal(1f, encoded[FeatureEncoder.OneLibertyPlane, 1, 1]);
        Assert.Equal(1f, encoded[FeatureEncoder.ThreeOrMoreLibertiesPlane, 3, 1]);
        Assert.Equal(0f, encoded[FeatureEncoder.OneLibertyPlane, 3, 1]);
        // Ko point illegal for Black; other empty points legal.
        Assert.Equal(1f, encoded[FeatureEncoder.IllegalPlane, 2, 1]);
        Assert.Equal(0f, encoded[FeatureEncoder.IllegalPlane, 4, 4]);
        Assert.Equal(1f, encoded[FeatureEncoder.FirstRecentMovePlane, 1, 1]);
        Assert.Equal(1f, encoded[FeatureEncoder.FirstRecentMovePlane + 1, 2, 1]);
        Assert.Equal(0f, encoded[FeatureEncoder.FirstRecentMovePlane, 2, 1]);
        // Black to move: komi counts against the side to move.
        Assert.Equal(-6.5f / FeatureEncoder.KomiScale, encoded.Global[FeatureEncoder.KomiFeature], 5);
        Assert.Equal(1f, encoded.Global[FeatureEncoder.PositionalSuperkoFeature]);
        Assert.Equal(0f, encoded.Global[FeatureEncoder.SuicideAllowedFeature]);
        Assert.Equal(0f, encoded.Global[FeatureEncoder.FirstRecentPassFeature]);
    }

    [Fact]
    public void PassesAndWhiteToMoveShowInTheScalars()
    {
        var game = new GameState(BoardGeometry.Get(9), Rules.TrompTaylor with { Komi = 7.5, KoRule = KoRule.Simple });
        game.Play(Move.At(game.Geometry.PointAt(4, 4)));
        game.Play(Move.Pass);
        game.Play(Move.Pass);
        Assert.Equal(Color.White, game.ToMove);
        var encoded = new EncodedPosition();
        FeatureEncoder.Encode(TestPositions.Request(game), Symmetry.Identity, encoded);
        Assert.Equal(7.5f / FeatureEncoder.KomiScale, encoded.Global[FeatureEncoder.KomiFeature], 5);
        Assert.Equal(1f, encoded.Global[FeatureEncoder.FirstRecentPassFeature]);
        Assert.Equal(1f, encoded.Global[FeatureEncoder.FirstRecentPassFeature + 1]);
        Assert.Equal(0f, encoded.Global[FeatureEncoder.FirstRecentPassFeature + 2]);
        Assert.Equal(1f, encoded[FeatureEncoder.FirstRecentMovePlane + 2, 4, 4]);
        Assert.Equal(1f, encoded.Global[FeatureEncoder.SimpleKoFeature]);
        Assert.Equal(1f, encoded.Global[FeatureEncoder.SuicideAllowedFeature]);
        // White to move: the black stone is the opponent's.
        Assert.Equal(1f, encoded[FeatureEncoder.OpponentStonesPlane, 4, 4]);
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(7, 11)]
    public void EncodingThroughASymmetryEqualsEncodingTheTransformedGame(int width, int height)
    {
        var geometry = BoardGeometry.Get(width, height);
        var (game, moves) = TestPositions.RandomGame(width, height, 30, seed: 5);
        foreach (var symmetry in Symmetry.For(geometry))
        {
            var viaEncoder = new EncodedPosition();
            FeatureEncoder.Encode(TestPositions.Request(game), symmetry, viaEncoder);
            var direct = new EncodedPosition();
            FeatureEncoder.Encode(TestPositions.Request(TestPositions.Transformed(geometry, moves, symmetry)), Symmetry.Identity, direct);
            Assert.Equal(direct.Width, viaEncoder.Width);
            Assert.Equal(direct.Spatial, viaEncoder.Spatial);
            Assert.Equal(direct.Global, viaEncoder.Global);
        }
    }

    [Fact]
    public void PlaneNamesCoverEveryPlane()
    {
        Assert.Equal(FeatureEncoder.SpatialPlanes, FeatureEncoder.PlaneNames.Count);
        Assert.Equal(FeatureEncoder.GlobalFeatures, FeatureEncoder.GlobalFeatureNames.Count);
    }
}
