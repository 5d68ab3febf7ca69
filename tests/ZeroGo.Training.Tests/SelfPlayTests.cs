using ZeroGo.Go;
using ZeroGo.Search;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;
using ZeroGo.Training.SelfPlay;

namespace ZeroGo.Training.Tests;

public class SelfPlayTests
{
    internal static SelfPlaySettings TinySettings => new()
    {
        Visits = 16, CheapVisits = 4, FullSearchProbability = 0.5, TemperatureMoves = 4, ConcurrentGames = 3,
        ResignPlayThroughShare = 0.5, SearchBatch = 2,
    };

    internal static SelfPlayRunner TinyRunner(IEvaluator evaluator, SelfPlaySettings settings, int size = 5, int generation = 0) =>
        new(number => new PuctMoveSearcher(evaluator, new SearchOptions { Threads = 1, BatchSize = settings.SearchBatch, MaxNodes = 50_000 },
                settings.DirichletEpsilon, settings.DirichletAlphaTotal, settings.Visits, settings.CheapVisits, (ulong)number),
            settings, size, komi: 0.5, seed: 7, generation: generation);

    [Fact]
    public void Self_play_games_are_legal_records_with_policy_targets_only_on_full_searches()
    {
        var games = new List<SelfPlayGame>();
        var runner = TinyRunner(new UniformEvaluator(), TinySettings);
        runner.GameFinished += (game, _) => games.Add(game);
        var totals = runner.Run([1, 2, 3, 4]);
        Assert.Equal(4, totals.GamesDone);
        Assert.Equal(4, games.Count);
        Assert.Equal([1, 2, 3, 4], games.Select(g => g.Record.GameNumber).Order());
        Assert.True(totals.Moves > 0 && totals.Visits > totals.Moves);
        foreach (var game in games)
        {
            var record = game.Record;
            Assert.Null(record.Validate());
            Assert.Equal(record.Moves.Count, game.Comments.Count);
            Assert.Contains(record.Moves, m => m.IsPolicyTarget);
            Assert.Contains(record.Moves, m => !m.IsPolicyTarget);
            foreach (var move in record.Moves)
            {
                Assert.Equal(1f, move.PolicyProbabilities.Sum(), 3);
                Assert.True(move.Visits >= (move.IsPolicyTarget ? 16 : 4), $"{move.Visits} visits");
            }

            var final = GameReplay.FinalState(record);   // throws if any move does not replay
            if (!game.ResignedBy.IsPlayer())
            {
                Assert.True(record.HasFinalScore);
                Assert.Equal(final.ScoreForBlack(), record.ScoreForBlack, 3);
            }
        }
    }

    [Fact]
    public void Output_commits_a_game_by_its_chunk_and_resume_replays_only_unfinished_games()
    {
        var root = Path.Combine(Path.GetTempPath(), "zg-sp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new SelfPlayOutput(Path.Combine(root, "games"), Path.Combine(root, "samples"));
            var runner = TinyRunner(new UniformEvaluator(), TinySettings with { ConcurrentGames = 2 });
            runner.GameFinished += (game, _) => output.Write(game, "uniform");
            runner.Run([1, 2, 3]);
            Assert.Equal([1, 2, 3], output.ScanFinished(null));

            // A kill between the SGF and the chunk of game 2, and a torn chunk of game 3.
            File.Delete(output.ChunkPath(2));
            var bytes = File.ReadAllBytes(output.ChunkPath(3));
            File.WriteAllBytes(output.ChunkPath(3), bytes[..(bytes.Length - 5)]);
            File.WriteAllText(output.ChunkPath(4) + ".tmp", "half");
            var warnings = new List<string>();
            var finished = output.ScanFinished(warnings.Add);
            Assert.Equal([1], finished);
            Assert.False(File.Exists(output.SgfPath(2)));
            Assert.False(File.Exists(output.SgfPath(3)));
            Assert.False(File.Exists(output.ChunkPath(4) + ".tmp"));
            Assert.Equal(4, warnings.Count);
            Assert.Equal([2, 3, 4], SelfPlayOutput.Remaining(finished, 4));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Play_through_games_count_would_be_resignations()
    {
        // A rollout evaluator gives decisive values late in 5x5 games, so the rule fires; all games play through.
        var settings = TinySettings with { ResignPlayThroughShare = 1.0, ResignWinRate = 0.45, ResignConsecutiveMoves = 1 };
        var runner = TinyRunner(new RolloutEvaluator(4, 3), settings);
        var totals = runner.Run([1, 2, 3, 4]);
        Assert.Equal(4, totals.PlayThroughGames);
        Assert.True(totals.WouldHaveResigned > 0);
        Assert.InRange(totals.FalseResignations, 0, totals.WouldHaveResigned);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Self_play_resigns_only_from_the_generation_the_guard_names(int generation, bool mayResign)
    {
        // Decisive rollout values late in 5x5 games make the rule fire; no game is chosen to play through.
        var settings = TinySettings with { ResignPlayThroughShare = 0, ResignWinRate = 0.45, ResignConsecutiveMoves = 1, ResignFromGeneration = 3 };
        var games = new List<SelfPlayGame>();
        var runner = TinyRunner(new RolloutEvaluator(4, 3), settings, generation: generation);
        runner.GameFinished += (game, _) => games.Add(game);
        var totals = runner.Run([1, 2, 3, 4]);
        if (mayResign)
        {
            Assert.Contains(games, g => g.ResignedBy.IsPlayer());
            Assert.Equal(0, totals.PlayThroughGames);
        }
        else
        {
            Assert.DoesNotContain(games, g => g.ResignedBy.IsPlayer());
            Assert.All(games, g => Assert.True(g.Record.HasFinalScore));
            // the guarded games still measure what resigning would have done
            Assert.Equal(4, totals.PlayThroughGames);
            Assert.True(totals.WouldHaveResigned > 0);
        }
    }

    [Fact]
    public void A_negative_resignation_guard_is_refused_naming_the_setting()
    {
        var config = RunConfig.ForSize(7) with { SelfPlay = RunConfig.ForSize(7).SelfPlay with { ResignFromGeneration = -1 } };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("selfPlay.resignFromGeneration", error.Message);
    }

    [Fact]
    public void Gumbel_self_play_gives_improved_policy_targets_and_legal_games()
    {
        var settings = TinySettings with { Gumbel = true, GumbelTopK = 4, Visits = 8, CheapVisits = 4 };
        var evaluator = new RolloutEvaluator(2, 5);
        var runner = new SelfPlayRunner(
            number => new GumbelMoveSearcher(evaluator, new SearchOptions { Threads = 1, BatchSize = 1, MaxNodes = 20_000 }, settings.GumbelTopK,
                settings.Visits, settings.CheapVisits, (ulong)number),
            settings, 5, 0.5, 3, 0);
        var games = new List<SelfPlayGame>();
        runner.GameFinished += (game, _) => games.Add(game);
        runner.Run([1, 2]);
        Assert.Equal(2, games.Count);
        foreach (var game in games)
        {
            GameReplay.FinalState(game.Record);
            foreach (var move in game.Record.Moves)
            {
                Assert.Equal(1f, move.PolicyProbabilities.Sum(), 3);
                Assert.NotEmpty(move.PolicyMoves);
            }
        }
    }

    [Fact]
    public void Gumbel_search_finds_the_capture_that_wins_with_few_visits()
    {
        // 5x5: a White stone in atari at (1,1) surrounded by Black on three sides; Black to move captures at (1,2).
        var state = new GameState(5, new Rules { Komi = 0.5 });
        var g = state.Geometry;
        state.Play(Move.At(g.PointAt(1, 0)));
        state.Play(Move.At(g.PointAt(1, 1)));
        state.Play(Move.At(g.PointAt(0, 1)));
        state.Play(Move.Pass);
        state.Play(Move.At(g.PointAt(2, 1)));
        state.Play(Move.Pass);
        var searcher = new GumbelMoveSearcher(new RolloutEvaluator(16, 9), new SearchOptions { Threads = 1, BatchSize = 1 }, 16, 64, 16, 1);
        var result = searcher.Search(state, full: true);
        int capture = g.DenseIndex(g.PointAt(1, 2));
        Assert.Equal(Move.At(g.PointAt(1, 2)), result.BestMove);
        Assert.Equal(result.Policy.Max(), result.Policy[capture]);
    }
}
