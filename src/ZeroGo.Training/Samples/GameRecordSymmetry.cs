using ZeroGo.Go;

namespace ZeroGo.Training.Samples;

/// <summary>Maps a whole game through a board symmetry (moves, setup stones, policy targets, ownership).</summary>
public static class GameRecordSymmetry
{
    /// <summary>The same game played on the transformed board. Rectangular boards accept only shape-keeping symmetries.</summary>
    public static GameRecord Transform(GameRecord game, Symmetry symmetry)
    {
        if (game.Width != game.Height && symmetry.Transposes)
        {
            throw new ArgumentException("a transposing symmetry changes a rectangular board's shape", nameof(symmetry));
        }

        int width = game.Width, height = game.Height, area = game.Area;
        short Map(short dense)
        {
            if (dense == area)
            {
                return dense;
            }

            var (c, r) = symmetry.Apply(dense % width, dense / width, width, height);
            return (short)(r * width + c);
        }

        var ownership = game.FinalOwnership.Length == area ? new sbyte[area] : [];
        if (ownership.Length == area)
        {
            symmetry.ApplyToPlane<sbyte>(game.FinalOwnership, ownership, width, height);
        }

        return new GameRecord
        {
            Width = width,
            Height = height,
            Komi = game.Komi,
            KoRule = game.KoRule,
            SuicideAllowed = game.SuicideAllowed,
            SetupBlack = game.SetupBlack.Select(Map).ToArray(),
            SetupWhite = game.SetupWhite.Select(Map).ToArray(),
            FirstToMove = game.FirstToMove,
            Moves = game.Moves.Select(m => new MoveRecord
            {
                Move = Map(m.Move),
                Color = m.Color,
                IsPolicyTarget = m.IsPolicyTarget,
                PolicyMoves = m.PolicyMoves.Select(Map).ToArray(),
                PolicyProbabilities = (float[])m.PolicyProbabilities.Clone(),
                RootValue = m.RootValue,
                Visits = m.Visits,
            }).ToList(),
            ScoreForBlack = game.ScoreForBlack,
            Winner = game.Winner,
            FinalOwnership = ownership,
            HasFinalScore = game.HasFinalScore,
            Source = game.Source,
            GameNumber = game.GameNumber,
            Generation = game.Generation,
        };
    }
}
