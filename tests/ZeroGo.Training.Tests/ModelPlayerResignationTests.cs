using ZeroGo.Go;
using ZeroGo.Search;
using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Tests;

/// <summary>The arena's network player gives a game up by the engine's <see cref="ResignationRule"/>, not one search's reading.</summary>
public sealed class ModelPlayerResignationTests
{
    /// <summary>Every position is lost for Black (value −0.98 for Black to move, +0.98 for White); uniform policy off pass.</summary>
    private sealed class LostForBlackEvaluator : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "lost for black";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int r = 0; r < requests.Count; r++)
            {
                var result = results[r];
                UniformEvaluator.FillUniformPolicy(requests[r].LegalMask, result.Policy);
                result.Policy[^1] = 0;
                result.ValueForSideToMove = requests[r].ToMove == Color.Black ? -0.98f : 0.98f;
                result.DrawProbability = 0;
                result.ScoreLeadForSideToMove = 0;
                result.HasOwnership = false;
            }
        }
    }

    [Fact]
    public void A_lost_side_resigns_on_its_third_hopeless_move_past_the_opening_and_never_before()
    {
        using var player = new ModelPlayer("lost", new LostForBlackEvaluator(), visits: 16, seed: 1);
        var state = new GameState(9, new Rules { Komi = 7.5 });
        player.NewGame(state.Clone());
        var blackMoves = new List<Move>();
        while (blackMoves.Count < 40 && !(blackMoves.Count > 0 && blackMoves[^1].IsResign))
        {
            var move = state.ToMove == Color.Black ? player.GenerateMove(state).Move : FirstEmptyOnTheEdge(state);
            if (state.ToMove == Color.Black)
            {
                blackMoves.Add(move);
            }

            if (!move.IsResign)
            {
                Assert.Equal(MoveLegality.Legal, state.TryPlay(move));
            }
        }

        // Hopeless from its first move, but a quarter of 81 points is 21 moves: Black's 11th move comes after 20
        // and is played; its 12th, after 22, is the resignation.
        Assert.True(blackMoves[^1].IsResign, "Black never resigned");
        Assert.Equal(12, blackMoves.Count);
        Assert.Equal(22, state.Moves.Count);

        // A new game starts the count again.
        player.NewGame(new GameState(9, new Rules { Komi = 7.5 }));
        var fresh = new GameState(9, new Rules { Komi = 7.5 });
        Assert.False(player.GenerateMove(fresh).Move.IsResign);
    }

    private static Move FirstEmptyOnTheEdge(GameState state)
    {
        foreach (var point in state.Geometry.Points)
        {
            if (state.Board[point] == Color.Empty && state.IsLegal(state.ToMove, Move.At(point)))
            {
                return Move.At(point);
            }
        }

        return Move.Pass;
    }
}
