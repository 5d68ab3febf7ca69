using System.Globalization;
using ZeroGo.Formats;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>
/// Game records over GTP, as GNU Go and Fuego offer them:
/// <list type="bullet">
/// <item><c>loadsgf FILE [MOVE_NUMBER|VERTEX]</c>: the main line of FILE up to, not including, move MOVE_NUMBER
/// (or the first move at VERTEX); the whole game without it. Board size comes from the file; RU and KM replace the
/// session's ko/suicide rule and komi when the file has them. Replay is tolerant (a ko or superko violation in the
/// record is played as recorded, as GNU Go does). Answers the colour to move.</item>
/// <item><c>printsgf</c>: the game so far as SGF in the response (size, komi, rules, handicap/setup, moves, and the
/// players and other game information of a file loaded with loadsgf). Unlike GNU Go it takes no file name: a GTP
/// command that writes arbitrary files is a hazard (any controller or fuzzer could overwrite files); controllers
/// save the response themselves.</item>
/// </list>
/// One instance per server: it remembers the game information of the last loadsgf while that game goes on.
/// </summary>
public sealed class SgfCommands : IGtpCommandSet
{
    private GameState? _loadedState;
    private SgfGameInfo? _loadedInfo;

    public void Register(GtpCommandTable table)
    {
        table.Add("loadsgf", LoadSgf);
        table.Add("printsgf", PrintSgf);
    }

    private string LoadSgf(GtpCall call)
    {
        call.ExpectArguments(1, int.MaxValue);
        var (path, stopAt) = SplitPathAndPosition(call.Arguments);
        SgfGame game;
        try
        {
            game = SgfGame.Load(path);
            if (!game.IsSupportedSize)
            {
                throw new SgfException($"board size {game.SizeText} is not supported");
            }
        }
        catch (SgfException e)
        {
            throw new GtpException($"cannot load file: {e.Message}");
        }

        var session = call.Session;
        var rules = session.Rules;
        if (SgfRules.FromName(game.Root.GetText("RU")) is { } fileRules)
        {
            rules = rules with { KoRule = fileRules.KoRule, SuicideAllowed = fileRules.SuicideAllowed };
        }

        if (game.Info.Komi is { } komi)
        {
            rules = rules with { Komi = komi };
        }

        int stopBefore = stopAt switch
        {
            int number => number,
            string vertex => FirstMoveAt(game, vertex),
            _ => int.MaxValue,
        };

        var state = new GameState(game.Geometry, rules);
        game.ReplayInto(state, stopBefore, SgfReplayMode.Tolerant);
        session.LoadState(state);
        _loadedState = state;
        _loadedInfo = game.Info with { GameComment = null, RootComment = null, Komi = null, Rules = null };
        return state.ToMove == Color.Black ? "black" : "white";
    }

    private string PrintSgf(GtpCall call)
    {
        call.ExpectArguments(0);
        var state = call.Session.State;
        var info = ReferenceEquals(state, _loadedState) && _loadedInfo is not null ? _loadedInfo : new SgfGameInfo();
        if (state.IsOver && info.Result is null)
        {
            info = info with { Result = GameState.FormatResult(state.ScoreForBlack()) };
        }

        // No value here holds a blank line (comments are not carried), so the GTP response stays one block.
        return SgfWriter.Write(SgfWriter.BuildTree(state, info)).TrimEnd('\n');
    }

    /// <summary>The file name (which may contain spaces) and an optional trailing move number or vertex.</summary>
    private static (string Path, object? StopAt) SplitPathAndPosition(IReadOnlyList<string> arguments)
    {
        if (arguments.Count >= 2)
        {
            string last = arguments[^1];
            string path = string.Join(' ', arguments.Take(arguments.Count - 1));
            if (int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                return number >= 1 ? (path, number) : throw GtpException.SyntaxError();
            }

            if (GtpVertex.TryParse(last, BoardGeometry.Get(BoardGeometry.MaxSize), out _) && !File.Exists(string.Join(' ', arguments)))
            {
                return (path, last);
            }
        }

        return (string.Join(' ', arguments), null);
    }

    /// <summary>The number of the first main-line move at a vertex (GNU Go's loadsgf FILE VERTEX); past the end when none.</summary>
    private static int FirstMoveAt(SgfGame game, string vertexText)
    {
        if (!GtpVertex.TryParse(vertexText, game.Geometry, out var target) || !target.IsPlay)
        {
            throw GtpException.SyntaxError();
        }

        int column = game.Geometry.ColumnOf(target.Point);
        int row = game.Geometry.RowOf(target.Point);
        var move = game.MainLineMoves.FirstOrDefault(m => m.Coordinates(game.Width, game.Height) == (column, row));
        return move?.Number ?? int.MaxValue;
    }
}
