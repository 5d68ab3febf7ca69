using ZeroGo.Go;
using ZeroGo.Search;
using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Tests;

/// <summary>The arena's network player gives a game up by the engine's <see cref="ResignationRule"/>, not one search's reading.</summary>
public sealed class ModelPlayerResignationTests
{
    /// <summary>
    /// Lost for Black once the board holds <see cref="HopelessFrom"/> stones (value −0.98 for Black to move, +0.98
    /// for White), even before; uniform policy off pass.
    /// </summary>
    private sealed class LostForBlackLateEvaluator : IEvaluator
    {
        public const int HopelessFrom = 30;

        public int HistoryLength => 0;

        public string Name => "lost for black from move 30";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int r = 0; r < requests.Count; r++)
            {
                var request = requests[r];
                var result = results[r];
                UniformEvaluator.FillUniformPolicy(request.LegalMask, result.Policy);
                result.Policy[^1] = 0;
                bool lost = request.Geometry.Area - request.Board.EmptyCount >= HopelessFrom;
                float blackValue = lost ? -0.98f : 0;
                result.ValueForSideToMove = request.ToMove == Color.Black ? blackValue : -blackValue;
                result.DrawProbability = 0;
                result.ScoreLeadForSideToMove = 0;
                result.HasOwnership = false;
            }
        }
    }

    [Fact]
    public void A_lost_side_resigns_on_its_third_hopeless_move_in_a_row_and_a_new_game_starts_the_count_again()
    {
        using var player = new ModelPlayer("lost", new LostForBlackLateEvaluator(), visits: 16, seed: 1);
        var state = new GameState(9, new Rules { Komi = 7.5 });
        player.NewGame(state.Clone());

        // Black plays on while its win rate is even, then through two hopeless moves.
        int hopeless = PlayUntilHopelessMoves(player, state, 2);
        Assert.True(state.Moves.Count >= 24, $"hopeless from move {state.Moves.Count}: the test wants it past the opening (21 moves)");

        // A new game (here from the same position, so the move numbers would extend the streak) starts the count
        // again: its first hopeless move is not the third in a row.
        player.NewGame(state.Clone());
        Assert.False(Play(player, state).IsResign, "resigned at once after a new game");
        PlayWhite(state);
        Assert.False(Play(player, state).IsResign, "resigned on the second hopeless move");
        PlayWhite(state);
        var third = player.GenerateMove(state);
        Assert.True(third.Move.IsResign, $"did not resign on the third hopeless move in a row ({third.Comment})");
        Assert.Equal(2, hopeless);
    }

    /// <summary>Plays (Black by the player, White on the first empty point) until Black has made <paramref name="count"/> moves below 3 %.</summary>
    private static int PlayUntilHopelessMoves(ModelPlayer player, GameState state, int count)
    {
        int hopeless = 0;
        while (hopeless < count)
        {
            Assert.True(state.Moves.Count < 60, "Black never became hopeless");
            var choice = player.GenerateMove(state);
            Assert.False(choice.Move.IsResign, $"resigned at move {state.Moves.Count + 1} after {hopeless} hopeless moves ({choice.Comment})");
            hopeless = WinRate(choice.Comment) < 3 ? hopeless + 1 : 0;
            Assert.Equal(MoveLegality.Legal, state.TryPlay(choice.Move));
            PlayWhite(state);
        }

        return hopeless;
    }

    private static Move Play(ModelPlayer player, GameState state)
    {
        var choice = player.GenerateMove(state);
        Assert.True(WinRate(choice.Comment) < 3, $"Black was not hopeless here ({choice.Comment})");
        if (!choice.Move.IsResign)
        {
            Assert.Equal(MoveLegality.Legal, state.TryPlay(choice.Move));
        }

        return choice.Move;
    }

    /// <summary>The mover's win rate in percent from the move's comment ("B win rate 1.0%, 16 visits").</summary>
    private static double WinRate(string? comment)
    {
        var match = System.Text.RegularExpressions.Regex.Match(comment ?? "", @"win rate ([0-9.]+)%");
        Assert.True(match.Success, $"no win rate in '{comment}'");
        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void PlayWhite(GameState state)
    {
        foreach (var point in state.Geometry.Points)
        {
            if (state.Board[point] == Color.Empty && state.IsLegal(state.ToMove, Move.At(point)))
            {
                Assert.Equal(MoveLegality.Legal, state.TryPlay(Move.At(point)));
                return;
            }
        }

        state.TryPlay(Move.Pass);
    }
}
