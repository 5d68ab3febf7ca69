using ZeroGo.Go;

namespace ZeroGo.Training.Samples;

/// <summary>
/// Replays a <see cref="GameRecord"/> move by move, handing out the game state before each move. Moves are
/// played with the full rules check, so a record that does not replay legally is reported, not trained on.
/// </summary>
public static class GameReplay
{
    /// <summary>
    /// Calls <paramref name="visit"/> with (move index, state before that move) for each index in
    /// <paramref name="wanted"/> (sorted ascending; all moves when null). The state is reused: copy what you keep.
    /// </summary>
    public static void Replay(GameRecord game, Action<int, GameState> visit, IReadOnlyList<int>? wanted = null)
    {
        var state = game.CreateInitialState();
        int next = 0;
        int last = wanted is null ? game.Moves.Count - 1 : wanted.Count == 0 ? -1 : wanted[^1];
        for (int i = 0; i <= last && i < game.Moves.Count; i++)
        {
            var record = game.Moves[i];
            if (wanted is null || (next < wanted.Count && wanted[next] == i))
            {
                visit(i, state);
                next++;
            }

            var color = (Color)record.Color;
            var move = game.ToMove(record.Move);
            var verdict = state.TryPlay(color, move);
            if (verdict != MoveLegality.Legal)
            {
                throw new InvalidDataException(
                    $"game '{game.Source}' move {i + 1} ({color} {move}) does not replay: {verdict.Describe()}");
            }
        }
    }

    /// <summary>The state after every move (the final position).</summary>
    public static GameState FinalState(GameRecord game)
    {
        var state = game.CreateInitialState();
        foreach (var record in game.Moves)
        {
            state.Play((Color)record.Color, game.ToMove(record.Move));
        }

        return state;
    }
}
