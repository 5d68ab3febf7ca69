namespace ZeroGo.Neural;

/// <summary>
/// A batch's outputs as fp32 arrays over the padded grid (row-major GridHeight x GridWidth): policy logits
/// [Count, gridArea + 1] (pass last), outcome logits [Count, 3] (win, loss, draw), score lead [Count] in
/// points, ownership [Count, gridArea] in [-1, 1]. All for the side to move.
/// </summary>
public sealed record InferenceResult(
    int Count, int GridWidth, int GridHeight, float[] PolicyLogits, float[] OutcomeLogits, float[] ScoreLead, float[] Ownership)
{
    public int GridArea => GridWidth * GridHeight;
}
