using ZeroGo.Go;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Kifu;

/// <summary>
/// Turns kifu games into training records, with the checks of SGF import: every move is played under the rules
/// (occupied points, suicide, positional superko refused), and a game that does not replay is skipped, counted
/// with its reason. Each move is a one-hot policy target; the index row's result gives the value target unless the
/// game was lost on time or by disconnection (<see cref="HumanResult"/>).
/// </summary>
public static class KifuRecords
{
    /// <summary>The games that replay, as records (lazily); <paramref name="counts"/> says what was kept and skipped.</summary>
    public static IEnumerable<GameRecord> Convert(IEnumerable<KifuGame> games, KifuImportCounts counts)
    {
        foreach (var game in games)
        {
            var record = ToRecord(game, out string? whyNot);
            if (record is null)
            {
                counts.Skip(game, whyNot!);
                continue;
            }

            counts.Keep(game, record);
            record.GameNumber = counts.Kept;
            yield return record;
        }
    }

    /// <summary>The game as a record, or null with the reason (the first move that does not replay).</summary>
    public static GameRecord? ToRecord(KifuGame game, out string? whyNot)
    {
        whyNot = null;
        var geometry = BoardGeometry.Get(KifuMoveLine.BoardSize);
        var state = new GameState(geometry, Rules.Default with { Komi = game.Komi });
        var builder = new GameRecordBuilder(state);
        var oneHot = new float[geometry.Area + 1];
        for (int i = 0; i < game.Moves.Count; i++)
        {
            var played = game.Moves[i];
            string shown = played.IsPass ? $"{played.Color.Letter()}[]"
                : $"{played.Color.Letter()}[{(char)('a' + played.Column)}{(char)('a' + played.Row)}]";
            if (played.Color != state.ToMove)
            {
                // Training encodes each position for the side to move: a move out of turn would be learned as the
                // other player's.
                whyNot = $"move {i + 1} {shown} is out of turn";
                return null;
            }

            var move = played.IsPass ? Move.Pass : Move.At(geometry.PointAt(played.Column, played.Row));
            var verdict = state.TryPlay(played.Color, move);
            if (verdict != MoveLegality.Legal)
            {
                whyNot = $"move {i + 1} {shown} is illegal ({verdict.Describe()})";
                return null;
            }

            int index = GameRecord.ToDense(move, geometry);
            oneHot[index] = 1;
            builder.Add(played.Color, move, oneHot, isPolicyTarget: true, rootValue: 0, visits: 0);
            oneHot[index] = 0;
        }

        if (game.Moves.Count == 0)
        {
            whyNot = "no moves";
            return null;
        }

        var result = HumanResult.Parse(game.Row?.Result);
        // Finished as a resignation by the loser: a human game's final position is not counted (dead stones are
        // still on the board), so there is no score or ownership target, only the winner.
        var record = builder.Finish(state, result.Winner < 0 ? Color.Black : Color.White, $"{game.Where} id {game.Id}", 0, -1);
        record.Winner = result.Winner;
        record.NoValueTarget = !result.HasValueTarget;
        return record;
    }
}
