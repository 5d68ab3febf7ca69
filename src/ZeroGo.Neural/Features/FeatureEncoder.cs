using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.Features;

/// <summary>
/// Turns an <see cref="EvaluationRequest"/> into the network's input: <see cref="SpatialPlanes"/> planes over
/// the board and <see cref="GlobalFeatures"/> scalars, everything from the side to move's point of view.
/// The layout is versioned (<see cref="Version"/>): a model file records the version it was trained with and
/// is refused by a build that encodes differently. Every plane is described in docs/network.md.
/// </summary>
public static class FeatureEncoder
{
    /// <summary>Bump when any plane or scalar changes meaning; old models then fail to load with a clear error.</summary>
    public const int Version = 1;

    /// <summary>How many of the most recent moves get a plane of their own.</summary>
    public const int RecentMovePlanes = 5;

    public const int OnBoardPlane = 0;
    public const int OwnStonesPlane = 1;
    public const int OpponentStonesPlane = 2;
    public const int OneLibertyPlane = 3;
    public const int TwoLibertiesPlane = 4;
    public const int ThreeOrMoreLibertiesPlane = 5;
    public const int IllegalPlane = 6;
    public const int FirstRecentMovePlane = 7;
    public const int SpatialPlanes = FirstRecentMovePlane + RecentMovePlanes;

    public const int KomiFeature = 0;
    public const int FirstRecentPassFeature = 1;
    public const int SimpleKoFeature = FirstRecentPassFeature + RecentMovePlanes;
    public const int SituationalSuperkoFeature = SimpleKoFeature + 1;
    public const int PositionalSuperkoFeature = SimpleKoFeature + 2;
    public const int SuicideAllowedFeature = SimpleKoFeature + 3;
    public const int GlobalFeatures = SuicideAllowedFeature + 1;

    /// <summary>Komi is divided by this so that usual values lie within about +-1.</summary>
    public const float KomiScale = 15f;

    /// <summary>Short plane names in order (the desktop's layers view and docs use them).</summary>
    public static IReadOnlyList<string> PlaneNames { get; } =
    [
        "on board", "own stones", "opponent stones", "1 liberty", "2 liberties", "3+ liberties",
        "illegal for side to move", "last move", "2nd last move", "3rd last move", "4th last move", "5th last move",
    ];

    public static IReadOnlyList<string> GlobalFeatureNames { get; } =
    [
        "komi / 15 (side to move)", "last move passed", "2nd last passed", "3rd last passed", "4th last passed",
        "5th last passed", "simple ko", "situational superko", "positional superko", "suicide allowed",
    ];

    /// <summary>
    /// Encodes <paramref name="request"/> seen through <paramref name="symmetry"/> into <paramref name="target"/>
    /// (resized as needed; its width and height are the transformed board's).
    /// </summary>
    public static void Encode(EvaluationRequest request, Symmetry symmetry, EncodedPosition target)
    {
        var geometry = request.Geometry;
        var board = request.Board;
        var me = request.ToMove;
        if (!me.IsPlayer())
        {
            throw new ArgumentException($"the side to move must be black or white (got {me})", nameof(request));
        }

        var opponent = me.Opponent();
        int width = symmetry.Transposes ? geometry.Height : geometry.Width;
        int height = symmetry.Transposes ? geometry.Width : geometry.Height;
        target.Reset(width, height);
        int area = geometry.Area;
        var planes = target.Spatial.AsSpan();
        Span<int> liberties = stackalloc int[geometry.PaddedArea];
        board.FillLibertyCounts(liberties, cap: 3);
        var points = geometry.Points;
        var legal = request.LegalMask;

        for (int dense = 0; dense < area; dense++)
        {
            var point = points[dense];
            var (column, row) = symmetry.Apply(dense % geometry.Width, dense / geometry.Width, geometry.Width, geometry.Height);
            int at = row * width + column;
            planes[OnBoardPlane * area + at] = 1f;
            var color = board[point];
            if (color == me)
            {
                planes[OwnStonesPlane * area + at] = 1f;
            }
            else if (color == opponent)
            {
                planes[OpponentStonesPlane * area + at] = 1f;
            }

            if (color.IsPlayer() && liberties[point.Index] > 0)
            {
                int libertyPlane = OneLibertyPlane + Math.Min(3, liberties[point.Index]) - 1;
                planes[libertyPlane * area + at] = 1f;
            }
            else if (!legal[dense])
            {
                planes[IllegalPlane * area + at] = 1f;
            }
        }

        var global = target.Global.AsSpan();
        int recent = Math.Min(RecentMovePlanes, request.RecentMoveCount);
        for (int k = 0; k < recent; k++)
        {
            var move = request.RecentMoves[k];
            if (move.IsPass)
            {
                global[FirstRecentPassFeature + k] = 1f;
            }
            else if (move.IsPlay && geometry.IsOnBoard(move.Point))
            {
                var (column, row) = symmetry.Apply(geometry.ColumnOf(move.Point), geometry.RowOf(move.Point), geometry.Width, geometry.Height);
                planes[(FirstRecentMovePlane + k) * area + row * width + column] = 1f;
            }
        }

        var rules = request.Rules;
        double komiForMe = me == Color.White ? rules.Komi : -rules.Komi;
        global[KomiFeature] = (float)(komiForMe / KomiScale);
        global[rules.KoRule switch
        {
            KoRule.Simple => SimpleKoFeature,
            KoRule.Situational => SituationalSuperkoFeature,
            _ => PositionalSuperkoFeature,
        }] = 1f;
        global[SuicideAllowedFeature] = rules.SuicideAllowed ? 1f : 0f;
    }
}
