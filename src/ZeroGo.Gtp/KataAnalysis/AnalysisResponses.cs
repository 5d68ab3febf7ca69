using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>One analysis response to write: a search's picture of one turn and what the query asked to see.</summary>
public sealed record TurnReport
{
    public required string Id { get; init; }

    public required int TurnNumber { get; init; }

    public required bool IsDuringSearch { get; init; }

    public required SearchSnapshot Snapshot { get; init; }

    public required ReportPerspective Perspective { get; init; }

    public bool IncludePvVisits { get; init; }

    /// <summary>Add each move's ownership (zeros where the evaluator predicts none).</summary>
    public bool IncludeMovesOwnership { get; init; }

    /// <summary>Ownership from the side to move's view (+1 = theirs), dense order (top-left first); null: not asked.</summary>
    public float[]? Ownership { get; init; }

    /// <summary>The network's policy, dense order then pass, -1 on illegal moves; null: not asked.</summary>
    public float[]? Policy { get; init; }

    /// <summary>KataGo's thisHash: the position and side to move.</summary>
    public ulong PositionHash { get; init; }
}

/// <summary>
/// Writes the analysis engine's JSON lines (one object per line, no line breaks inside) in KataGo's conventions:
/// GTP coordinates, arrays row by row from the top-left point, win rates in [0, 1], every figure from the
/// query's <see cref="ReportPerspective"/>.
/// </summary>
public static class AnalysisResponses
{
    // Relaxed escaping: messages keep their quotes and apostrophes readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"error": …}</c>: a line that is no query at all (not JSON, no id).</summary>
    public static string Error(string message) => Write(writer => writer.WriteString("error", message));

    /// <summary><c>{"id", "field", "error"}</c>: the query with this id is not analysed.</summary>
    public static string FieldError(string id, QueryProblem problem) => Write(writer =>
    {
        writer.WriteString("error", problem.Message);
        writer.WriteString("field", problem.Field);
        writer.WriteString("id", id);
    });

    /// <summary><c>{"id", "field", "warning"}</c>: the query goes on.</summary>
    public static string FieldWarning(string id, QueryProblem problem) => Write(writer =>
    {
        writer.WriteString("field", problem.Field);
        writer.WriteString("id", id);
        writer.WriteString("warning", problem.Message);
    });

    /// <summary>A turn terminated before any visit: <c>{"id", "isDuringSearch": false, "noResults": true, "turnNumber"}</c>.</summary>
    public static string NoResults(string id, int turnNumber) => Write(writer =>
    {
        writer.WriteString("id", id);
        writer.WriteBoolean("isDuringSearch", false);
        writer.WriteBoolean("noResults", true);
        writer.WriteNumber("turnNumber", turnNumber);
    });

    /// <summary>The query object itself with <paramref name="extra"/> fields added (KataGo's answer to an action).</summary>
    public static string Echo(JsonElement query, params (string Name, string Value)[] extra) => Write(writer =>
    {
        foreach (var property in query.EnumerateObject())
        {
            if (!extra.Any(e => e.Name == property.Name))
            {
                property.WriteTo(writer);
            }
        }

        foreach (var (name, value) in extra)
        {
            writer.WriteString(name, value);
        }
    });

    public static string Analysis(TurnReport report) => Write(writer =>
    {
        var snapshot = report.Snapshot;
        bool flip = report.Perspective.Flips(snapshot.ToMove);
        writer.WriteString("id", report.Id);
        writer.WriteBoolean("isDuringSearch", report.IsDuringSearch);
        writer.WriteStartArray("moveInfos");
        foreach (var candidate in snapshot.Candidates)
        {
            WriteMoveInfo(writer, candidate, snapshot.Geometry, flip, report);
        }

        writer.WriteEndArray();
        WriteRootInfo(writer, report, flip);
        writer.WriteNumber("turnNumber", report.TurnNumber);
        if (report.Ownership is { } ownership)
        {
            WriteOwnership(writer, ownership, flip);
        }

        if (report.Policy is { } policy)
        {
            writer.WriteStartArray("policy");
            foreach (float value in policy)
            {
                writer.WriteNumberValue(value < 0 ? -1 : Round(value));
            }

            writer.WriteEndArray();
        }
    });

    private static void WriteMoveInfo(Utf8JsonWriter writer, CandidateInfo candidate, BoardGeometry geometry, bool flip, TurnReport report)
    {
        double winRate = flip ? 1 - candidate.WinRate : candidate.WinRate;
        double lcb = Math.Clamp(candidate.Lcb, 0, 1);
        lcb = flip ? 1 - lcb : lcb;
        double score = flip ? -candidate.ScoreLead : candidate.ScoreLead;
        writer.WriteStartObject();
        writer.WriteNumber("lcb", Round(lcb));
        writer.WriteString("move", GtpVertex.Format(candidate.Move, geometry));
        writer.WriteNumber("order", candidate.Order);
        if (report.IncludeMovesOwnership)
        {
            WriteOwnership(writer, candidate.Ownership ?? new float[geometry.Area], flip);
        }

        writer.WriteNumber("prior", Round(candidate.Prior));
        writer.WriteStartArray("pv");
        foreach (var move in candidate.PrincipalVariation)
        {
            writer.WriteStringValue(GtpVertex.Format(move, geometry));
        }

        writer.WriteEndArray();
        if (report.IncludePvVisits)
        {
            writer.WriteStartArray("pvVisits");
            foreach (int visits in candidate.PrincipalVariationVisits)
            {
                writer.WriteNumberValue(visits);
            }

            writer.WriteEndArray();
        }

        // scoreMean, scoreLead and scoreSelfplay are all the mean score lead: our networks predict one score.
        writer.WriteNumber("scoreLead", Round(score));
        writer.WriteNumber("scoreMean", Round(score));
        writer.WriteNumber("scoreSelfplay", Round(score));
        writer.WriteNumber("scoreStdev", Round(candidate.ScoreStdev));
        writer.WriteNumber("utility", Round(2 * winRate - 1));
        writer.WriteNumber("utilityLcb", Round(2 * lcb - 1));
        writer.WriteNumber("visits", candidate.Visits);
        writer.WriteNumber("winrate", Round(winRate));
        writer.WriteEndObject();
    }

    private static void WriteRootInfo(Utf8JsonWriter writer, TurnReport report, bool flip)
    {
        var snapshot = report.Snapshot;
        double winRate = flip ? 1 - snapshot.WinRate : snapshot.WinRate;
        double score = flip ? -snapshot.ScoreLead : snapshot.ScoreLead;
        writer.WriteStartObject("rootInfo");
        writer.WriteString("currentPlayer", snapshot.ToMove.Letter());
        writer.WriteNumber("scoreLead", Round(score));
        writer.WriteNumber("scoreSelfplay", Round(score));
        writer.WriteNumber("scoreStdev", Round(snapshot.ScoreStdev));
        writer.WriteString("thisHash", report.PositionHash.ToString("X16", CultureInfo.InvariantCulture));
        writer.WriteNumber("utility", Round(2 * winRate - 1));
        writer.WriteNumber("visits", snapshot.RootVisits);
        writer.WriteNumber("winrate", Round(winRate));
        writer.WriteEndObject();
    }

    /// <summary><c>"ownership": […]</c> from the side to move's view, or negated for the other side's.</summary>
    private static void WriteOwnership(Utf8JsonWriter writer, float[] ownership, bool flip)
    {
        writer.WriteStartArray("ownership");
        foreach (float value in ownership)
        {
            writer.WriteNumberValue(Round(flip ? -value : value));
        }

        writer.WriteEndArray();
    }

    /// <summary>Six decimals are more than any reader uses; NaN or infinity (never expected) become 0 so the line stays JSON.</summary>
    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : 0;

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
