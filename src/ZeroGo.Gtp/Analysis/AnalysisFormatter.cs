using System.Globalization;
using System.Text;
using ZeroGo.Formats;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Analysis;

/// <summary>
/// Writes a <see cref="SearchSnapshot"/> as the analysis lines GUIs parse: Leela Zero's <c>lz-analyze</c>
/// (integers: win rate, prior and LCB times 10000) and KataGo's <c>kata-analyze</c> (plain decimals, never
/// exponent notation, scoreLead, optional ownership). All values are from the side to move's view.
/// </summary>
public static class AnalysisFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One line: <c>info move D4 visits 120 winrate 5400 prior 1234 lcb 5300 order 0 pv D4 Q16 info move …</c>.</summary>
    public static string FormatLeelaZero(SearchSnapshot snapshot, int maxMoves = int.MaxValue)
    {
        var text = new StringBuilder();
        var geometry = snapshot.Geometry;
        foreach (var candidate in snapshot.Candidates.Take(maxMoves))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append("info move ").Append(GtpVertex.Format(candidate.Move, geometry))
                .Append(" visits ").Append(candidate.Visits.ToString(Invariant))
                .Append(" winrate ").Append(Scaled(candidate.WinRate))
                .Append(" prior ").Append(Scaled(candidate.Prior))
                .Append(" lcb ").Append(Scaled(candidate.Lcb))
                .Append(" order ").Append(candidate.Order.ToString(Invariant))
                .Append(" pv");
            foreach (var move in candidate.PrincipalVariation)
            {
                text.Append(' ').Append(GtpVertex.Format(move, geometry));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// One line of KataGo's format: per move <c>info move D4 visits 120 utility … winrate 0.54 scoreMean …
    /// scoreStdev … scoreLead 1.5 scoreSelfplay … prior 0.12 lcb 0.52 utilityLcb … order 0 pv D4 Q16</c>, then
    /// <c>ownership</c> and one value per point (top row first, left to right) when asked and available.
    /// scoreStdev is the visit-weighted spread of the score leads in the move's subtree (see
    /// <see cref="CandidateInfo.ScoreStdev"/>); scoreMean, scoreLead and scoreSelfplay are all the mean score lead.
    /// </summary>
    public static string FormatKataGo(SearchSnapshot snapshot, bool ownership, int maxMoves = int.MaxValue)
    {
        var text = new StringBuilder();
        var geometry = snapshot.Geometry;
        foreach (var candidate in snapshot.Candidates.Take(maxMoves))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            double lcb = Math.Clamp(candidate.Lcb, 0, 1);
            text.Append("info move ").Append(GtpVertex.Format(candidate.Move, geometry))
                .Append(" visits ").Append(candidate.Visits.ToString(Invariant))
                .Append(" utility ").Append(Decimal(2 * candidate.WinRate - 1))
                .Append(" winrate ").Append(Decimal(candidate.WinRate))
                .Append(" scoreMean ").Append(Decimal(candidate.ScoreLead))
                .Append(" scoreStdev ").Append(Decimal(candidate.ScoreStdev))
                .Append(" scoreLead ").Append(Decimal(candidate.ScoreLead))
                .Append(" scoreSelfplay ").Append(Decimal(candidate.ScoreLead))
                .Append(" prior ").Append(Decimal(candidate.Prior))
                .Append(" lcb ").Append(Decimal(lcb))
                .Append(" utilityLcb ").Append(Decimal(2 * lcb - 1))
                .Append(" order ").Append(candidate.Order.ToString(Invariant))
                .Append(" pv");
            foreach (var move in candidate.PrincipalVariation)
            {
                text.Append(' ').Append(GtpVertex.Format(move, geometry));
            }
        }

        if (ownership && snapshot.Ownership is { } values)
        {
            text.Append(text.Length > 0 ? " ownership" : "ownership");
            foreach (float value in values)
            {
                text.Append(' ').Append(Decimal(value));
            }
        }

        return text.ToString();
    }

    /// <summary>A [0, 1] fraction as Leela Zero's integer ten-thousandths (clamped into 0..10000).</summary>
    public static string Scaled(double fraction) =>
        ((int)Math.Round(Math.Clamp(fraction, 0, 1) * 10000)).ToString(Invariant);

    /// <summary>Up to six decimals, no exponent, no negative zero ("0.54", "-1.5", "0").</summary>
    public static string Decimal(double value)
    {
        if (!double.IsFinite(value))
        {
            value = 0;
        }

        string text = Math.Round(value, 6).ToString("0.######", Invariant);
        return text == "-0" ? "0" : text;
    }
}
