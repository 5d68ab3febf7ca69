using ZeroGo.Desktop.Analysis;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Rendering;

/// <summary>Which analysis picture is drawn over the board (at most one heat picture at a time).</summary>
public enum HeatOverlay
{
    None,
    Policy,
    Ownership,
    /// <summary>Network activations of one residual block (the layers view).</summary>
    Layers,
}

/// <summary>
/// Everything the board renderer draws: the position plus optional overlays. A plain data object built by the
/// screens (play, replay) or by <c>zerogo render</c>; the renderer never changes it.
/// </summary>
public sealed class BoardView
{
    public BoardView(Board board) => Board = board;

    public Board Board { get; }

    public BoardGeometry Geometry => Board.Geometry;

    public bool ShowCoordinates { get; set; } = true;

    /// <summary>The move to mark (last move played, or the move a replay stands on).</summary>
    public Move MarkedMove { get; set; } = Move.Pass;

    /// <summary>Move numbers to print on stones (point → number); null to hide them.</summary>
    public IReadOnlyDictionary<Point, int>? MoveNumbers { get; set; }

    /// <summary>A translucent stone under the mouse (Point.None for none).</summary>
    public Point Ghost { get; set; } = Point.None;

    public Color GhostColor { get; set; } = Color.Black;

    /// <summary>Ghost drawn with a red cross: the point is illegal.</summary>
    public bool GhostIllegal { get; set; }

    /// <summary>A point highlighted with a glowing ring (e.g. Move 37) and an optional caption beside it.</summary>
    public Point Highlight { get; set; } = Point.None;

    public string? HighlightCaption { get; set; }

    /// <summary>The engine's candidates, drawn as coloured circles with win rate and visits.</summary>
    public AnalysisSnapshot? Analysis { get; set; }

    public bool ShowCandidates { get; set; }

    /// <summary>How many candidates to draw at most.</summary>
    public int MaxCandidates { get; set; } = 10;

    public HeatOverlay Heat { get; set; }

    /// <summary>Values per dense point for <see cref="HeatOverlay.Layers"/>, 0..1.</summary>
    public float[]? LayerValues { get; set; }

    /// <summary>A variation to show as numbered translucent stones, first move by <see cref="VariationColor"/>.</summary>
    public IReadOnlyList<Move>? Variation { get; set; }

    public Color VariationColor { get; set; } = Color.Black;

    /// <summary>End-of-game marks: territory owner per dense point and dead stones; null while play goes on.</summary>
    public TerritoryMap? Territory { get; set; }
}

/// <summary>The counted result of a finished game: who owns each point and which stones are dead.</summary>
public sealed class TerritoryMap
{
    public TerritoryMap(Color[] ownerByDense, bool[] deadByDense)
    {
        OwnerByDense = ownerByDense;
        DeadByDense = deadByDense;
    }

    /// <summary>Owner of each point after dead stones are removed (Empty = neutral / dame).</summary>
    public Color[] OwnerByDense { get; }

    public bool[] DeadByDense { get; }
}
