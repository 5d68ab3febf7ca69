using ZeroGo.Go;

namespace ZeroGo.Training.Samples;

/// <summary>
/// The training targets of one position, all from the side to move's point of view (as the network
/// predicts them): policy over dense points plus pass, win/draw/loss, final score lead, final ownership.
/// Weights are 0 where a target is not known (no policy on cheap searches, no score after a resignation).
/// </summary>
public sealed class TrainingTargets
{
    public TrainingTargets(int area)
    {
        Policy = new float[area + 1];
        Ownership = new float[area];
    }

    /// <summary>Target move probabilities, dense order, pass at index Area.</summary>
    public float[] Policy { get; }

    /// <summary>1 when <see cref="Policy"/> is a real target (full search or a human move), else 0.</summary>
    public float PolicyWeight { get; set; }

    /// <summary>1 when <see cref="Value"/> is a real target; 0 for a human game lost on time or by disconnection.</summary>
    public float ValueWeight { get; set; }

    /// <summary>Outcome for the side to move: win = 1, draw = 0, loss = -1.</summary>
    public float Value { get; set; }

    /// <summary>
    /// The value head's target as win/draw/loss probabilities: the outcome, mixed with the search's root value when
    /// <see cref="Fill"/> is given a search share.
    /// </summary>
    public (float Win, float Draw, float Loss) Wdl { get; private set; }

    /// <summary>Final score lead of the side to move (area count with komi).</summary>
    public float Score { get; set; }

    /// <summary>Final owner per point: +1 the side to move, -1 the opponent, 0 neither.</summary>
    public float[] Ownership { get; }

    /// <summary>1 when <see cref="Score"/> and <see cref="Ownership"/> come from a counted final position.</summary>
    public float ScoreWeight { get; set; }

    /// <summary>
    /// Fills the targets for the position before move <paramref name="moveIndex"/> of <paramref name="game"/>;
    /// <paramref name="valueSearchShare"/> of the value target comes from that move's search (none for a human move).
    /// </summary>
    public void Fill(GameRecord game, int moveIndex, Color toMove, double valueSearchShare = 0)
    {
        var move = game.Moves[moveIndex];
        Array.Clear(Policy);
        if (move.IsPolicyTarget && move.PolicyMoves.Length > 0)
        {
            float total = 0;
            for (int i = 0; i < move.PolicyMoves.Length; i++)
            {
                Policy[move.PolicyMoves[i]] += move.PolicyProbabilities[i];
                total += move.PolicyProbabilities[i];
            }

            if (total > 0)
            {
                for (int i = 0; i < Policy.Length; i++)
                {
                    Policy[i] /= total;
                }
            }

            PolicyWeight = total > 0 ? 1 : 0;
        }
        else
        {
            PolicyWeight = 0;
        }

        // Sign +1 when the side to move is Black: every stored result is from Black's view.
        float sign = toMove == Color.Black ? 1 : -1;
        Value = sign * game.Winner;
        ValueWeight = game.HasValueTarget ? 1 : 0;
        Wdl = MixedOutcome(Value, move, valueSearchShare);
        if (game.HasFinalScore && game.FinalOwnership.Length == game.Area)
        {
            Score = sign * game.ScoreForBlack;
            for (int i = 0; i < Ownership.Length; i++)
            {
                Ownership[i] = sign * game.FinalOwnership[i];
            }

            ScoreWeight = 1;
        }
        else
        {
            Score = 0;
            Array.Clear(Ownership);
            ScoreWeight = 0;
        }
    }

    /// <summary>The one-hot outcome, moved <paramref name="searchShare"/> of the way to the search's root value.</summary>
    private static (float Win, float Draw, float Loss) MixedOutcome(float outcome, MoveRecord move, double searchShare)
    {
        (float win, float draw, float loss) = outcome > 0 ? (1f, 0f, 0f) : outcome < 0 ? (0f, 0f, 1f) : (0f, 1f, 0f);
        if (searchShare <= 0 || move.Visits <= 0)
        {
            return (win, draw, loss);
        }

        // The root value is the side to move's expected result in [-1, 1]; as a win/loss split it has no draw.
        float share = (float)searchShare;
        float searchWin = Math.Clamp((1 + move.RootValue) / 2, 0f, 1f);
        return ((1 - share) * win + share * searchWin, (1 - share) * draw, (1 - share) * loss + share * (1 - searchWin));
    }

    /// <summary>
    /// Transforms the spatial targets by <paramref name="symmetry"/> (pass stays last), matching the same
    /// transform of the input planes. <paramref name="width"/> and <paramref name="height"/> are the source shape.
    /// </summary>
    public void ApplySymmetry(Symmetry symmetry, int width, int height)
    {
        if (symmetry.Id == 0)
        {
            return;
        }

        int area = width * height;
        Span<float> scratch = area <= 1024 ? stackalloc float[area] : new float[area];
        symmetry.ApplyToPlane<float>(Policy.AsSpan(0, area), scratch, width, height);
        scratch.CopyTo(Policy.AsSpan(0, area));
        symmetry.ApplyToPlane<float>(Ownership, scratch, width, height);
        scratch.CopyTo(Ownership);
    }
}
