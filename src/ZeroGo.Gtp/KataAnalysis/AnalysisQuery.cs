using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>One position of a query to analyse: its turn number (0 = before the first move) and its priority.</summary>
public sealed record TurnToAnalyse(int TurnNumber, GameState Position, int Priority);

/// <summary>A parsed analysis query: the positions to search and how to search and report them.</summary>
public sealed record AnalysisQuery
{
    public required string Id { get; init; }

    public required IReadOnlyList<TurnToAnalyse> Turns { get; init; }

    public required SearchLimits Limits { get; init; }

    public required SearchOptions Search { get; init; }

    public required ReportPerspective Perspective { get; init; }

    /// <summary>The avoidMoves / allowMoves rules (compiled per position's board by the analyser).</summary>
    public IReadOnlyList<MoveRestriction> Restrictions { get; init; } = [];

    public bool IncludeOwnership { get; init; }

    public bool IncludePolicy { get; init; }

    public bool IncludePvVisits { get; init; }

    /// <summary>Each move's own ownership (the search then tracks it per root move).</summary>
    public bool IncludeMovesOwnership { get; init; }

    /// <summary>How often to send isDuringSearch reports (null: only the final one).</summary>
    public TimeSpan? ReportEvery { get; init; }
}

/// <summary>A problem with one field of a query: an error ends the query, a warning is reported and the query goes on.</summary>
public sealed record QueryProblem(string Field, string Message);

/// <summary>What parsing a query line gave: the query with its warnings, or the error that stops it.</summary>
public sealed record QueryParse(AnalysisQuery? Query, QueryProblem? Error, IReadOnlyList<QueryProblem> Warnings);
