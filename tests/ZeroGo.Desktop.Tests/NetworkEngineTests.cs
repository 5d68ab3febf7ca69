using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Engines;
using ZeroGo.Desktop.Play;
using ZeroGo.Desktop.Players;
using ZeroGo.Desktop.Scoring;
using ZeroGo.Go;
using ZeroGo.Neural.Loading;
using ZeroGo.Neural;
using ZeroGo.Neural.Files;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Tests;

/// <summary>The board's AI over a real (tiny, freshly initialised) network of either family.</summary>
public sealed class NetworkEngineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-desktop-net-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteZeroGoModel(string name)
    {
        using var network = PolicyValueNetwork.Create(NetworkConfig.Create(1, 8), seed: 1);
        string stem = Path.Combine(_folder, name);
        network.Save(stem, new ModelInfo { BoardSizes = ["9x9"], Notes = "desktop test" });
        return stem + ModelPaths.ManifestExtension;
    }

    [Theory]
    [InlineData("full")]
    [InlineData("beginner")]
    public void AZeroGoNetworkDrivesTheAiToALegalMoveAndIsNamed(string levelKey)
    {
        using var engine = NetworkEngine.Load(WriteZeroGoModel("tiny-net"), threads: 1, seed: 3);
        Assert.Equal(NetworkFamily.ZeroGo, engine.Family);
        Assert.Equal("ZeroGo network tiny-net (b1c8)", engine.Description);
        Assert.NotNull(engine.Layers);

        var level = StrengthLevel.Find(levelKey) ?? throw new InvalidOperationException($"no level {levelKey}");
        var opponent = new LevelOpponent(engine.Source, level, fullVisits: 16, seed: 1);
        Assert.Contains("ZeroGo network tiny-net (b1c8)", opponent.Name);

        var state = new GameState(BoardGeometry.Get(9), Rules.Default);
        state.Play(Color.Black, Move.At(state.Geometry.PointAt(4, 4)));
        var reply = opponent.ChooseMove(state.Clone(), CancellationToken.None, null);
        Assert.True(reply.Move.IsPass || state.IsLegal(Color.White, reply.Move), $"illegal move {reply.Move}");
        Assert.NotNull(reply.Analysis);
        Assert.NotNull(reply.Analysis!.Policy); // the network's prior, which the lower levels sample from
        Assert.True(reply.Analysis.Candidates.Sum(c => c.Visits) > 0);
    }

    [Fact]
    public void TheNetworksOwnershipHeadGivesAFullBoardInRange()
    {
        using var engine = NetworkEngine.Load(WriteZeroGoModel("own-net"), threads: 1, seed: 3);
        var state = new GameState(BoardGeometry.Get(9), Rules.Default);
        var ownership = engine.Ownership.EstimateOwnershipBlack(state);
        Assert.NotNull(ownership);
        Assert.Equal(81, ownership!.Length);
        Assert.All(ownership, o => Assert.InRange(o, -1f, 1f));
    }

    [Fact]
    public void ALeelaZeroFilePlays19x19AndRefusesOtherSizes()
    {
        string path = Path.Combine(_folder, "tiny-lz.txt");
        LeelaZeroWeightsWriter.Save(LeelaZeroRandomWeights.Create(1, 8, 5), path);
        Assert.Null(NetworkEngine.CheckBoardSize(path, 19));
        var refusal = NetworkEngine.CheckBoardSize(path, 9);
        Assert.NotNull(refusal);
        Assert.Contains("19x19 only", refusal);
        Assert.Null(NetworkEngine.CheckBoardSize(WriteZeroGoModel("any-size"), 13)); // ZeroGo networks play any size

        using var engine = NetworkEngine.Load(path, threads: 1, seed: 3);
        Assert.Equal(NetworkFamily.LeelaZero, engine.Family);
        Assert.Equal("Leela Zero network tiny-lz", engine.Description);
        Assert.Null(engine.Layers);
        var state = new GameState(BoardGeometry.Get(19), Rules.Default);
        var reply = new LevelOpponent(engine.Source, StrengthLevel.Default, fullVisits: 8, seed: 1).ChooseMove(state.Clone(), CancellationToken.None, null);
        Assert.True(reply.Move.IsPass || state.IsLegal(Color.Black, reply.Move), $"illegal move {reply.Move}");
    }
}

/// <summary>The end-of-game count takes its dead stones from the evaluator's ownership when there is one.</summary>
public class OwnershipScoringTests
{
    /// <summary>Fixed ownership (Black's view) reported from the side to move's view, as evaluators do.</summary>
    private sealed class FixedOwnershipEvaluator(float blackOwnership, bool hasOwnership = true) : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "fixed ownership";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int r = 0; r < requests.Count; r++)
            {
                var request = requests[r];
                var result = results[r];
                int legal = request.LegalMask.Count(m => m);
                for (int i = 0; i < result.Policy.Length; i++)
                {
                    result.Policy[i] = request.LegalMask[i] ? 1f / legal : 0;
                }

                float sign = request.ToMove == Color.Black ? 1 : -1;
                Array.Fill(result.Ownership, blackOwnership * sign);
                result.HasOwnership = hasOwnership;
            }
        }
    }

    /// <summary>Plays a fixed list of moves, then passes.</summary>
    private sealed class ScriptedOpponent(params Move[] moves) : IOpponent
    {
        private int _next;

        public string Name => "scripted";

        public OpponentReply ChooseMove(GameState state, CancellationToken cancel, Action<AnalysisSnapshot>? progress) =>
            new(_next < moves.Length ? moves[_next++] : Move.Pass, null);
    }

    /// <summary>Black c3, White a1, two passes, counted with <paramref name="ownership"/>.</summary>
    private static PlayController PlayToTheEnd(IOwnershipEstimator? ownership)
    {
        var geometry = BoardGeometry.Get(5);
        var settings = new PlaySettings { Width = 5, Height = 5, Visits = 1, HumanColor = Color.Black };
        var controller = new PlayController(settings, new ScriptedOpponent(Move.At(geometry.PointAt(0, 4))), ownership: ownership);
        Assert.Null(controller.TryHumanMove(geometry.PointAt(2, 2)));
        ControllerWait.ForAi(controller);
        controller.Pass();
        ControllerWait.ForAi(controller);
        Assert.Equal(GamePhase.Scoring, controller.Phase);
        return controller;
    }

    [Theory]
    [InlineData(1f, false, true)]
    [InlineData(-1f, true, false)]
    public void DeadStonesAreWhereTheEvaluatorsOwnershipSays(float blackOwnership, bool blackDead, bool whiteDead)
    {
        var geometry = BoardGeometry.Get(5);
        using var controller = PlayToTheEnd(new EvaluatorOwnership(new FixedOwnershipEvaluator(blackOwnership)));
        Assert.Equal("the network's ownership", controller.DeadStonesSource);
        Assert.Equal(blackDead, controller.Scorer!.IsDead(geometry.PointAt(2, 2)));
        Assert.Equal(whiteDead, controller.Scorer.IsDead(geometry.PointAt(0, 4)));
        // With one side's stones all dead, the other side owns the whole board.
        Assert.Equal(blackDead ? 0 : 25, controller.Score!.BlackArea);
        Assert.Equal(whiteDead ? 0 : 25, controller.Score.WhiteArea);

        // The player can still overrule the guess.
        Assert.True(controller.ToggleDead(geometry.PointAt(0, 4)));
        Assert.Equal(!whiteDead, controller.Scorer.IsDead(geometry.PointAt(0, 4)));
    }

    [Fact]
    public void WithoutAnOwnershipHeadTheCountFallsBackToRandomPlayouts()
    {
        using var controller = PlayToTheEnd(new EvaluatorOwnership(new FixedOwnershipEvaluator(1f, hasOwnership: false)));
        Assert.Contains("random playouts", controller.DeadStonesSource);
        Assert.NotNull(controller.Score);
    }

    [Fact]
    public void OwnershipIsTurnedToBlacksViewWhenWhiteIsToMove()
    {
        var state = new GameState(BoardGeometry.Get(5), Rules.Default);
        state.Play(Color.Black, Move.At(state.Geometry.PointAt(2, 2)));
        Assert.Equal(Color.White, state.ToMove);
        var ownership = new EvaluatorOwnership(new FixedOwnershipEvaluator(0.75f)).EstimateOwnershipBlack(state);
        Assert.All(ownership!, o => Assert.Equal(0.75f, o));
        Assert.Null(new EvaluatorOwnership(new FixedOwnershipEvaluator(0.75f, hasOwnership: false)).EstimateOwnershipBlack(state));
    }
}

/// <summary>The search behind the board hands on its own choice of move, not only its ranked candidates.</summary>
public class SearchChoiceTests
{
    /// <summary>Every prior on pass and a lost game for whoever is to move: a search that would like to pass at once.</summary>
    private sealed class PassLovingEvaluator : IEvaluator
    {
        public int HistoryLength => 0;

        public string Name => "pass-loving";

        public void Evaluate(IReadOnlyList<EvaluationRequest> requests, IReadOnlyList<Evaluation> results)
        {
            for (int r = 0; r < requests.Count; r++)
            {
                Array.Clear(results[r].Policy);
                results[r].Policy[^1] = 1f;
                results[r].ValueForSideToMove = -0.8f;
                Array.Clear(results[r].Ownership);
                results[r].HasOwnership = true;
            }
        }
    }

    [Fact]
    public void It_does_not_pass_while_the_board_as_it_stands_loses_even_when_pass_is_the_best_candidate()
    {
        // White owns the right of a 5x5 board, Black nothing: passing now would lose for Black.
        var geometry = BoardGeometry.Get(5);
        var state = new GameState(geometry, new Rules { Komi = 0.5 });
        state.PlaceStones(Enumerable.Range(0, 5).Select(r => geometry.PointAt(3, r)), Color.White);
        Assert.True(state.ScoreForBlack() < 0);

        var source = new SearchAnalysisSource(new PassLovingEvaluator(), threads: 1, seed: 1);
        // Two visits: the root and its pass, before the search could see the game end after a second pass.
        var analysis = source.Analyse(state, 2, CancellationToken.None, null);
        Assert.True(analysis.Candidates[0].Move.IsPass, "pass is the search's best candidate");
        Assert.True(analysis.Chosen is { IsPlay: true }, $"but the move it plays is a stone, not {analysis.Chosen}");
    }
}
