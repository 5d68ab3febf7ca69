using ZeroGo.Go;
using ZeroGo.Gtp.Engine;

namespace ZeroGo.Gtp.Tests;

/// <summary>The random baseline: always legal under the full rules, never fills its own eye, uniform, else pass.</summary>
public sealed class RandomMoveGeneratorTests
{
    [Fact]
    public void SelfPlayGamesAreLegalNeverFillOwnEyesAndEndInTwoPasses()
    {
        for (int size = 5; size <= 13; size += 4)
        {
            var generator = new RandomMoveGenerator((ulong)size);
            var state = new GameState(size);
            int moves = 0;
            while (!state.IsOver && moves < 4 * size * size)
            {
                var color = state.ToMove;
                var move = generator.GenerateMove(state.Clone(), color, TimeBudget.Unlimited, CancellationToken.None);
                Assert.False(move.IsResign);
                if (move.IsPlay)
                {
                    Assert.False(state.Board.IsOwnEye(move.Point, color), "filled its own eye");
                }
                else
                {
                    // A pass only when no legal non-eye move exists.
                    Assert.DoesNotContain(state.LegalPoints(color), p => !state.Board.IsOwnEye(p, color));
                }

                Assert.Equal(MoveLegality.Legal, state.TryPlay(color, move));
                moves++;
            }

            Assert.True(state.IsOver, $"a {size}x{size} random game should end in two passes");
        }
    }

    [Fact]
    public void ChoicesAreRoughlyUniform()
    {
        var generator = new RandomMoveGenerator(3);
        var state = new GameState(3);
        var counts = new Dictionary<Point, int>();
        const int draws = 9000;
        for (int i = 0; i < draws; i++)
        {
            var move = generator.GenerateMove(state, Color.Black, TimeBudget.Unlimited, CancellationToken.None);
            counts[move.Point] = counts.GetValueOrDefault(move.Point) + 1;
        }

        Assert.Equal(9, counts.Count);
        // Each point expects 1000 draws; the standard deviation is about 30, so 850..1150 is five sigma.
        Assert.All(counts.Values, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void SuperkoForbiddenMovesAreNeverChosen()
    {
        // A ko where black's retake would repeat the position (positional superko), with nothing else to play.
        var state = new GameState(BoardGeometry.Get(5));
        foreach (var (color, vertex) in new[]
                 {
                     (Color.Black, "B1"), (Color.White, "C1"), (Color.Black, "A2"), (Color.White, "D2"),
                     (Color.Black, "B3"), (Color.White, "C3"), (Color.Black, "C2"), (Color.White, "B2"),
                 })
        {
            Assert.True(Formats.GtpVertex.TryParse(vertex, state.Geometry, out var move));
            state.Play(color, move);
        }

        Assert.True(Formats.GtpVertex.TryParse("C2", state.Geometry, out var retake));
        Assert.Equal(MoveLegality.Ko, state.CheckMove(Color.Black, retake));
        var generator = new RandomMoveGenerator(5);
        for (int i = 0; i < 500; i++)
        {
            var move = generator.GenerateMove(state, Color.Black, TimeBudget.Unlimited, CancellationToken.None);
            Assert.NotEqual(retake, move);
            Assert.True(state.IsLegal(Color.Black, move));
        }
    }

    [Fact]
    public void SameSeedSameGame()
    {
        static List<Move> Play(ulong seed)
        {
            var generator = new RandomMoveGenerator(seed);
            var state = new GameState(9);
            var moves = new List<Move>();
            while (!state.IsOver && moves.Count < 400)
            {
                var move = generator.GenerateMove(state, state.ToMove, TimeBudget.Unlimited, CancellationToken.None);
                state.Play(move);
                moves.Add(move);
            }

            return moves;
        }

        Assert.Equal(Play(42), Play(42));
        Assert.NotEqual(Play(42), Play(43));
    }

    [Fact]
    public void FreeHandicapSpreadsDistinctPointsAwayFromEachOther()
    {
        foreach (var (width, height, stones) in new[] { (19, 19, 13), (9, 9, 12), (5, 5, 4), (9, 13, 6), (2, 2, 3), (25, 25, 624) })
        {
            var geometry = BoardGeometry.Get(width, height);
            var points = FreeHandicap.Choose(geometry, stones);
            Assert.Equal(stones, points.Distinct().Count());
            Assert.All(points, p => Assert.True(geometry.IsOnBoard(p)));
            var state = new GameState(geometry);
            state.PlaceHandicap(points.ToList());
            Assert.False(state.Board.HasChainWithoutLiberties());
        }

        // Four stones on 5x5 (no fixed pattern there) go off the edge, one per quadrant.
        var five = BoardGeometry.Get(5);
        var four = FreeHandicap.Choose(five, 4);
        Assert.All(four, p => Assert.InRange(five.ColumnOf(p), 1, 3));
        Assert.All(four, p => Assert.InRange(five.RowOf(p), 1, 3));
    }

    [Fact]
    public void TimeBudgetPlansSensibly()
    {
        Assert.Null(TimeBudget.Plan(TimeControl.None, null, 361).Suggested);
        var absolute = TimeBudget.Plan(TimeControl.Absolute(TimeSpan.FromMinutes(10)), null, 361).Suggested!.Value;
        Assert.InRange(absolute.TotalSeconds, 1, 10);
        var overtime = TimeBudget.Plan(TimeControl.Canadian(TimeSpan.Zero, TimeSpan.FromSeconds(60), 10),
            new PlayerClock(TimeSpan.FromSeconds(30), 5), 200).Suggested!.Value;
        Assert.InRange(overtime.TotalSeconds, 5, 6);
    }
}
