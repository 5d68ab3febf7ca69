using ZeroGo.Go;
using ZeroGo.Gtp.Commands;

namespace ZeroGo.Gtp.Tests;

/// <summary>Every built-in command: answers, errors with the spec's texts, and the state they leave.</summary>
public sealed class CommandTests
{
    private readonly GtpTestHost _host = new();

    [Fact]
    public void AdministrativeCommands()
    {
        Assert.Equal("2", _host.Ask("protocol_version"));
        Assert.Equal("ZeroGo", _host.Ask("name"));
        Assert.Equal("0.17", _host.Ask("version"));
        Assert.Matches(@"^\d+\.\d+\.\d+", _host.Ask("zerogo-version"));
        Assert.Equal("true", _host.Ask("known_command play"));
        Assert.Equal("true", _host.Ask("known_command KNOWN_COMMAND"));
        Assert.Equal("false", _host.Ask("known_command frobnicate"));
    }

    [Fact]
    public void ListCommandsNamesEveryRequiredCommandOncePerLine()
    {
        var names = _host.Ask("list_commands").Split('\n');
        string[] required =
        [
            "protocol_version", "name", "version", "known_command", "list_commands", "quit", "boardsize",
            "clear_board", "komi", "play", "genmove", "undo", "showboard", "fixed_handicap", "place_free_handicap",
            "set_free_handicap", "final_score", "final_status_list", "time_settings", "time_left", "is_legal",
            "all_legal", "list_stones", "captures", "zerogo-rules", "zerogo-version", "kgs-time_settings",
        ];
        foreach (var name in required)
        {
            Assert.Contains(name, names);
        }

        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, name => Assert.Equal("true", _host.Ask("known_command " + name)));
    }

    /// <summary>Malformed or unacceptable commands, each after the same game start: the spec's error text and no change at all.</summary>
    [Theory]
    [InlineData("boardsize 1", "unacceptable size")]
    [InlineData("boardsize 26", "unacceptable size")]
    [InlineData("boardsize 0", "unacceptable size")]
    [InlineData("boardsize -9", "unacceptable size")]
    [InlineData("boardsize 9 30", "unacceptable size")]
    [InlineData("boardsize 1:9", "unacceptable size")]
    [InlineData("rectangular_boardsize 9 1", "unacceptable size")]
    [InlineData("boardsize", "syntax error")]
    [InlineData("boardsize nine", "syntax error")]
    [InlineData("boardsize 9.5", "syntax error")]
    [InlineData("boardsize 9:", "syntax error")]
    [InlineData("boardsize 9 9 9", "syntax error")]
    [InlineData("known_command", "syntax error")]
    [InlineData("name extra", "syntax error")]
    [InlineData("komi seven", "syntax error")]
    [InlineData("komi NaN", "syntax error")]
    [InlineData("komi Infinity", "syntax error")]
    [InlineData("komi 6,5", "syntax error")]
    [InlineData("komi", "syntax error")]
    [InlineData("play x D4", "syntax error")]
    [InlineData("play b", "syntax error")]
    [InlineData("play b I5", "syntax error")]
    [InlineData("play b D", "syntax error")]
    [InlineData("play b 44", "syntax error")]
    [InlineData("play b D4 E5", "syntax error")]
    [InlineData("play b resign", "syntax error")]
    [InlineData("genmove", "syntax error")]
    [InlineData("genmove purple", "syntax error")]
    [InlineData("undo 2", "syntax error")]
    [InlineData("fixed_handicap two", "syntax error")]
    [InlineData("set_free_handicap C3 X", "syntax error")]
    [InlineData("set_free_handicap", "syntax error")]
    [InlineData("final_status_list zombie", "syntax error")]
    [InlineData("time_settings 300 30", "syntax error")]
    [InlineData("time_settings -1 30 5", "syntax error")]
    [InlineData("time_left purple 30 0", "syntax error")]
    [InlineData("time_left b 30 -1", "syntax error")]
    [InlineData("kgs-time_settings hourglass 30", "syntax error")]
    [InlineData("kgs-time_settings byoyomi 30", "syntax error")]
    [InlineData("is_legal w", "syntax error")]
    [InlineData("all_legal", "syntax error")]
    [InlineData("captures green", "syntax error")]
    [InlineData("zerogo-rules ko", "syntax error")]
    [InlineData("zerogo-rules ko super", "syntax error")]
    [InlineData("zerogo-rules suicide maybe", "syntax error")]
    [InlineData("zerogo-rules japanese", "syntax error")]
    [InlineData("frobnicate 1 2", "unknown command")]
    [InlineData("play b T19", "illegal move")]
    [InlineData("play b A10", "illegal move")]
    public void RejectedCommandsAnswerTheSpecsTextAndChangeNothing(string command, string error)
    {
        foreach (var setup in new[] { "boardsize 9", "komi -3", "zerogo-rules ko situational", "time_settings 300 30 5", "play b E5", "play w C3" })
        {
            _host.Ask(setup);
        }

        var rules = _host.State.Rules;
        ulong hash = _host.State.Board.Hash;
        string clock = _host.Ask("zerogo-time");

        Assert.Equal(error, _host.Fail(command));

        Assert.Equal(rules, _host.State.Rules);
        Assert.Equal(rules, _host.Session.Rules);
        Assert.Equal((9, 9), (_host.Session.Geometry.Width, _host.Session.Geometry.Height));
        Assert.Equal(2, _host.State.Moves.Count);
        Assert.Equal(hash, _host.State.Board.Hash);
        Assert.Equal(clock, _host.Ask("zerogo-time"));
    }

    [Fact]
    public void BoardsizeSetsSquareAndRectangularBoardsAndClears()
    {
        _host.Ask("play b D4");
        _host.Ask("boardsize 2");
        Assert.Equal("2", _host.Ask("query_boardsize"));
        _host.Ask("boardsize 25");
        Assert.Equal("25", _host.Ask("query_boardsize"));
        Assert.Equal("Z25", _host.Ask("all_legal b").Split(' ')[24]);
        _host.Ask("boardsize 9 13");
        Assert.Equal("9 13", _host.Ask("query_boardsize"));
        _host.Ask("boardsize 7:5");
        Assert.Equal((7, 5), (_host.Session.Geometry.Width, _host.Session.Geometry.Height));
        _host.Ask("rectangular_boardsize 3 4");
        Assert.Equal("3 4", _host.Ask("query_boardsize"));
        _host.Ask("play w C4");
        Assert.Equal("C4", _host.Ask("list_stones white"));
        Assert.Equal("illegal move", _host.Fail("play b D1")); // column D is off a 3-wide board
        Assert.Equal(0, _host.State.Board.CapturesBy(Color.Black));
    }

    [Fact]
    public void ClearBoardKeepsSizeKomiAndRules()
    {
        _host.Ask("boardsize 9");
        _host.Ask("komi 0.5");
        _host.Ask("zerogo-rules ko simple");
        _host.Ask("play b E5");
        _host.Ask("clear_board");
        Assert.Equal("", _host.Ask("list_stones black"));
        Assert.Equal(9, _host.Session.Geometry.Width);
        Assert.Equal("0.5", _host.Ask("get_komi"));
        Assert.Equal(KoRule.Simple, _host.State.Rules.KoRule);
        Assert.Equal("cannot undo", _host.Fail("undo"));
    }

    [Fact]
    public void KomiAcceptsFloats()
    {
        _host.Ask("komi 6.5");
        Assert.Equal(6.5, _host.State.Rules.Komi);
        _host.Ask("komi -3");
        Assert.Equal(-3, _host.State.Rules.Komi);
        Assert.Equal(-3, _host.State.Rules.Komi);
    }

    [Fact]
    public void PlayChecksColourVertexAndTheRules()
    {
        _host.Ask("boardsize 9");
        _host.Ask("play black D4");
        _host.Ask("play white pass");
        _host.Ask("play b d5"); // no turn order in GTP: black may play twice
        Assert.Equal("illegal move", _host.Fail("play w D4"));
        Assert.Equal(3, _host.State.Moves.Count);
    }

    [Fact]
    public void PlayAfterTwoPassesIsStillAccepted()
    {
        _host.Ask("boardsize 5");
        _host.Ask("play b pass");
        _host.Ask("play w pass");
        Assert.True(_host.State.IsOver);
        _host.Ask("play b C3");
        Assert.Equal("C3", _host.Ask("list_stones b"));
    }

    [Fact]
    public void SuicideIsIllegalUnlessTheRulesAllowIt()
    {
        _host.Ask("boardsize 5");
        _host.Ask("play b A2");
        _host.Ask("play b B1");
        Assert.Equal("illegal move", _host.Fail("play w A1"));
        Assert.Equal("0", _host.Ask("is_legal w A1"));
        Assert.Equal("ko positional suicide allowed", _host.Ask("zerogo-rules suicide allowed"));
        // A one-stone suicide recreates the position: positional superko still forbids it.
        Assert.Equal("0", _host.Ask("is_legal w A1"));
        _host.Ask("zerogo-rules ko simple");
        Assert.Equal("1", _host.Ask("is_legal w A1"));
        _host.Ask("play w A1");
        Assert.Equal("", _host.Ask("list_stones w"));
        Assert.Equal("1", _host.Ask("captures b"));
    }

    [Fact]
    public void KoAndSuperkoAreIllegalMoves()
    {
        // Black B1 A2 B3 C2, white C1 D2 C3, then white B2 takes the ko stone at C2.
        _host.Ask("boardsize 5");
        foreach (var move in new[] { "b B1", "w C1", "b A2", "w D2", "b B3", "w C3", "b C2", "w B2" })
        {
            _host.Ask("play " + move);
        }

        // White B2 captured black C2: black may not retake at C2 immediately (positional superko and simple ko).
        Assert.Equal("1", _host.Ask("captures w"));
        Assert.Equal("illegal move", _host.Fail("play b C2"));
        Assert.Equal("0", _host.Ask("is_legal b C2"));
        Assert.DoesNotContain("C2", _host.Ask("all_legal b").Split(' '));
        _host.Ask("play b pass");
        _host.Ask("play w pass");
        // Under positional superko the retake would still recreate the position before white's capture.
        Assert.Equal("illegal move", _host.Fail("play b C2"));
        _host.Ask("zerogo-rules ko simple");
        _host.Ask("play b C2");
        Assert.Equal("1", _host.Ask("captures b"));
    }

    [Fact]
    public void GenmovePlaysALegalMoveForTheGivenColour()
    {
        _host.Ask("boardsize 9");
        var move = _host.Ask("genmove b");
        Assert.Matches("^[A-HJ][1-9]$", move);
        Assert.Equal(move, _host.Ask("list_stones black"));
        var second = _host.Ask("genmove BLACK");
        Assert.Equal(2, _host.Ask("list_stones black").Split(' ').Length);
        Assert.NotEqual(move, second);
    }

    [Fact]
    public void GenmovePassesWhenOnlyOwnEyesAreLeft()
    {
        _host.Ask("boardsize 2");
        _host.Ask("play b A1");
        _host.Ask("play b B2");
        // A2 and B1 are black's own eyes: the random engine passes rather than fill them.
        Assert.Equal("pass", _host.Ask("genmove b"));
        Assert.Equal("pass", _host.Ask("reg_genmove b"));
        Assert.Equal(PlayedMove(Color.Black, Move.Pass), _host.State.Moves[^1]);
    }

    private static PlayedMove PlayedMove(Color color, Move move) => new(color, move);

    [Fact]
    public void RegGenmoveDoesNotPlay()
    {
        _host.Ask("boardsize 9");
        Assert.Matches("^[A-HJ][1-9]$", _host.Ask("reg_genmove w"));
        Assert.Empty(_host.State.Moves);
    }

    [Fact]
    public void UndoRestoresCapturesAndFailsWhenNothingIsLeft()
    {
        _host.Ask("boardsize 5");
        Assert.Equal("cannot undo", _host.Fail("undo"));
        _host.Ask("play b A2");
        _host.Ask("play w A1");
        _host.Ask("play b B1");
        Assert.Equal("1", _host.Ask("captures black"));
        _host.Ask("undo");
        Assert.Equal("0", _host.Ask("captures black"));
        Assert.Equal("A1", _host.Ask("list_stones white"));
        _host.Ask("undo");
        _host.Ask("undo");
        Assert.Equal("cannot undo", _host.Fail("undo"));
        Assert.Equal(25, _host.Ask("all_legal w").Split(' ').Length);
    }

    [Fact]
    public void ShowboardDrawsStonesStarPointsAndCaptures()
    {
        _host.Ask("boardsize 9");
        _host.Ask("play b C3");
        _host.Ask("play w E5");
        var board = _host.Ask("showboard");
        Assert.Contains("   A B C D E F G H J", board);
        Assert.Contains(" 5 . . . . O . . . . 5", board);
        Assert.Contains(" 7 . . + . . . + . . 7", board);
        Assert.Contains(" 3 . . X . . . + . . 3", board);
        Assert.Contains("captured 0 stones", board);
        _host.Ask("boardsize 19");
        Assert.Contains("10 . . . + . . . . . + . . . . . + . . . 10", _host.Ask("showboard"));
    }

    [Fact]
    public void FixedHandicapFollowsTheSpecAndNeedsAnEmptyBoard()
    {
        _host.Ask("boardsize 19");
        Assert.Equal("D4 Q16 D16 Q4 D10 Q10 K4 K16 K10", _host.Ask("fixed_handicap 9"));
        Assert.Equal(9, _host.Ask("list_stones b").Split(' ').Length);
        Assert.Equal(Color.White, _host.State.ToMove);
        Assert.Equal("board not empty", _host.Fail("fixed_handicap 2"));
        _host.Ask("boardsize 9");
        Assert.Equal("C3 G7 C7", _host.Ask("fixed_handicap 3"));
        _host.Ask("clear_board");
        Assert.Equal("invalid number of stones", _host.Fail("fixed_handicap 1"));
        Assert.Equal("invalid number of stones", _host.Fail("fixed_handicap 10"));
        _host.Ask("boardsize 7");
        Assert.Equal("invalid number of stones", _host.Fail("fixed_handicap 5"));
        _host.Ask("boardsize 6");
        Assert.Equal("invalid number of stones", _host.Fail("fixed_handicap 2"));
        Assert.Equal("", _host.Ask("list_stones b"));
    }

    [Fact]
    public void PlaceFreeHandicapUsesTheFixedPatternThenSpreads()
    {
        _host.Ask("boardsize 19");
        Assert.Equal("D4 Q16 D16 Q4", _host.Ask("place_free_handicap 4"));
        _host.Ask("clear_board");
        var twelve = _host.Ask("place_free_handicap 12").Split(' ');
        Assert.Equal(12, twelve.Distinct().Count());
        Assert.Equal(12, _host.Ask("list_stones black").Split(' ').Length);
        _host.Ask("boardsize 5"); // no fixed pattern below 7x7
        var three = _host.Ask("place_free_handicap 3").Split(' ');
        Assert.Equal(3, three.Distinct().Count());
        _host.Ask("boardsize 3");
        Assert.Equal(8, _host.Ask("place_free_handicap 8").Split(' ').Length);
        Assert.Null(_host.State.Board.FindInconsistency());
        _host.Ask("clear_board");
        Assert.Equal("invalid number of stones", _host.Fail("place_free_handicap 9"));
        Assert.Equal("invalid number of stones", _host.Fail("place_free_handicap 1"));
        _host.Ask("play b B2");
        Assert.Equal("board not empty", _host.Fail("place_free_handicap 2"));
    }

    [Fact]
    public void SetFreeHandicapPlacesTheGivenStones()
    {
        _host.Ask("boardsize 9");
        _host.Ask("set_free_handicap C3 g7 E5");
        Assert.Equal("G7 E5 C3", _host.Ask("list_stones black"));
        Assert.Equal(Color.White, _host.State.ToMove);
        Assert.Equal("board not empty", _host.Fail("set_free_handicap A1 B2"));
        _host.Ask("clear_board");
        Assert.Equal("bad vertex list", _host.Fail("set_free_handicap C3"));
        Assert.Equal("bad vertex list", _host.Fail("set_free_handicap C3 C3"));
        Assert.Equal("bad vertex list", _host.Fail("set_free_handicap C3 pass"));
        Assert.Equal("", _host.Ask("list_stones black"));
    }

    [Fact]
    public void FinalScoreIsTheTrompTaylorCount()
    {
        _host.Ask("boardsize 5");
        _host.Ask("komi 0.5");
        Assert.Equal("W+0.5", _host.Ask("final_score"));
        _host.Ask("play b C3");
        Assert.Equal("B+24.5", _host.Ask("final_score"));
        _host.Ask("play w C2");
        Assert.Equal("W+0.5", _host.Ask("final_score")); // all empty points reach both colours: 1 - 1 - 0.5
        _host.Ask("komi 0");
        Assert.Equal("0", _host.Ask("final_score"));
        foreach (var move in new[] { "A4", "B4", "C4", "D4", "E4" })
        {
            _host.Ask("play b " + move);
        }

        // Black: C3 and row 4 (6 stones) plus row 5, which reaches only black (5); white: C2 alone.
        Assert.Equal("B+10", _host.Ask("final_score"));
    }

    [Fact]
    public void FinalStatusListCallsEveryStoneAlive()
    {
        _host.Ask("boardsize 5");
        _host.Ask("play b A1");
        _host.Ask("play b A2");
        _host.Ask("play w E5");
        var alive = _host.Ask("final_status_list alive").Split('\n');
        Assert.Equal(["A2 A1", "E5"], alive.Order().ToArray());
        Assert.Equal("", _host.Ask("final_status_list dead"));
        Assert.Equal("", _host.Ask("final_status_list SEKI"));
    }

    [Fact]
    public void TimeCommandsStoreSettingsAndClocks()
    {
        _host.Ask("time_settings 300 30 5");
        Assert.Equal("canadian 300 30 5", _host.Ask("zerogo-time"));
        _host.Ask("time_left b 120 0");
        _host.Ask("time_left white 25 3");
        Assert.Equal(TimeSpan.FromSeconds(120), _host.Session.ClockOf(Color.Black)!.Value.TimeLeft);
        Assert.Equal(3, _host.Session.ClockOf(Color.White)!.Value.StonesLeft);
        var budget = _host.Session.TimeBudgetFor(Color.White);
        Assert.NotNull(budget.Suggested);
        Assert.InRange(budget.Suggested!.Value.TotalSeconds, 5, 25.0 / 3);
        _host.Ask("time_settings 0 10 0");
        Assert.Equal("none", _host.Ask("zerogo-time"));
        _host.Ask("time_settings 60 0 0");
        Assert.Equal("absolute 60", _host.Ask("zerogo-time"));
        _host.Ask("kgs-time_settings byoyomi 600 30 5");
        Assert.Equal("byoyomi 600 30 5", _host.Ask("zerogo-time"));
        _host.Ask("kgs-time_settings canadian 600 300 25");
        Assert.Equal("canadian 600 300 25", _host.Ask("zerogo-time"));
        _host.Ask("kgs-time_settings absolute 900");
        Assert.Equal("absolute 900", _host.Ask("zerogo-time"));
        _host.Ask("kgs-time_settings none");
        Assert.Equal("none", _host.Ask("zerogo-time"));
        Assert.Null(_host.Session.TimeBudgetFor(Color.Black).Suggested);
        Assert.Equal("none", _host.Ask("zerogo-time"));
    }

    [Fact]
    public void IsLegalAllLegalListStonesAndCapturesUseGnuGoMeanings()
    {
        _host.Ask("boardsize 3");
        Assert.Equal("A3 B3 C3 A2 B2 C2 A1 B1 C1", _host.Ask("all_legal b"));
        _host.Ask("play b A2");
        _host.Ask("play w A1");
        _host.Ask("play b B1");
        Assert.Equal("1", _host.Ask("captures b"));
        Assert.Equal("0", _host.Ask("captures w"));
        Assert.Equal("A2 B1", _host.Ask("list_stones b"));
        Assert.Equal("", _host.Ask("list_stones w"));
        Assert.Equal("1", _host.Ask("is_legal b A1"));
        Assert.Equal("0", _host.Ask("is_legal w A1")); // suicide
        Assert.Equal("0", _host.Ask("is_legal w A2")); // occupied
        Assert.Equal("0", _host.Ask("is_legal w T19")); // off this board
        Assert.Equal("1", _host.Ask("is_legal w pass"));
        Assert.Equal("A3 B3 C3 B2 C2 C1", _host.Ask("all_legal w"));
        Assert.Equal("black B1", _host.Ask("last_move"));
    }

    [Fact]
    public void RulesCommandSetsKoAndSuicideRules()
    {
        Assert.Equal("ko positional suicide forbidden", _host.Ask("zerogo-rules"));
        Assert.Equal("ko situational suicide forbidden", _host.Ask("zerogo-rules ko situational"));
        Assert.Equal("ko simple suicide allowed", _host.Ask("zerogo-rules suicide allowed ko SIMPLE"));
        Assert.Equal("ko positional suicide allowed", _host.Ask("zerogo-rules tromp-taylor"));
        Assert.Equal("ko positional suicide forbidden", _host.Ask("zerogo-rules chinese"));
        Assert.Equal(new Rules(), _host.State.Rules);
    }

    [Fact]
    public void BoardDrawingWorksOnRectangularAndTinyBoards()
    {
        _host.Ask("boardsize 2");
        Assert.Contains(" 1 . . 1", _host.Ask("showboard"));
        _host.Ask("boardsize 25 3");
        Assert.Contains("A B C D E F G H J K L M N O P Q R S T U V W X Y Z", BoardCommands.Draw(_host.State));
    }
}
