using ZeroGo.Formats;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Gtp.Tests;

/// <summary>loadsgf and printsgf (Formats' SGF reader and writer behind the GTP command table).</summary>
public sealed class SgfCommandTests
{
    private readonly GtpTestHost _host = new();

    private static string Game(int number) =>
        Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", $"game{number}.sgf");

    [Fact]
    public void Loadsgf_with_a_move_number_gives_the_position_before_that_move()
    {
        Assert.Equal("black", _host.Ask($"loadsgf {Game(2)} 37"));
        Assert.Equal(36, _host.State.Moves.Count);
        Assert.Equal("Q11", _host.Ask("last_move").Split(' ')[^1].ToUpperInvariant());
        Assert.Equal("1", _host.Ask("is_legal b P10"));
        Assert.Equal(7.5, _host.Session.Rules.Komi);
        Assert.Equal(KoRule.Positional, _host.Session.Rules.KoRule);

        Assert.Equal("white", _host.Ask($"loadsgf {Game(2)}"));
        Assert.Equal(211, _host.State.Moves.Count);
        Assert.Equal(3, _host.State.Board.BlackCaptures);
    }

    [Fact]
    public void Loadsgf_with_a_vertex_stops_before_the_first_move_there()
    {
        Assert.Equal("black", _host.Ask($"loadsgf {Game(2)} P10"));
        Assert.Equal(36, _host.State.Moves.Count);
    }

    [Fact]
    public void Loadsgf_errors_say_why_and_leave_the_game_alone()
    {
        _host.Ask("boardsize 9");
        _host.Ask("play b e5");
        Assert.StartsWith("cannot load file", _host.Fail("loadsgf /no/such/file.sgf"));
        Assert.Equal("syntax error", _host.Fail($"loadsgf {Game(1)} 0"));
        Assert.Equal("syntax error", _host.Fail("loadsgf"));
        string notSgf = Path.Combine(TestData.OutputFolder("gtp-sgf"), "not.gib");
        File.WriteAllText(notSgf, "\\HS\n\\[GIBOKIND=Global\\]\n\\HE\n");
        Assert.Contains("Tygem .gib", _host.Fail($"loadsgf {notSgf}"));
        Assert.Single(_host.State.Moves);
        Assert.Equal(9, _host.State.Geometry.Width);
    }

    [Fact]
    public void Printsgf_writes_the_game_so_far_with_size_komi_rules_and_players()
    {
        _host.Ask($"loadsgf {Game(2)} 50");
        _host.Ask("play b pass");
        string sgf = _host.Ask("printsgf");
        var game = SgfGame.Parse(sgf, SgfReadOptions.StrictMode);
        Assert.Equal("AlphaGo", game.Info.PlayerBlack);
        Assert.Equal("Lee Sedol", game.Info.PlayerWhite);
        Assert.Equal(7.5, game.Info.Komi);
        Assert.Equal("Chinese", game.Info.Rules);
        Assert.Equal((19, 19), (game.Width, game.Height));
        Assert.Equal(50, game.MoveCount);
        Assert.Equal(_host.State.Board.Hash, game.FinalState(SgfReplayMode.Strict).State.Board.Hash);
    }

    [Fact]
    public void Printsgf_of_a_fresh_game_loads_back()
    {
        _host.Ask("boardsize 9");
        _host.Ask("komi 5.5");
        _host.Ask("zerogo-rules tromp-taylor");
        _host.Ask("play b e5");
        _host.Ask("play w c3");
        _host.Ask("play b pass");
        _host.Ask("play w pass");
        var game = SgfGame.Parse(_host.Ask("printsgf"), SgfReadOptions.StrictMode);
        Assert.Equal(5.5, game.Info.Komi);
        Assert.Equal(Rules.TrompTaylor with { Komi = 5.5 }, game.Rules);
        Assert.Null(game.Info.PlayerBlack);
        Assert.Equal(GameState.FormatResult(_host.State.ScoreForBlack()), game.Info.Result); // two passes: scored

        string file = Path.Combine(TestData.OutputFolder("gtp-sgf"), "printed.sgf");
        File.WriteAllText(file, _host.Ask("printsgf"));
        var other = new GtpTestHost();
        Assert.Equal("black", other.Ask($"loadsgf {file}"));
        Assert.Equal(_host.State.Board.Hash, other.State.Board.Hash);
        Assert.Equal(4, other.State.Moves.Count);
        Assert.Equal(5.5, other.Session.Rules.Komi);
        Assert.True(other.Session.Rules.SuicideAllowed);
    }

    [SkippableFact]
    public void Fuego_repetition_cases_through_gtp()
    {
        string folder = TestData.RequireShared("rules/fuego_regression/sgf/repetition");
        // (file, move number or 0 for all, move, answers under simple / situational / positional)
        var cases = new (string File, int Move, string Command, string Answers)[]
        {
            ("simpleko.sgf", 0, "is_legal w b1", "000"),
            ("long-life.sgf", 4, "is_legal w a4", "100"),
            ("repetition-1.sgf", 105, "is_legal b c9", "100"),
            ("triple-ko.sgf", 6, "is_legal w e7", "100"),
            ("positional-superko.sgf", 3, "is_legal w b9", "110"),
        };
        foreach (var (file, move, command, answers) in cases)
        {
            string[] rules = ["simple", "situational", "positional"];
            for (int i = 0; i < 3; i++)
            {
                _host.Ask($"loadsgf {Path.Combine(folder, file)}{(move > 0 ? " " + move : "")}");
                _host.Ask($"zerogo-rules ko {rules[i]}");
                Assert.True(answers[i].ToString() == _host.Ask(command), $"{file} {move}: {command} under {rules[i]} ko");
            }
        }
    }

    [Fact]
    public void Printsgf_with_a_file_name_writes_the_file_and_answers_empty()
    {
        _host.Ask("boardsize 9");
        _host.Ask("komi 6.5");
        _host.Ask("play b e5");
        _host.Ask("play w c3");
        string folder = Path.Combine(TestData.OutputFolder("gtp-sgf"), "printsgf file");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "with spaces.sgf"); // GNU Go's names may hold spaces; so may ours
        File.Delete(file);

        Assert.Equal("", _host.Ask($"printsgf {file}"));

        Assert.Equal(_host.Ask("printsgf") + "\n", File.ReadAllText(file));
        var other = new GtpTestHost();
        Assert.Equal("black", other.Ask($"loadsgf {file}"));
        Assert.Equal(_host.State.Board.Hash, other.State.Board.Hash);
        Assert.Equal(6.5, other.Session.Rules.Komi);

        _host.Ask("play b g7");
        Assert.Equal("", _host.Ask($"printsgf {file}")); // an existing file is replaced
        Assert.Equal(3, SgfGame.Load(file).MoveCount);
    }

    [Fact]
    public void Printsgf_to_an_unwritable_path_is_a_clear_error_and_changes_nothing()
    {
        _host.Ask("play b d4");
        string folder = TestData.OutputFolder("gtp-sgf");
        string missing = Path.Combine(folder, "no such folder", "game.sgf");

        string error = _host.Fail($"printsgf {missing}");
        Assert.StartsWith("cannot write file: ", error);
        Assert.Contains("no such folder", error);
        Assert.StartsWith("cannot write file: ", _host.Fail($"printsgf {folder}")); // a folder, not a file
        Assert.False(File.Exists(missing));
        Assert.Single(_host.State.Moves);
        Assert.StartsWith("(;", _host.Ask("printsgf"));
    }
}
