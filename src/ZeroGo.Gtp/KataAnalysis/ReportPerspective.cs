using ZeroGo.Go;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>Whose view win rates, scores, utilities and ownership are reported from (KataGo's <c>reportAnalysisWinratesAs</c>).</summary>
public enum ReportPerspective
{
    SideToMove,
    Black,
    White,
}

public static class ReportPerspectiveExtensions
{
    /// <summary>BLACK, WHITE or SIDETOMOVE, any case; false for anything else.</summary>
    public static bool TryParse(string text, out ReportPerspective perspective)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "BLACK":
                perspective = ReportPerspective.Black;
                return true;
            case "WHITE":
                perspective = ReportPerspective.White;
                return true;
            case "SIDETOMOVE":
                perspective = ReportPerspective.SideToMove;
                return true;
            default:
                perspective = ReportPerspective.SideToMove;
                return false;
        }
    }

    /// <summary>Whether figures from <paramref name="toMove"/>'s view must be negated (or 1 − x) for this perspective.</summary>
    public static bool Flips(this ReportPerspective perspective, Color toMove) => perspective switch
    {
        ReportPerspective.Black => toMove == Color.White,
        ReportPerspective.White => toMove == Color.Black,
        _ => false,
    };
}
