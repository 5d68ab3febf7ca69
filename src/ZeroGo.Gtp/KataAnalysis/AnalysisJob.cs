namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>One turn of one query waiting for or under analysis; cancelling it ends its search early (terminate).</summary>
public sealed class AnalysisJob(AnalysisQuery query, TurnToAnalyse turn, long sequence)
{
    public AnalysisQuery Query { get; } = query;

    public TurnToAnalyse Turn { get; } = turn;

    /// <summary>Arrival order: among equal priorities the earlier job goes first.</summary>
    public long Sequence { get; } = sequence;

    public CancellationTokenSource Cancellation { get; } = new();

    public bool Matches(string? id, IReadOnlyCollection<int>? turnNumbers) =>
        (id is null || Query.Id == id) && (turnNumbers is null || turnNumbers.Contains(Turn.TurnNumber));
}
