using ZeroGo.Go;
using ZeroGo.Gtp.Engine;

namespace ZeroGo.Gtp.Tests;

/// <summary>The engine session: state changes go through it, failures change nothing, the generator is checked.</summary>
public sealed class EngineSessionTests
{
    private sealed class FixedMoveGenerator(Move move) : IMoveGenerator
    {
        public string Name => "fixed";

        public TimeBudget LastBudget { get; private set; }

        public Move GenerateMove(GameState state, Color color, TimeBudget time, CancellationToken cancellation)
        {
            LastBudget = time;
            state.Play(color, Move.Pass); // the generator's copy: playing on it must not touch the session
            return move;
        }
    }

    [Fact]
    public void LoadStateTakesTheGameAndItsRules()
    {
        var session = new EngineSession(new RandomMoveGenerator(1));
        int changes = 0;
        session.Changed += (_, _) => changes++;
        var loaded = new GameState(BoardGeometry.Get(9, 13), new Rules { Komi = 0.5, KoRule = KoRule.Simple });
        loaded.Play(Color.Black, Move.At(loaded.Geometry.PointAt(2, 2)));
        session.LoadState(loaded);
        Assert.Same(loaded, session.State);
        Assert.Equal(0.5, session.Rules.Komi);
        Assert.Equal(KoRule.Simple, session.Rules.KoRule);
        Assert.Equal(1, changes);
        session.ClearBoard();
        Assert.Equal((9, 13), (session.Geometry.Width, session.Geometry.Height));
        Assert.Equal(0.5, session.State.Rules.Komi);
    }

    [Fact]
    public void TheGeneratorWorksOnACopyAndIllegalChoicesAreRefused()
    {
        var session = new EngineSession(new FixedMoveGenerator(Move.Pass), boardSize: 5);
        Assert.Equal(Move.Pass, session.GenerateMove(Color.Black));
        Assert.Single(session.State.Moves); // only the session's own record of the pass

        var point = session.Geometry.PointAt(0, 0);
        session.Play(Color.White, Move.At(point));
        session.MoveGenerator = new FixedMoveGenerator(Move.At(point)); // occupied
        var error = Assert.Throws<InvalidOperationException>(() => session.GenerateMove(Color.Black));
        Assert.Contains("illegal", error.Message);
        Assert.Equal(2, session.State.Moves.Count);
    }

    [Fact]
    public void ResignIsReturnedButNotPlayed()
    {
        var session = new EngineSession(new FixedMoveGenerator(Move.Resign), boardSize: 5);
        Assert.Equal(Move.Resign, session.GenerateMove(Color.White));
        Assert.Empty(session.State.Moves);
    }

    [Fact]
    public void TheGeneratorGetsTheTimeBudgetForItsColour()
    {
        var generator = new FixedMoveGenerator(Move.Pass);
        var session = new EngineSession(generator, boardSize: 9);
        session.SetTimeControl(TimeControl.Canadian(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), 10));
        session.SetTimeLeft(Color.White, new PlayerClock(TimeSpan.FromSeconds(20), 4));
        session.GenerateMove(Color.White);
        Assert.Equal(4, generator.LastBudget.Clock!.Value.StonesLeft);
        Assert.InRange(generator.LastBudget.Suggested!.Value.TotalSeconds, 4, 5);
        session.GenerateMove(Color.Black);
        Assert.Null(generator.LastBudget.Clock);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.SetTimeLeft(Color.Black, new PlayerClock(TimeSpan.FromSeconds(-1), 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => session.SetKomi(double.NaN));
    }
}
