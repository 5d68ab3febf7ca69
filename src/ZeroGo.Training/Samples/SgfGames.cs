using System.Globalization;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Training.Samples;

/// <summary>Converts between training records and SGF (self-play and arena records out, human games in).</summary>
public static class SgfGames
{
    /// <summary>The SGF text of a recorded game, with a comment per move (win rates) when given.</summary>
    public static string ToSgf(GameRecord game, string blackName, string whiteName, string result,
        IReadOnlyList<string?>? comments = null, string? gameName = null)
    {
        var final = GameReplay.FinalState(game);
        var info = new SgfGameInfo
        {
            PlayerBlack = blackName,
            PlayerWhite = whiteName,
            Result = result,
            Komi = game.Komi,
            GameName = gameName,
            Date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return SgfWriter.Write(final, info, comments);
    }

    /// <summary>SGF result text of a record: "B+R", "W+3.5", "0", "?" when unknown.</summary>
    public static string ResultText(GameRecord game, bool resigned)
    {
        if (resigned)
        {
            return game.Winner > 0 ? "B+R" : "W+R";
        }

        return game.HasFinalScore ? GameState.FormatResult(game.ScoreForBlack) : game.Winner switch
        {
            > 0 => "B+",
            < 0 => "W+",
            _ => "0",
        };
    }

    /// <summary>
    /// A human game as training data: every main-line move is a one-hot policy target, the value comes from
    /// the RE result (a game without a decisive result gives none: null is returned; a win on time or by
    /// forfeit keeps its moves but gives no value target), no score or ownership.
    /// Illegal moves stop the game there (tolerant reading keeps what replays).
    /// </summary>
    public static GameRecord? FromSgf(SgfGame sgf, string source, out string? whyNot)
    {
        whyNot = null;
        if (!sgf.IsSupportedSize)
        {
            whyNot = $"board size {sgf.SizeText} is not supported";
            return null;
        }

        var result = HumanResult.Parse(sgf.Info.Result);
        if (result.Winner == 0)
        {
            whyNot = $"no decisive result (RE '{sgf.Info.Result}')";
            return null;
        }

        var start = sgf.StateBeforeMove(1).State;
        var final = sgf.FinalState().State;
        var builder = new GameRecordBuilder(start);
        var replay = start.Clone();
        var geometry = start.Geometry;
        var oneHot = new float[geometry.Area + 1];
        foreach (var played in final.Moves)
        {
            if (played.Move.IsResign || replay.TryPlay(played.Color, played.Move) != MoveLegality.Legal)
            {
                break;
            }

            int index = played.Move.IsPass ? geometry.Area : geometry.DenseIndex(played.Move.Point);
            oneHot[index] = 1;
            builder.Add(played.Color, played.Move, oneHot, isPolicyTarget: true, rootValue: 0, visits: 0);
            oneHot[index] = 0;
        }

        if (builder.MoveCount == 0)
        {
            whyNot = "no moves";
            return null;
        }

        // The winner is known but the final count is not: resignation-like record (no score/ownership target).
        var record = builder.Finish(replay, result.Winner > 0 ? Color.White : Color.Black, source, 0, -1);
        record.NoValueTarget = !result.HasValueTarget;
        return record;
    }
}
