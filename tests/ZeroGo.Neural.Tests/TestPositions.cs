using ZeroGo.Go;
using ZeroGo.Neural.Features;
using ZeroGo.Search;

namespace ZeroGo.Neural.Tests;

/// <summary>Small networks and reproducible game positions for the tests.</summary>
internal static class TestPositions
{
    /// <summary>Three blocks (two with global pooling) of 16 channels: every code path, fast on a CPU.</summary>
    public static NetworkConfig SmallConfig { get; } = new()
    {
        Blocks = 3, Channels = 16, GlobalPoolingEvery = 2, PolicyChannels = 8, ValueChannels = 8, ValueHidden = 16,
    };

    public static PolicyValueNetwork SmallNetwork(long seed = 1) => PolicyValueNetwork.Create(SmallConfig, seed: seed);

    /// <summary>A game of <paramref name="moves"/> random legal moves (no passes), the moves played returned too.</summary>
    public static (GameState Game, List<Move> Moves) RandomGame(int width, int height, int moves, int seed)
    {
        var game = new GameState(BoardGeometry.Get(width, height));
        var random = new Random(seed);
        var played = new List<Move>();
        for (int i = 0; i < moves; i++)
        {
            var legal = game.LegalPoints(game.ToMove);
            if (legal.Count == 0)
            {
                break;
            }

            var move = Move.At(legal[random.Next(legal.Count)]);
            game.Play(move);
            played.Add(move);
        }

        return (game, played);
    }

    /// <summary>The same moves seen through <paramref name="symmetry"/> (the board must keep its shape).</summary>
    public static GameState Transformed(BoardGeometry geometry, IEnumerable<Move> moves, Symmetry symmetry, Rules? rules = null)
    {
        var game = new GameState(geometry, rules);
        foreach (var move in moves)
        {
            game.Play(move.IsPlay ? Move.At(symmetry.Apply(move.Point, geometry)) : move);
        }

        return game;
    }

    public static EvaluationRequest Request(GameState game) => GameStateRequests.Create(game);

    public static Evaluation Evaluate(IEvaluator evaluator, EvaluationRequest request)
    {
        var result = new Evaluation(request.Geometry);
        evaluator.Evaluate([request], [result]);
        return result;
    }
}
