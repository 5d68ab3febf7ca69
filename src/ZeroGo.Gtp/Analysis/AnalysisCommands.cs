using ZeroGo.Formats;
using ZeroGo.Go;
using ZeroGo.Gtp.Protocol;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Analysis;

/// <summary>
/// The analysis commands GUIs use, answered from the search engine: <c>lz-analyze</c>, <c>kata-analyze</c>
/// (stream until the next command arrives, searching on past the visit limit within the tree's memory cap),
/// <c>lz-genmove_analyze</c> and <c>kata-genmove_analyze</c> (stream while choosing a move within genmove's
/// limits, then <c>play VERTEX</c>, and the move is played; a command sent meanwhile waits its turn). Also replaces <c>genmove</c>'s engine via the session's
/// move generator, which the caller sets to the same <see cref="SearchMoveGenerator"/>.
/// </summary>
public sealed class AnalysisCommands(SearchMoveGenerator engine) : IGtpCommandSet
{
    private enum Flavour
    {
        LeelaZero,
        KataGo,
    }

    public void Register(GtpCommandTable table)
    {
        table.AddStreaming("lz-analyze", call => Analyze(call, Flavour.LeelaZero));
        table.AddStreaming("kata-analyze", call => Analyze(call, Flavour.KataGo));

        // Streamed, but not stopped by the next command line, as genmove is not (and as in Leela Zero and
        // KataGo): a controller that sends its next command early must not get the move of a search cut short.
        table.Add("lz-genmove_analyze", call => GenmoveAnalyze(call, Flavour.LeelaZero));
        table.Add("kata-genmove_analyze", call => GenmoveAnalyze(call, Flavour.KataGo));
    }

    private string Analyze(GtpCall call, Flavour flavour)
    {
        var arguments = AnalysisArguments.Parse(call, colorRequired: false);
        var color = arguments.Color ?? call.Session.State.ToMove;
        call.BeginResponse();
        var result = engine.Think(call.Session.State, color, SearchLimits.Infinite,
            snapshot => call.WriteLine(Format(snapshot, flavour, arguments)), arguments.Interval, call.Cancellation,
            arguments.Restrictions);
        if (!call.Cancellation.IsCancellationRequested)
        {
            // The memory cap ended the search: say where it stands once more and wait for the next command.
            if (arguments.Interval > TimeSpan.Zero && result.Snapshot.Candidates.Count > 0)
            {
                call.WriteLine(Format(result.Snapshot, flavour, arguments));
            }

            call.Cancellation.WaitHandle.WaitOne();
        }

        return "";
    }

    private string GenmoveAnalyze(GtpCall call, Flavour flavour)
    {
        var arguments = AnalysisArguments.Parse(call, colorRequired: true);
        var color = arguments.Color!.Value;
        var session = call.Session;
        call.BeginResponse();
        var result = engine.Think(session.State, color, engine.LimitsFor(session.TimeBudgetFor(color)),
            snapshot => call.WriteLine(Format(snapshot, flavour, arguments)), arguments.Interval, call.Cancellation,
            arguments.Restrictions);
        var move = engine.Decide(session.State, result);
        if (!move.IsResign && session.Play(color, move) != MoveLegality.Legal)
        {
            move = Move.Pass; // cannot happen with a consistent search; never answer with an unplayable move
            session.Play(color, move);
        }

        if (!move.IsResign)
        {
            engine.StartPondering(session.State);
        }

        return "play " + call.FormatMove(move);
    }

    private static string Format(SearchSnapshot snapshot, Flavour flavour, AnalysisArguments arguments) =>
        flavour == Flavour.LeelaZero
            ? AnalysisFormatter.FormatLeelaZero(snapshot, arguments.MaxMoves)
            : AnalysisFormatter.FormatKataGo(snapshot, arguments.Ownership, arguments.MaxMoves);
}

/// <summary>
/// <c>[color] [interval] [key value]…</c> as Leela Zero and KataGo accept them: interval in centiseconds
/// (also as <c>interval N</c>), <c>ownership true|false</c>, <c>maxmoves N</c>,
/// <c>avoid|allow COLOR VERTEX,VERTEX,… PLIES</c> (any number of them: the search never explores the avoided
/// moves, or only the allowed ones, for that colour in its first PLIES plies); KataGo's other switches
/// (minmoves, pvVisits, ownershipStdev, movesOwnership, rootInfo) are accepted and ignored.
/// </summary>
internal sealed record AnalysisArguments(
    Color? Color, TimeSpan Interval, bool Ownership, int MaxMoves, MoveRestrictions Restrictions)
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "minmoves", "pvVisits", "pvEdgeVisits", "ownershipStdev", "movesOwnership", "rootInfo",
    };

    public static AnalysisArguments Parse(GtpCall call, bool colorRequired)
    {
        int index = 0;
        Color? color = null;
        if (call.Arguments.Count > 0 && GtpCall.ParseColor(call.Argument(0)) is Color parsed)
        {
            color = parsed;
            index++;
        }
        else if (colorRequired)
        {
            throw GtpException.SyntaxError();
        }

        int centiseconds = 100;
        if (index < call.Arguments.Count && int.TryParse(call.Argument(index), out int interval))
        {
            centiseconds = interval;
            index++;
        }

        bool ownership = false;
        int maxMoves = int.MaxValue;
        var restrictions = new List<MoveRestriction>();
        while (index < call.Arguments.Count)
        {
            string key = call.Argument(index);
            if (key.Equals("avoid", StringComparison.OrdinalIgnoreCase) || key.Equals("allow", StringComparison.OrdinalIgnoreCase))
            {
                restrictions.Add(ParseRestriction(call, index));
                index += 4;
                continue;
            }

            if (index + 1 >= call.Arguments.Count)
            {
                throw GtpException.SyntaxError();
            }

            string value = call.Argument(index + 1);
            switch (key.ToLowerInvariant())
            {
                case "interval":
                    centiseconds = call.Int(index + 1);
                    break;
                case "ownership":
                    ownership = value.ToLowerInvariant() switch
                    {
                        "true" => true,
                        "false" => false,
                        _ => throw GtpException.SyntaxError(),
                    };
                    break;
                case "maxmoves":
                    maxMoves = call.Int(index + 1);
                    break;
                default:
                    if (!Ignored.Contains(key))
                    {
                        throw GtpException.SyntaxError();
                    }

                    break;
            }

            index += 2;
        }

        if (centiseconds < 0 || maxMoves <= 0)
        {
            throw GtpException.SyntaxError();
        }

        return new AnalysisArguments(color, TimeSpan.FromMilliseconds(centiseconds * 10.0), ownership, maxMoves,
            MoveRestrictions.Create(call.Session.Geometry, restrictions));
    }

    /// <summary><c>avoid|allow COLOR VERTEX,VERTEX,… PLIES</c> starting at <paramref name="index"/>.</summary>
    private static MoveRestriction ParseRestriction(GtpCall call, int index)
    {
        bool allow = call.Argument(index).Equals("allow", StringComparison.OrdinalIgnoreCase);
        var player = call.Color(index + 1);
        var moves = new List<Move>();
        foreach (string vertex in call.Argument(index + 2).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!GtpVertex.TryParse(vertex, call.Session.Geometry, out var move))
            {
                throw GtpException.SyntaxError();
            }

            moves.Add(move);
        }

        int plies = call.Int(index + 3);
        if (moves.Count == 0 || plies < 1)
        {
            throw GtpException.SyntaxError();
        }

        return new MoveRestriction(player, moves, plies, allow);
    }
}
