using ZeroGo.Cli.Engine;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Go;

namespace ZeroGo.Cli.Tests;

/// <summary>The engine behind play, replay, render and the arena's <c>level:</c> players, and what <c>--engine</c> accepts.</summary>
public class DesktopEngineTests
{
    [Theory]
    [InlineData(9, 800)]
    [InlineData(7, 800)]
    [InlineData(13, 400)]
    [InlineData(19, 250)]
    public void FullStrengthVisitsShrinkWithTheBoard(int size, int visits) =>
        Assert.Equal(visits, DesktopEngine.DefaultVisits(size));

    [Theory]
    [InlineData("auto", null, null)]
    [InlineData("Network", "m.json", null)]
    [InlineData("search", null, null)]
    [InlineData(" rollouts ", null, null)]
    [InlineData("flat", "m.json", "--model needs --engine network or auto (got --engine flat)")]
    [InlineData("playouts", "m.json", "--model needs --engine network or auto (got --engine playouts)")]
    [InlineData("alphago", null, "--engine must be auto, network, playouts or flat (got 'alphago')")]
    public void EngineChoiceTakesOlderNamesAndRefusesAModelWithoutANetwork(string engine, string? model, string? error) =>
        Assert.Equal(error, EngineChoice.Check(engine, model));

    [Fact]
    public void FlatIsMonteCarloAndPlayoutsIsTheRolloutSearchWithoutLayersOrOwnership()
    {
        using var flat = DesktopEngine.Create("flat", null, BoardGeometry.Get(9), threads: 1);
        Assert.IsType<MonteCarloAnalysis>(flat.Source);
        Assert.Null(flat.Layers);
        Assert.Null(flat.Ownership);

        using var playouts = DesktopEngine.Create("rollouts", null, BoardGeometry.Get(9), threads: 1);
        Assert.Equal("MCTS + random rollouts", playouts.Source.Name);
        Assert.Null(playouts.Layers);
    }

    [Fact]
    public void AutoWithoutAnyNetworkFallsBackToPlayoutsButNetworkRefuses()
    {
        using var emptyModels = new TempFolder();
        using var auto = DesktopEngine.Create("auto", null, BoardGeometry.Get(9), threads: 1, emptyModels.Path);
        Assert.Equal("MCTS + random rollouts", auto.Source.Name);

        var error = Assert.Throws<InvalidOperationException>(() => DesktopEngine.Create("network", null, BoardGeometry.Get(9), 1, emptyModels.Path));
        Assert.Contains("no bundled network", error.Message);
    }

    [Fact]
    public void AModelBecomesANetworkEngineWithLayersAndALeelaZeroFileRefusesOtherBoardSizes()
    {
        using var folder = new TempFolder();
        var model = EngineFixtures.WriteZeroGoModel(folder.File("tiny"), "9x9");
        using (var engine = DesktopEngine.Create("auto", model, BoardGeometry.Get(9), threads: 1, folder.Path))
        {
            Assert.NotNull(engine.Layers);
            Assert.NotNull(engine.Owner);
        }

        var leelaZero = EngineFixtures.WriteLeelaZeroFile(folder.File("lz.txt"));
        var error = Assert.Throws<InvalidOperationException>(() => DesktopEngine.Create("network", leelaZero, BoardGeometry.Get(9), 1, folder.Path));
        Assert.Contains("19x19 only", error.Message);
    }
}
