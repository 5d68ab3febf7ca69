using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Neural.Features;
using ZeroGo.Search;
using ZeroGo.Testing;

namespace ZeroGo.Neural.Tests;

/// <summary>Features and evaluations on positions from real games (shared test data; skipped where absent).</summary>
public class RealGameTests
{
    [SkippableFact]
    public void FeaturesOfAlphaGoMove37MatchTheBoard()
    {
        string path = TestData.RequireShared("games/alphago_lee_sedol/LS_vs_AG_G2.sgf");
        var game = SgfGame.Load(path).StateBeforeMove(37).State;
        Assert.Equal(Color.Black, game.ToMove);
        var request = GameStateRequests.Create(game);
        var encoded = new EncodedPosition();
        FeatureEncoder.Encode(request, Symmetry.Identity, encoded);

        int own = 0, opponent = 0, liberties = 0, illegalEmpty = 0, legalEmpty = 0;
        var geometry = game.Geometry;
        foreach (var point in geometry.Points)
        {
            int column = geometry.ColumnOf(point), row = geometry.RowOf(point);
            own += (int)encoded[FeatureEncoder.OwnStonesPlane, column, row];
            opponent += (int)encoded[FeatureEncoder.OpponentStonesPlane, column, row];
            float libertySum = encoded[FeatureEncoder.OneLibertyPlane, column, row] + encoded[FeatureEncoder.TwoLibertiesPlane, column, row]
                + encoded[FeatureEncoder.ThreeOrMoreLibertiesPlane, column, row];
            Assert.Equal(game.Board[point] == Color.Empty ? 0f : 1f, libertySum);
            liberties += (int)libertySum;
            if (game.Board[point] == Color.Empty)
            {
                bool legal = game.IsLegal(Color.Black, Move.At(point));
                Assert.Equal(legal ? 0f : 1f, encoded[FeatureEncoder.IllegalPlane, column, row]);
                (legal ? ref legalEmpty : ref illegalEmpty)++;
            }
        }

        Assert.Equal(geometry.Points.Count(p => game.Board[p] == Color.Black), own);
        Assert.Equal(geometry.Points.Count(p => game.Board[p] == Color.White), opponent);
        Assert.Equal(own + opponent, liberties);
        Assert.True(legalEmpty > 250);
        // Move 36 was White's Q11 (SGF "pi"): the last-move plane marks it and nothing else.
        var q11 = SgfCoordinatesPoint(geometry, "pi");
        Assert.Equal(1f, encoded[FeatureEncoder.FirstRecentMovePlane, geometry.ColumnOf(q11), geometry.RowOf(q11)]);
        Assert.Equal(1, Enumerable.Range(0, geometry.Area).Count(i => encoded.Spatial[FeatureEncoder.FirstRecentMovePlane * geometry.Area + i] != 0));
    }

    [SkippableFact]
    public void EveryPositionOfARealGameGetsAValidEvaluation()
    {
        string path = TestData.RequireShared("games/alphago_lee_sedol/LS_vs_AG_G2.sgf");
        var final = SgfGame.Load(path).FinalState().State;
        using var network = TestPositions.SmallNetwork(seed: 12);
        using var evaluator = new BatchingEvaluator(network, new EvaluatorOptions { Precision = Precision.BFloat16, Threads = 1 });
        var game = new GameState(final.Geometry, final.Rules);
        var requests = new List<EvaluationRequest>();
        foreach (var (index, played) in final.Moves.Index())
        {
            if (index % 7 == 0 || played.Move.IsPass)
            {
                requests.Add(GameStateRequests.Create(game));
            }

            game.Play(played.Color, played.Move);
        }

        Assert.True(requests.Count >= 30);
        var results = requests.Select(r => new Evaluation(r.Geometry)).ToArray();
        evaluator.Evaluate(requests, results);
        for (int i = 0; i < requests.Count; i++)
        {
            Assert.Equal(1.0, results[i].Policy.Sum(), 3);
            Assert.All(Enumerable.Range(0, results[i].Policy.Length).Where(m => !requests[i].LegalMask[m]),
                m => Assert.Equal(0f, results[i].Policy[m]));
            Assert.InRange(results[i].ValueForSideToMove, -1f, 1f);
            Assert.All(results[i].Ownership, o => Assert.InRange(o, -1f, 1f));
        }
    }

    private static Point SgfCoordinatesPoint(BoardGeometry geometry, string sgf)
    {
        Assert.True(SgfCoordinates.TryParse(sgf, out int column, out int row));
        return geometry.PointAt(column, row);
    }
}
