namespace ZeroGo.Search.Tests;

public class ResignationCounterTests
{
    private const int Area = 81;

    [Fact]
    public void ResignsOnTheThirdHopelessMoveInARowPastTheOpening()
    {
        var counter = new ResignationCounter(ResignationRule.Default);
        Assert.False(counter.ShouldResign(30, 0.01, Area));
        Assert.False(counter.ShouldResign(32, 0.02, Area));
        Assert.True(counter.ShouldResign(34, 0.01, Area));
    }

    [Fact]
    public void AHopefulMoveStartsTheCountAgain()
    {
        var counter = new ResignationCounter(ResignationRule.Default);
        Assert.False(counter.ShouldResign(30, 0.01, Area));
        Assert.False(counter.ShouldResign(32, 0.01, Area));
        Assert.False(counter.ShouldResign(34, 0.2, Area));
        Assert.False(counter.ShouldResign(36, 0.01, Area));
        Assert.False(counter.ShouldResign(38, 0.01, Area));
        Assert.True(counter.ShouldResign(40, 0.01, Area));
    }

    [Fact]
    public void NeverInTheOpeningHoweverBadItLooks()
    {
        var counter = new ResignationCounter(ResignationRule.Default);
        int minMoves = ResignationRule.Default.MinMoves(Area);
        Assert.Equal(21, minMoves);
        for (int moves = 1; moves < minMoves; moves += 2)
        {
            Assert.False(counter.ShouldResign(moves, 0.0, Area), $"resigned before move {moves + 1}");
        }

        Assert.True(counter.ShouldResign(minMoves, 0.0, Area));
    }

    [Fact]
    public void AnUndoOrAMoveForTheOtherSideBreaksTheRun()
    {
        var counter = new ResignationCounter(ResignationRule.Default);
        Assert.False(counter.ShouldResign(40, 0.01, Area));
        Assert.False(counter.ShouldResign(42, 0.01, Area));
        Assert.False(counter.ShouldResign(40, 0.01, Area)); // two moves taken back
        Assert.False(counter.ShouldResign(41, 0.01, Area)); // asked to move for the other side
        Assert.False(counter.ShouldResign(43, 0.01, Area));
        Assert.True(counter.ShouldResign(45, 0.01, Area));
    }

    [Fact]
    public void NeverMeansNeverAndUnknownWinRatesDoNotCount()
    {
        var never = new ResignationCounter(ResignationRule.Never);
        var unknown = new ResignationCounter(ResignationRule.Default);
        for (int moves = 40; moves < 80; moves += 2)
        {
            Assert.False(never.ShouldResign(moves, 0.0, Area));
            Assert.False(unknown.ShouldResign(moves, double.NaN, Area));
        }
    }
}
