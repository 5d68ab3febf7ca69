using System.Globalization;
using System.Text;
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
/// <item><c>printsgf [FILE]</c>: the game so far as SGF (size, komi, rules, handicap/setup, moves, and the players and
/// other game information of a file loaded with loadsgf): in the response, or, as GNU Go does, written to FILE
/// (replaced if it exists; the name may contain spaces) with an empty success. A file that cannot be written is
/// <c>? cannot write file: …</c> with the system's reason. Anyone who can send GTP can thus write files the
/// engine's user may write: give the engine to trusted controllers only, as with GNU Go.</item>
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
        string sgf = CurrentGame(call.Session.State);
        if (call.Arguments.Count == 0)
        {
            return sgf;
        }

        string path = string.Join(' ', call.Arguments);
        try
        {
            File.WriteAllText(path, sgf + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string reason = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            throw new GtpException($"cannot write file: {reason}");
        }

        return "";
    }

    /// <summary>The game so far as SGF text (no blank line inside, so it fits one GTP response).</summary>
    private string CurrentGame(GameState state)
    {
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
