using ZeroGo.Go;
using ZeroGo.Gtp.Engine;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>fixed_handicap, place_free_handicap, set_free_handicap (GTP 2 section 6.3.2): all need an empty board.</summary>
public sealed class HandicapCommands : IGtpCommandSet
{
    public void Register(GtpCommandTable table)
    {
        table.Add("fixed_handicap", call =>
        {
            call.ExpectArguments(1);
            int stones = call.Int(0);
            RequireEmptyBoard(call);
            if (stones < 2 || stones > Handicap.MaxFixed(call.Session.Geometry))
            {
                throw new GtpException(GtpException.Messages.InvalidNumberOfStones);
            }

            return Place(call, Handicap.FixedPoints(call.Session.Geometry, stones));
        });
        table.Add("place_free_handicap", call =>
        {
            call.ExpectArguments(1);
            int stones = call.Int(0);
            RequireEmptyBoard(call);
            if (stones < 2 || stones > FreeHandicap.MaxStones(call.Session.Geometry))
            {
                throw new GtpException(GtpException.Messages.InvalidNumberOfStones);
            }

            return Place(call, FreeHandicap.Choose(call.Session.Geometry, stones));
        });
        table.Add("set_free_handicap", call =>
        {
            if (call.Arguments.Count == 0)
            {
                throw GtpException.SyntaxError();
            }

            var points = new List<Point>();
            for (int i = 0; i < call.Arguments.Count; i++)
            {
                var move = call.Vertex(i);
                if (!move.IsPlay)
                {
                    throw new GtpException(GtpException.Messages.BadVertexList);
                }

                points.Add(move.Point);
            }

            RequireEmptyBoard(call);
            if (points.Count < 2 || points.Count > FreeHandicap.MaxStones(call.Session.Geometry)
                || points.Distinct().Count() != points.Count)
            {
                throw new GtpException(GtpException.Messages.BadVertexList);
            }

            Place(call, points);
            return "";
        });
    }

    private static void RequireEmptyBoard(GtpCall call)
    {
        if (!call.Session.IsBoardEmpty)
        {
            throw new GtpException(GtpException.Messages.BoardNotEmpty);
        }
    }

    private static string Place(GtpCall call, IReadOnlyList<Point> points)
    {
        call.Session.PlaceHandicap(points.ToList());
        return call.FormatPoints(points);
    }
}
