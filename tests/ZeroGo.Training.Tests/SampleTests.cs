using ZeroGo.Go;
using ZeroGo.Training.Samples;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Tests;

public class SampleTests
{
    /// <summary>A short 5x5 game Black wins by count, with a made-up spread policy on every move.</summary>
    internal static GameRecord SmallGame(int gameNumber = 1)
    {
        var state = new GameState(5, new Rules { Komi = 0.5 });
        var builder = new GameRecordBuilder(state);
        var g = state.Geometry;
        // Black walls off columns 0-2, White gets columns 3-4 (Black wins 15-10).
        var script = new (int C, int R)[]
        {
            (2, 0), (3, 0), (2, 1), (3, 1), (2, 2), (3, 2), (2, 3), (3, 3), (2, 4), (3, 4),
        };
        foreach (var (c, r) in script)
        {
            var move = Move.At(g.PointAt(c, r));
            var policy = new float[g.Area + 1];
            policy[g.DenseIndex(move.Point)] = 0.75f;
            policy[(g.DenseIndex(move.Point) + 1) % g.Area] = 0.25f;
            builder.Add(state.ToMove, move, policy, isPolicyTarget: true, rootValue: 0.1f, visits: 32);
            state.Play(move);
        }

        foreach (var _ in new[] { 0, 1 })
        {
            var policy = new float[g.Area + 1];
            policy[g.Area] = 1;
            builder.Add(state.ToMove, Move.Pass, policy, isPolicyTarget: false, rootValue: 0.9f, visits: 4);
            state.Play(Move.Pass);
        }

        return builder.Finish(state, Color.Empty, "test game", gameNumber, generation: 3);
    }

    [Fact]
    public void Finished_game_is_scored_by_area_from_blacks_view()
    {
        var game = SmallGame();
        Assert.True(game.HasFinalScore);
        Assert.Equal(15 - 10 - 0.5, game.ScoreForBlack, 3);
        Assert.Equal(1, game.Winner);
        Assert.Equal(1, game.FinalOwnership[0]);   // (0,0): black territory
        Assert.Equal(-1, game.FinalOwnership[4]);  // (4,0): white territory
        Assert.Null(game.Validate());
    }

    [Fact]
    public void Chunk_round_trips_every_field()
    {
        var folder = Path.Combine(Path.GetTempPath(), "zg-chunk-" + Guid.NewGuid().ToString("N"));
        try
        {
            var games = new List<GameRecord> { SmallGame(1), SmallGame(2) };
            games[1].SetupBlack = [12];
            games[1].Moves.RemoveRange(0, 10);
            var path = Path.Combine(folder, "a" + ChunkFile.Extension);
            ChunkFile.Write(path, games);
            Assert.False(File.Exists(path + ".tmp"));
            var back = ChunkFile.Read(path);
            Assert.Equal(2, back.Count);
            for (int i = 0; i < 2; i++)
            {
                var a = games[i];
                var b = back[i];
                Assert.Equal((a.Width, a.Height, a.Komi, a.KoRule, a.SuicideAllowed, a.FirstToMove),
                    (b.Width, b.Height, b.Komi, b.KoRule, b.SuicideAllowed, b.FirstToMove));
                Assert.Equal(a.SetupBlack, b.SetupBlack);
                Assert.Equal(a.FinalOwnership, b.FinalOwnership);
                Assert.Equal((a.ScoreForBlack, a.Winner, a.HasFinalScore, a.Source, a.GameNumber, a.Generation),
                    (b.ScoreForBlack, b.Winner, b.HasFinalScore, b.Source, b.GameNumber, b.Generation));
                Assert.Equal(a.Moves.Count, b.Moves.Count);
                for (int m = 0; m < a.Moves.Count; m++)
                {
                    Assert.Equal(a.Moves[m].Move, b.Moves[m].Move);
                    Assert.Equal(a.Moves[m].Color, b.Moves[m].Color);
                    Assert.Equal(a.Moves[m].IsPolicyTarget, b.Moves[m].IsPolicyTarget);
                    Assert.Equal(a.Moves[m].PolicyMoves, b.Moves[m].PolicyMoves);
                    Assert.Equal(a.Moves[m].PolicyProbabilities, b.Moves[m].PolicyProbabilities);
                    Assert.Equal(a.Moves[m].RootValue, b.Moves[m].RootValue);
                    Assert.Equal(a.Moves[m].Visits, b.Moves[m].Visits);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("header")]
    [InlineData("empty")]
    public void Damaged_chunk_is_detected_and_skipped_with_a_warning(string damage)
    {
        var folder = Path.Combine(Path.GetTempPath(), "zg-chunk-" + Guid.NewGuid().ToString("N"));
        try
        {
            var good = Path.Combine(folder, "0001" + ChunkFile.Extension);
            var bad = Path.Combine(folder, "0002" + ChunkFile.Extension);
            ChunkFile.Write(good, [SmallGame(1)]);
            ChunkFile.Write(bad, [SmallGame(2)]);
            var bytes = File.ReadAllBytes(bad);
            bytes = damage switch
            {
                "flip" => Flip(bytes, bytes.Length - 7),
                "truncate" => bytes[..(bytes.Length / 2)],
                "header" => Flip(bytes, 2),
                _ => [],
            };
            File.WriteAllBytes(bad, bytes);
            File.WriteAllBytes(Path.Combine(folder, "0003" + ChunkFile.Extension + ".tmp"), [1, 2, 3]);

            Assert.Throws<InvalidDataException>(() => ChunkFile.Read(bad));
            var warnings = new List<string>();
            var read = ChunkFile.ReadAll(folder, warnings.Add).ToList();
            Assert.Single(read);
            Assert.Equal(1, read[0].Games[0].GameNumber);
            Assert.Single(warnings);
            Assert.Contains("0002", warnings[0]);
        }
        finally
        {
            Directory.Delete(folder, true);
        }

        static byte[] Flip(byte[] b, int at)
        {
            b[at] ^= 0x5A;
            return b;
        }
    }

    [Fact]
    public void Value_score_and_ownership_targets_are_from_the_side_to_move()
    {
        var game = SmallGame();
        var targets = new TrainingTargets(game.Area);
        var seen = new List<Color>();
        GameReplay.Replay(game, (i, state) =>
        {
            seen.Add(state.ToMove);
            targets.Fill(game, i, state.ToMove);
            float expected = state.ToMove == Color.Black ? 1 : -1;
            Assert.Equal(expected, targets.Value);
            Assert.Equal(expected * 4.5f, targets.Score, 3);
            Assert.Equal(expected, targets.Ownership[0]);      // Black's corner
            Assert.Equal(-expected, targets.Ownership[4]);     // White's corner
            Assert.Equal(1, targets.ScoreWeight);
            Assert.Equal(expected > 0 ? (1f, 0f, 0f) : (0f, 0f, 1f), targets.Wdl);
        });
        Assert.Equal(12, seen.Count);
        Assert.Contains(Color.White, seen);
    }

    [Fact]
    public void A_value_search_share_moves_the_outcome_towards_the_search_value_of_searched_moves_only()
    {
        var game = SmallGame();
        var targets = new TrainingTargets(game.Area);

        targets.Fill(game, 0, Color.Black, valueSearchShare: 0.5); // Black won; its search said 0.1 (55 %)
        AssertWdl((0.775f, 0f, 0.225f), targets.Wdl);
        targets.Fill(game, 1, Color.White, valueSearchShare: 0.5); // White lost; its search said 0.1 too
        AssertWdl((0.275f, 0f, 0.725f), targets.Wdl);
        targets.Fill(game, 1, Color.White, valueSearchShare: 1);
        AssertWdl((0.55f, 0f, 0.45f), targets.Wdl);
        targets.Fill(game, 1, Color.White);
        AssertWdl((0f, 0f, 1f), targets.Wdl);
        Assert.Equal(-1, targets.Value);

        game.Moves[0].Visits = 0; // a human move: no search to learn from
        targets.Fill(game, 0, Color.Black, valueSearchShare: 0.5);
        AssertWdl((1f, 0f, 0f), targets.Wdl);

        var batch = TrainingBatch.Build([(SmallGame(), 0)], _ => Symmetry.Identity, valueSearchShare: 0.5);
        Assert.Equal([0.775f, 0.225f, 0f], batch.Outcome, new FloatTolerance(1e-5f)); // network order: win, loss, draw

        static void AssertWdl((float Win, float Draw, float Loss) expected, (float Win, float Draw, float Loss) actual)
        {
            Assert.Equal(expected.Win, actual.Win, 5);
            Assert.Equal(expected.Draw, actual.Draw, 5);
            Assert.Equal(expected.Loss, actual.Loss, 5);
        }
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float value) => 0;
    }

    [Fact]
    public void Cheap_search_moves_have_no_policy_target_and_resigned_games_no_score()
    {
        var game = SmallGame();
        var targets = new TrainingTargets(game.Area);
        targets.Fill(game, 10, Color.Black);
        Assert.Equal(0, targets.PolicyWeight);
        targets.Fill(game, 0, Color.Black);
        Assert.Equal(1, targets.PolicyWeight);
        Assert.Equal(0.75f, targets.Policy[game.Moves[0].Move], 5);
        Assert.Equal(1f, targets.Policy.Sum(), 5);

        game.HasFinalScore = false;
        targets.Fill(game, 1, Color.White);
        Assert.Equal(0, targets.ScoreWeight);
        Assert.Equal(-1, targets.Value);
    }

    [Fact]
    public void Symmetry_of_targets_matches_the_transformed_game()
    {
        var game = SmallGame();
        foreach (var symmetry in Symmetry.All)
        {
            var mirrored = GameRecordSymmetry.Transform(game, symmetry);
            var direct = new TrainingTargets(game.Area);
            var transformed = new TrainingTargets(game.Area);
            var boards = new List<(Board Original, Board Mirrored)>();
            GameReplay.Replay(game, (i, state) => boards.Add((state.Board.Clone(), null!)));
            int k = 0;
            GameReplay.Replay(mirrored, (i, state) => boards[k] = (boards[k++].Original, state.Board.Clone()));
            for (int i = 0; i < game.Moves.Count; i++)
            {
                var toMove = (Color)game.Moves[i].Color;
                transformed.Fill(game, i, toMove);
                transformed.ApplySymmetry(symmetry, game.Width, game.Height);
                direct.Fill(mirrored, i, toMove);
                Assert.Equal(direct.Policy, transformed.Policy);
                Assert.Equal(direct.Ownership, transformed.Ownership);

                // The stones moved the same way as the targets.
                var g = game.Geometry;
                foreach (var p in g.Points)
                {
                    Assert.Equal(boards[i].Original[p], boards[i].Mirrored[symmetry.Apply(p, g)]);
                }
            }
        }
    }
}
