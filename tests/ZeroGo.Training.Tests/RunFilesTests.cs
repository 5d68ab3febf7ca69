using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;
using ZeroGo.Training.Arena;
using ZeroGo.Training.Metrics;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Tests;

public class RunFilesTests
{
    [Fact]
    public void Replay_window_grows_like_katago_and_keeps_the_newest_samples()
    {
        var settings = new TrainingSettings { WindowMinSamples = 100, WindowMaxSamples = 1000 };
        Assert.Equal(50, ReplayWindow.WindowSize(50, settings));
        Assert.Equal(100, ReplayWindow.WindowSize(100, settings));
        long at400 = ReplayWindow.WindowSize(400, settings);
        Assert.InRange(at400, 101, 399);   // grows, but slower than the data
        Assert.Equal(1000, ReplayWindow.WindowSize(10_000_000, settings));

        var games = Enumerable.Range(1, 40).Select(i => SampleTests.SmallGame(i)).ToList();   // 12 moves each
        var window = ReplayWindow.FromGames(games, settings);
        Assert.Equal(480, window.TotalSamples);
        Assert.Equal(ReplayWindow.WindowSize(480, settings), window.Count);
        var (newest, newestMove) = window.At(window.Count - 1);
        Assert.Equal(40, newest.GameNumber);
        Assert.Equal(11, newestMove);
        var (oldest, _) = window.At(0);
        Assert.True(oldest.GameNumber > 1);
        var random = new FastRandom(3);
        for (int i = 0; i < 200; i++)
        {
            var (game, move) = window.Sample(ref random);
            Assert.InRange(move, 0, game.Moves.Count - 1);
            Assert.True(game.GameNumber >= oldest.GameNumber);
        }
    }

    [Fact]
    public void Sgf_of_a_record_replays_to_the_same_moves_with_comments()
    {
        var game = SampleTests.SmallGame();
        var comments = game.Moves.Select((m, i) => (string?)$"move {i + 1}").ToList();
        var text = SgfGames.ToSgf(game, "gen-0003", "gen-0003", SgfGames.ResultText(game, false), comments);
        var sgf = SgfGame.Parse(text);
        Assert.Equal(5, sgf.Width);
        Assert.Equal("B+4.5", sgf.Info.Result);
        var final = sgf.FinalState().State;
        Assert.Equal(game.Moves.Count, final.Moves.Count);
        for (int i = 0; i < game.Moves.Count; i++)
        {
            Assert.Equal(game.ToMove(game.Moves[i].Move), final.Moves[i].Move);
        }

        Assert.Contains("C[move 3]", text);
    }

    [SkippableFact]
    public void Human_games_become_one_hot_policy_targets_with_the_result_as_value()
    {
        var folder = TestData.RequireShared("games/alphago_lee_sedol");
        var path = Path.Combine(folder, "LS_vs_AG_G2.sgf");
        var record = SgfGames.FromSgf(SgfGame.Load(path), "G2", out var whyNot);
        Assert.NotNull(record);
        Assert.Null(whyNot);
        Assert.Equal(211, record!.Moves.Count);
        Assert.Equal(1, record.Winner);   // B+Resign: AlphaGo (Black) won
        Assert.False(record.HasFinalScore);
        var g = record.Geometry;
        Assert.Equal(g.DenseIndex(g.PointAt(14, 9)), record.Moves[36].Move);   // move 37: B[oj]
        var targets = new TrainingTargets(record.Area);
        int checkedMoves = 0;
        GameReplay.Replay(record, (i, state) =>
        {
            targets.Fill(record, i, state.ToMove);
            Assert.Equal(1, targets.PolicyWeight);
            Assert.Equal(1f, targets.Policy[record.Moves[i].Move]);
            Assert.Equal(state.ToMove == Color.Black ? 1 : -1, targets.Value);
            Assert.Equal(0, targets.ScoreWeight);
            checkedMoves++;
        });
        Assert.Equal(211, checkedMoves);
    }

    [Fact]
    public void Csv_log_survives_a_torn_last_line_and_charts_draw()
    {
        var folder = TestData.OutputFolder("training-csv");
        var path = Path.Combine(folder, "training.csv");
        File.Delete(path);
        var log = new CsvLog(path, ["step", "policy_loss", "value_loss", "score_loss", "ownership_loss", "total_loss"]);
        for (int i = 1; i <= 20; i++)
        {
            log.Append(i, 5.0 / i, 1.0 / i, 0.1, 0.5 / i, 6.6 / i);
        }

        File.AppendAllText(path, "21,0.1,0.");   // a crash mid-write
        var reopened = new CsvLog(path, log.Columns);
        reopened.Append(21, 0.2, 0.05, 0.1, 0.02, 0.4);
        var rows = CsvLog.Read(path);
        Assert.Equal(21, rows.Count);
        Assert.Equal(0.2, CsvLog.Number(rows[^1], "policy_loss"), 9);
        var png = Path.Combine(folder, "loss.png");
        Assert.True(Charts.TrainingLosses(path, png));
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(0x89, bytes[0]);   // PNG signature
    }

    [Fact]
    public void Run_directory_finds_generations_and_clears_unfinished_files()
    {
        var root = Path.Combine(Path.GetTempPath(), "zg-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = new RunDirectory(root);
            run.CreateFolders();
            run.SaveConfig(RunConfig.ForSize(7));
            Assert.Equal(7, run.LoadConfig().Size);
            Assert.Equal(9.5, run.LoadConfig().Komi);
            File.WriteAllText(run.ModelStem(0) + ".json", "{}");
            File.WriteAllText(run.ModelStem(2) + ".json", "{}");
            File.WriteAllText(run.ModelStem(3) + ".json.tmp", "{");
            File.WriteAllText(Path.Combine(run.Models, "latest.json"), "{}");
            Assert.Equal([0, 2], run.GenerationsWithFile(".json"));
            var warnings = new List<string>();
            Assert.Equal(1, run.RemoveTemporaryFiles(warnings.Add));
            Assert.Contains("gen-0003.json.tmp", warnings[0]);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    /// <summary>
    /// Was flaky (random won about one game in five as White) until GNU Go got --capture-all-dead: it passed with
    /// random's dead stones on the board and the arena's area count credited them to random.
    /// </summary>
    [SkippableFact]
    public void Random_loses_to_gnugo_on_a_small_board()
    {
        Skip.IfNot(File.Exists("/usr/games/gnugo"), "GNU Go is not installed (scripts/setup.sh test installs it)");
        var games = new List<ArenaGame>();
        using var random = new RandomPlayerFactory();
        using var gnugo = GtpPlayerFactory.GnuGo(1);
        var match = new ArenaMatch(random, gnugo, new ArenaOptions { Size = 9, Games = 4, Parallel = 2, Komi = 7.5 });
        match.GameFinished += (game, _) => games.Add(game);
        var stats = match.Run();
        Assert.Equal(4, stats.Games);
        Assert.Equal(0, stats.Wins);
        Assert.Contains(games, g => g.BlackName == "gnugo:1");
        Assert.Contains(games, g => g.WhiteName == "gnugo:1");
    }
}
