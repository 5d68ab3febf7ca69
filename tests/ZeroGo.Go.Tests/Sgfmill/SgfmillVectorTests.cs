using ZeroGo.Formats;
using ZeroGo.Go;

namespace ZeroGo.Go.Tests.Sgfmill;

/// <summary>Every case of sgfmill's board test data, one test per case (see <see cref="SgfmillVectors"/>).</summary>
public class SgfmillVectorTests
{
    public static TheoryData<string> PlayCodes => SgfmillVectors.Codes(v => v.PlayTests.Select(c => c.Code));

    public static TheoryData<string> ScoreCodes => SgfmillVectors.Codes(v => v.ScoreTests.Select(c => c.Code));

    public static TheoryData<string> SetupCodes => SgfmillVectors.Codes(v => v.SetupTests.Select(c => c.Code));

    [SkippableFact]
    public void TheFileHoldsEveryCaseTheReadmePromises()
    {
        var vectors = SgfmillVectors.Require();
        Assert.Equal(16, vectors.PlayTests.Count);
        Assert.Equal(5, vectors.ScoreTests.Count);
        Assert.Equal(3, vectors.SetupTests.Count);
        var scores = vectors.ScoreTests.ToDictionary(c => c.Code, c => c.ExpectedAreaScoreBMinusW);
        Assert.Equal(new Dictionary<string, int> { ["empty"] = 0, ["onestone"] = 81, ["easy"] = -9, ["spoilt"] = 28, ["busy"] = -26 }, scores);
    }

    /// <summary>
    /// Moves go through <see cref="GameState.PlayUnchecked"/>: it takes the colour given (no alternation), skips ko
    /// checks (sgfmill ignores ko) and lets the board resolve self-capture, exactly sgfmill's model.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(PlayCodes))]
    public void PlayCase(string code)
    {
        var testCase = SgfmillVectors.Require().PlayTests.Single(c => c.Code == code);
        var (geometry, _) = SgfmillDiagram.Parse(testCase.ExpectedDiagram);
        var state = new GameState(geometry, Rules.TrompTaylor with { Komi = 0 });
        foreach (var text in testCase.Moves)
        {
            var parts = text.Split(' ');
            var color = parts[0] switch
            {
                "B" => Color.Black,
                "W" => Color.White,
                _ => throw new InvalidDataException($"bad move '{text}'"),
            };
            state.PlayUnchecked(color, Move.At(SgfmillDiagram.Vertex(parts[1], geometry)));
            Assert.Null(state.Board.FindInconsistency());
        }

        Assert.Equal(testCase.ExpectedDiagram, SgfmillDiagram.Render(state.Board));
        var ko = state.Board.KoPoint.IsNone ? null : GtpVertex.Format(state.Board.KoPoint, geometry);
        Assert.Equal(testCase.ExpectedSimpleKoPoint, ko);
        var (black, white) = state.AreaScore();
        Assert.Equal(testCase.ExpectedAreaScoreBMinusW, black - white);
        Assert.Equal(testCase.ExpectedAreaScoreBMinusW, state.ScoreForBlack());
    }

    [SkippableTheory]
    [MemberData(nameof(ScoreCodes))]
    public void ScoreCase(string code)
    {
        var testCase = SgfmillVectors.Require().ScoreTests.Single(c => c.Code == code);
        var (geometry, stones) = SgfmillDiagram.Parse(testCase.Diagram);
        var state = new GameState(geometry, Rules.Default with { Komi = 0 });
        state.ApplySetup(
            stones.Where(s => s.Value == Color.Black).Select(s => s.Key),
            stones.Where(s => s.Value == Color.White).Select(s => s.Key),
            []);
        Assert.Equal(testCase.Diagram, SgfmillDiagram.Render(state.Board));
        var (black, white) = state.AreaScore();
        Assert.Equal(testCase.ExpectedAreaScoreBMinusW, black - white);
        Assert.Equal(testCase.ExpectedAreaScoreBMinusW, state.ScoreForBlack());
    }

    /// <summary>
    /// ZeroGo keeps setup stones as given and reports chains without liberties; sgfmill removes them and says the
    /// position was illegal. The test checks the report, then removes such chains itself to compare diagrams.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(SetupCodes))]
    public void SetupCase(string code)
    {
        var testCase = SgfmillVectors.Require().SetupTests.Single(c => c.Code == code);
        var (geometry, _) = SgfmillDiagram.Parse(testCase.ExpectedDiagram);
        var state = new GameState(geometry);
        state.ApplySetup(
            testCase.Black.Select(v => SgfmillDiagram.Vertex(v, geometry)),
            testCase.White.Select(v => SgfmillDiagram.Vertex(v, geometry)),
            testCase.Empty.Select(v => SgfmillDiagram.Vertex(v, geometry)));
        var board = state.Board;
        Assert.Equal(testCase.ExpectedIsLegal, !board.HasChainWithoutLiberties());

        var withoutLiberties = geometry.Points
            .Where(p => board[p].IsPlayer() && board.CountLiberties(p) == 0)
            .ToList();
        Assert.Equal(testCase.ExpectedIsLegal, withoutLiberties.Count == 0);
        foreach (var point in withoutLiberties)
        {
            board.RemoveSetupStone(point);
        }

        Assert.Equal(testCase.ExpectedDiagram, SgfmillDiagram.Render(board));
        Assert.Null(board.FindInconsistency());
    }
}
