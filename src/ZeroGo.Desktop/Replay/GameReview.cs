using System.Globalization;
using ZeroGo.Desktop.Analysis;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Replay;

/// <summary>
/// What the engine thought of one main-line position (after <see cref="MoveNumber"/> moves), from the view of the
/// player to move there, plus how it rated the move actually played next. Saved in the SGF (property ZG) so a
/// reopened record needs no new analysis.
/// </summary>
public sealed record PositionEval(
    int MoveNumber, Color ToMove, double WinRate, double ScoreLead, Move Best, int Visits,
    double NextPrior, int NextPriorRank, int NextVisitRank)
{
    public const string PropertyName = "ZG";

    public double WinRateBlack => ToMove == Color.White ? 1 - WinRate : WinRate;

    /// <summary>Builds the record from an analysis of the position and the move played from it (null at the end).</summary>
    public static PositionEval From(int moveNumber, AnalysisSnapshot analysis, BoardGeometry geometry, Move? next)
    {
        double prior = double.NaN;
        int priorRank = 0, visitRank = 0;
        if (next is { } played)
        {
            if (analysis.Policy is { } policy && !IsFlat(policy))
            {
                prior = policy[played.IsPass ? geometry.Area : geometry.DenseIndex(played.Point)];
                priorRank = analysis.PriorRank(geometry, played);
            }

            var (candidate, rank) = analysis.Find(played);
            visitRank = candidate is null ? 0 : rank + 1;
        }

        return new PositionEval(moveNumber, analysis.ToMove, analysis.WinRate, double.IsNaN(analysis.ScoreLead) ? 0 : analysis.ScoreLead,
            analysis.Best?.Move ?? Move.Pass, analysis.TotalVisits, prior, priorRank, visitRank);
    }

    /// <summary>A policy that gives every legal move the same prior (a stand-in evaluator) says nothing about surprise.</summary>
    private static bool IsFlat(float[] policy)
    {
        float max = 0, min = float.MaxValue;
        for (int i = 0; i < policy.Length - 1; i++)
        {
            if (policy[i] > 0)
            {
                max = Math.Max(max, policy[i]);
                min = Math.Min(min, policy[i]);
            }
        }

        return max - min < 1e-6f;
    }

    /// <summary>Compact text for the SGF property: key=value pairs, invariant numbers, SGF coordinates.</summary>
    public string Format(BoardGeometry geometry) => string.Create(CultureInfo.InvariantCulture,
        $"v1;to={ToMove.Letter()};wr={WinRate:0.####};sl={ScoreLead:0.##};best={SgfCoordinates.FormatMove(Best, geometry)};visits={Visits};prior={(double.IsNaN(NextPrior) ? "-" : NextPrior.ToString("0.#####", CultureInfo.InvariantCulture))};prank={NextPriorRank};vrank={NextVisitRank}");

    /// <summary>Reads <see cref="Format"/>'s text back; null when it is not ours or is damaged.</summary>
    public static PositionEval? Parse(string text, int moveNumber, BoardGeometry geometry)
    {
        var fields = text.Split(';').Select(f => f.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!text.StartsWith("v1;", StringComparison.Ordinal)
            || !fields.TryGetValue("to", out var to) || !fields.TryGetValue("wr", out var wr) || !fields.TryGetValue("best", out var best))
        {
            return null;
        }

        double Number(string key) => fields.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
        int Integer(string key) => fields.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;
        var bestMove = SgfCoordinates.IsPass(best, geometry.Width, geometry.Height) ? Move.Pass
            : SgfCoordinates.TryParse(best, out int c, out int r) && geometry.Contains(c, r) ? Move.At(geometry.PointAt(c, r)) : Move.Pass;
        double winRate = Number("wr");
        if (double.IsNaN(winRate))
        {
            return null;
        }

        return new PositionEval(moveNumber, to == "W" ? Color.White : Color.Black, winRate, Number("sl") is var sl && double.IsNaN(sl) ? 0 : sl,
            bestMove, Integer("visits"), Number("prior"), Integer("prank"), Integer("vrank"));
    }
}

/// <summary>How one played move fared: win rate and points it gave up against the engine's preference.</summary>
public sealed record MoveReview(int MoveNumber, Color Color, Move Move, PositionEval Before, PositionEval After)
{
    /// <summary>Mover's win rate before the move (the engine's estimate with best play).</summary>
    public double WinRateBefore => Before.WinRate;

    /// <summary>Mover's win rate after the move (the opponent is to move there).</summary>
    public double WinRateAfter => 1 - After.WinRate;

    public double WinRateLoss => Math.Max(0, WinRateBefore - WinRateAfter);

    public double PointsLoss => Math.Max(0, Before.ScoreLead + After.ScoreLead);
}

/// <summary>
/// The engine's review of a record's main line: an evaluation per position (filled in by the replay screen's worker,
/// or read back from the file), each move's losses, and the biggest mistakes of each player.
/// </summary>
public sealed class GameReview
{
    private readonly PositionEval?[] _evals;
    private readonly List<(Color Color, Move Move)?> _moves;

    public GameReview(GameRecord record)
    {
        Record = record;
        var line = record.MainLine;
        _moves = [];
        foreach (var node in line)
        {
            if (node.HasMove)
            {
                _moves.Add(record.MoveIn(node));
            }
        }

        _evals = new PositionEval?[_moves.Count + 1];
        LoadFromRecord();
    }

    public GameRecord Record { get; }

    /// <summary>Moves on the main line (positions are 0..MoveCount).</summary>
    public int MoveCount => _moves.Count;

    public int Evaluated => _evals.Count(e => e is not null);

    public PositionEval? this[int position] => position >= 0 && position < _evals.Length ? _evals[position] : null;

    public (Color Color, Move Move)? MoveAt(int moveNumber) =>
        moveNumber >= 1 && moveNumber <= _moves.Count ? _moves[moveNumber - 1] : null;

    public void Set(PositionEval eval)
    {
        if (eval.MoveNumber >= 0 && eval.MoveNumber < _evals.Length)
        {
            _evals[eval.MoveNumber] = eval;
        }
    }

    /// <summary>The review of move <paramref name="moveNumber"/> (1-based) once both positions around it are known.</summary>
    public MoveReview? Review(int moveNumber)
    {
        if (MoveAt(moveNumber) is not { } move || this[moveNumber - 1] is not { } before || this[moveNumber] is not { } after)
        {
            return null;
        }

        return new MoveReview(moveNumber, move.Color, move.Move, before, after);
    }

    /// <summary>Black's win rate per position (null where not evaluated yet), for the graph.</summary>
    public IReadOnlyList<double?> WinRatesBlack() => _evals.Select(e => e?.WinRateBlack).ToList();

    /// <summary>The <paramref name="count"/> moves of <paramref name="color"/> that lost the most win rate (at least 5%).</summary>
    public IReadOnlyList<MoveReview> Mistakes(Color color, int count = 5) =>
        Enumerable.Range(1, MoveCount)
            .Select(Review)
            .OfType<MoveReview>()
            .Where(r => r.Color == color && r.WinRateLoss >= 0.05)
            .OrderByDescending(r => r.WinRateLoss)
            .Take(count)
            .ToList();

    /// <summary>Writes every evaluation into the record's nodes (ZG property, and a readable comment line).</summary>
    public void StoreInRecord()
    {
        var geometry = Record.Geometry;
        for (int position = 0; position < _evals.Length; position++)
        {
            if (_evals[position] is not { } eval)
            {
                continue;
            }

            var node = Record.NodeAfterMove(position);
            node.SetText(PositionEval.PropertyName, eval.Format(geometry));
            if (position >= 1 && Review(position) is { } review)
            {
                string line = ReviewLine(review);
                string? comment = GameRecord.Comment(node);
                string kept = comment is null ? "" : string.Join('\n', comment.Split('\n').Where(l => !l.StartsWith("ZeroGo:", StringComparison.Ordinal)));
                node.SetText("C", string.IsNullOrWhiteSpace(kept) ? line : kept.TrimEnd() + "\n" + line);
            }
        }
    }

    /// <summary>One readable line for a move's comment.</summary>
    public string ReviewLine(MoveReview review)
    {
        var geometry = Record.Geometry;
        string text = string.Create(CultureInfo.InvariantCulture,
            $"ZeroGo: win rate {review.WinRateBefore * 100:0.0}% -> {review.WinRateAfter * 100:0.0}% (loss {review.WinRateLoss * 100:0.0}%, {review.PointsLoss:0.0} points)");
        if (review.Before.Best != review.Move)
        {
            text += "; preferred " + Formats.GtpVertex.Format(review.Before.Best, geometry);
        }

        if (!double.IsNaN(review.Before.NextPrior))
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; prior {review.Before.NextPrior * 100:0.##}% (rank {review.Before.NextPriorRank})");
        }

        return text;
    }

    private void LoadFromRecord()
    {
        for (int position = 0; position < _evals.Length; position++)
        {
            var node = Record.NodeAfterMove(position);
            if (node.GetText(PositionEval.PropertyName) is { } text && PositionEval.Parse(text, position, Record.Geometry) is { } eval)
            {
                _evals[position] = eval;
            }
        }
    }
}
