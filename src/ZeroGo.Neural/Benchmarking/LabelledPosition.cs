using ZeroGo.Go;
using ZeroGo.Neural.Features;

namespace ZeroGo.Neural.Benchmarking;

/// <summary>
/// An encoded position with the move played next (index into the position's own Width x Height plane, pass =
/// Area) and the game's outcome for the side to move (+1 win, -1 loss, 0 draw or unknown).
/// </summary>
public sealed record LabelledPosition(EncodedPosition Features, int NextMove, int Outcome)
{
    /// <summary>Every position of a game before each of its moves, labelled with that move and the final result.</summary>
    public static IEnumerable<LabelledPosition> FromGame(GameState final, Color? winner)
    {
        var geometry = final.Geometry;
        var game = new GameState(geometry, final.Rules);
        foreach (var played in final.Moves)
        {
            if (played.Color != game.ToMove)
            {
                game.SetToMove(played.Color);
            }

            var features = new EncodedPosition();
            FeatureEncoder.Encode(GameStateRequests.Create(game), Symmetry.Identity, features);
            int next = played.Move.IsPlay ? geometry.DenseIndex(played.Move.Point) : geometry.Area;
            int outcome = winner is null ? 0 : winner == played.Color ? 1 : -1;
            yield return new LabelledPosition(features, next, outcome);
            if (game.TryPlay(played.Color, played.Move) != MoveLegality.Legal)
            {
                yield break;
            }
        }
    }
}
