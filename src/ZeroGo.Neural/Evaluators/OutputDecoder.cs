using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.Evaluators;

/// <summary>
/// Turns one position's slice of an <see cref="InferenceResult"/> back into an <see cref="Evaluation"/> on the
/// request's own board: undoes the symmetry, keeps legal moves only (softmax over them, pass included), and
/// converts win/loss/draw logits into a value in [-1, 1] plus a draw probability.
/// </summary>
public static class OutputDecoder
{
    public static void Decode(InferenceResult raw, int index, EvaluationRequest request, Symmetry symmetry, Evaluation result)
    {
        var geometry = request.Geometry;
        int width = geometry.Width, height = geometry.Height, area = geometry.Area;
        int gridWidth = raw.GridWidth, gridArea = raw.GridArea;
        var logits = raw.PolicyLogits.AsSpan(index * (gridArea + 1), gridArea + 1);
        var ownership = raw.Ownership.AsSpan(index * gridArea, gridArea);
        var legal = request.LegalMask;
        var policy = result.Policy;

        float max = float.NegativeInfinity;
        for (int dense = 0; dense < area; dense++)
        {
            var (column, row) = symmetry.Apply(dense % width, dense / width, width, height);
            int at = row * gridWidth + column;
            policy[dense] = logits[at];
            result.Ownership[dense] = ownership[at];
            if (legal[dense])
            {
                max = Math.Max(max, logits[at]);
            }
        }

        policy[area] = logits[gridArea];
        if (legal[area])
        {
            max = Math.Max(max, logits[gridArea]);
        }

        double sum = 0;
        for (int move = 0; move <= area; move++)
        {
            float p = legal[move] ? MathF.Exp(policy[move] - max) : 0f;
            policy[move] = p;
            sum += p;
        }

        if (sum > 0 && double.IsFinite(sum))
        {
            float scale = (float)(1.0 / sum);
            for (int move = 0; move <= area; move++)
            {
                policy[move] *= scale;
            }
        }
        else
        {
            // No legal move with a finite logit (cannot happen with pass legal): pass, rather than NaNs.
            Array.Clear(policy);
            policy[area] = 1f;
        }

        var outcome = raw.OutcomeLogits.AsSpan(index * 3, 3);
        float top = Math.Max(outcome[NetworkOutput.Win], Math.Max(outcome[NetworkOutput.Loss], outcome[NetworkOutput.Draw]));
        float win = MathF.Exp(outcome[NetworkOutput.Win] - top);
        float loss = MathF.Exp(outcome[NetworkOutput.Loss] - top);
        float draw = MathF.Exp(outcome[NetworkOutput.Draw] - top);
        float total = win + loss + draw;
        result.ValueForSideToMove = (win - loss) / total;
        result.DrawProbability = draw / total;
        result.ScoreLeadForSideToMove = raw.ScoreLead[index];
        result.HasOwnership = true;
    }

    /// <summary>Averages <paramref name="parts"/> into <paramref name="result"/> (all for the same request).</summary>
    public static void Average(IReadOnlyList<Evaluation> parts, Evaluation result)
    {
        int count = parts.Count;
        Array.Clear(result.Policy);
        Array.Clear(result.Ownership);
        float value = 0, draw = 0, score = 0;
        foreach (var part in parts)
        {
            for (int i = 0; i < result.Policy.Length; i++)
            {
                result.Policy[i] += part.Policy[i] / count;
            }

            for (int i = 0; i < result.Ownership.Length; i++)
            {
                result.Ownership[i] += part.Ownership[i] / count;
            }

            value += part.ValueForSideToMove;
            draw += part.DrawProbability;
            score += part.ScoreLeadForSideToMove;
        }

        result.ValueForSideToMove = value / count;
        result.DrawProbability = draw / count;
        result.ScoreLeadForSideToMove = score / count;
        result.HasOwnership = parts.Count > 0 && parts[0].HasOwnership;
    }
}
