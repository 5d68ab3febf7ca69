using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>
/// Searches one turn of a query with a search of its own (the query's options, its avoid/allow rules) on the
/// shared evaluator, so that turns searched at the same time meet in the evaluator's batches; writes the
/// isDuringSearch reports the query asked for and exactly one final response.
/// </summary>
public sealed class TurnAnalyser(IEvaluator evaluator, AnalysisOutput output)
{
    public void Analyse(AnalysisJob job)
    {
        var query = job.Query;
        var position = job.Turn.Position;
        var search = new MctsSearch(evaluator, query.Search)
        {
            Restrictions = MoveRestrictions.Create(position.Geometry, query.Restrictions),
        };
        search.SetPosition(position);
        float[]? policy = query.IncludePolicy ? RootPolicy(position) : null;
        if (query.ReportEvery is { } every)
        {
            search.ProgressInterval = every;
            search.Progress += snapshot =>
            {
                if (snapshot.Candidates.Count > 0 && !job.Cancellation.IsCancellationRequested)
                {
                    output.WriteLine(AnalysisResponses.Analysis(Report(job, snapshot, duringSearch: true, policy, position)));
                }
            };
        }

        var result = search.Run(query.Limits, job.Cancellation.Token);
        if (result.Snapshot.RootVisits == 0)
        {
            output.WriteLine(AnalysisResponses.NoResults(query.Id, job.Turn.TurnNumber));
            return;
        }

        output.WriteLine(AnalysisResponses.Analysis(Report(job, result.Snapshot, duringSearch: false, policy, position)));
    }

    private TurnReport Report(AnalysisJob job, SearchSnapshot snapshot, bool duringSearch, float[]? policy, GameState position) => new()
    {
        Id = job.Query.Id,
        TurnNumber = job.Turn.TurnNumber,
        IsDuringSearch = duringSearch,
        Snapshot = snapshot,
        Perspective = job.Query.Perspective,
        IncludePvVisits = job.Query.IncludePvVisits,
        IncludeMovesOwnership = job.Query.IncludeMovesOwnership,
        Ownership = job.Query.IncludeOwnership ? snapshot.Ownership ?? new float[position.Geometry.Area] : null,
        Policy = policy,
        PositionHash = position.SituationHash,
    };

    /// <summary>The network's policy for the position (dense order, pass last; every symmetry averaged), -1 where the move is illegal.</summary>
    private float[] RootPolicy(GameState position)
    {
        var (evaluation, legal) = DirectEvaluation.Of(evaluator, position);
        var policy = evaluation.Policy.ToArray();
        for (int i = 0; i < policy.Length; i++)
        {
            if (!legal[i])
            {
                policy[i] = -1;
            }
        }

        return policy;
    }
}
