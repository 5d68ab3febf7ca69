using ZeroGo.Desktop.Analysis;
using ZeroGo.Desktop.Scoring;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Desktop.Players;

/// <summary>How the game will be counted once both players pass, which decides when passing back wins.</summary>
public enum EndOfGameCount
{
    /// <summary>The board's count: stones the ownership shows dead are removed first (a person agrees on them).</summary>
    DeadStonesRemoved,

    /// <summary>Area as the stones stand (Tromp-Taylor, the arena's count): every stone on the board is alive.</summary>
    StonesAsTheyStand,
}

/// <summary>
/// An opponent at a <see cref="StrengthLevel"/> on top of any <see cref="IAnalysisSource"/>: analyses with the
/// level's share of visits, then picks the best candidate or draws one with temperature. It passes back when the
/// opponent passed and counting the board the way the game will be counted (<see cref="EndOfGameCount"/>) says it
/// wins, as players expect, and resigns a game it has lost by its <see cref="ResignationRule"/>.
/// </summary>
public sealed class LevelOpponent : IOpponent
{
    private readonly IAnalysisSource _source;
    private readonly Random _random;
    private readonly ResignationCounter _resignation;
    private readonly EndOfGameCount _count;

    public LevelOpponent(IAnalysisSource source, StrengthLevel level, int fullVisits, int seed = 0, ResignationRule? resignation = null,
        EndOfGameCount count = EndOfGameCount.DeadStonesRemoved)
    {
        _source = source;
        Level = level;
        FullVisits = Math.Max(1, fullVisits);
        _random = seed == 0 ? new Random() : new Random(seed);
        _resignation = new ResignationCounter(resignation ?? ResignationRule.Default);
        _count = count;
    }

    public StrengthLevel Level { get; }

    public int FullVisits { get; }

    public IAnalysisSource Source => _source;

    /// <summary>Level, engine and budget, separated by " · " (the window shows one per line).</summary>
    public string Name => $"Level: {Level.Name}, {Level.VisitsFor(FullVisits)} visits · Engine: {_source.Name}";

    public OpponentReply ChooseMove(GameState state, CancellationToken cancel, Action<AnalysisSnapshot>? progress)
    {
        var analysis = _source.Analyse(state, Level.VisitsFor(FullVisits), cancel, progress);
        var playable = analysis.Candidates.Where(c => c.Visits > 0).ToList();
        if (playable.Count == 0 || playable.All(c => c.Move.IsPass))
        {
            return new OpponentReply(Move.Pass, analysis, "no useful move left");
        }

        if (_resignation.ShouldResign(state.Moves.Count, analysis.WinRate, state.Geometry.Area))
        {
            return new OpponentReply(Move.Resign, analysis, _resignation.Rule.Reason);
        }

        if (state.ConsecutivePasses == 1 && ScoreForBlackIfPassing(state, analysis) is double scoreForBlack
            && (state.ToMove == Color.Black ? scoreForBlack > 0 : scoreForBlack < 0))
        {
            return new OpponentReply(Move.Pass, analysis, "passes: the game is won on the board");
        }

        var move = Level.Choice switch
        {
            MoveChoice.Best => analysis.Chosen ?? playable[0].Move,
            MoveChoice.SamplePolicy when analysis.Policy is { } policy => SamplePolicy(state, policy, Level.Temperature),
            _ => SampleVisits(playable, Level.Temperature),
        };
        return new OpponentReply(move, analysis);
    }

    /// <summary>
    /// The count if passing back ends the game now; null when the board's count cannot be made (no ownership to
    /// say which stones are dead). Counting dead stones as alive would pass away games that the arena's
    /// Tromp-Taylor count then scores for the opponent, and the other way round.
    /// </summary>
    private double? ScoreForBlackIfPassing(GameState state, AnalysisSnapshot analysis) => _count switch
    {
        EndOfGameCount.StonesAsTheyStand => state.ScoreForBlack(),
        _ when analysis.OwnershipBlack is { } ownership => new GameScorer(state.Board, ownership, state.Rules.Komi).Score().ScoreForBlack,
        _ => null,
    };

    private Move SampleVisits(List<CandidateMove> candidates, double temperature)
    {
        // Never draw a pass at random while stones can still be played: a weak pass ends games absurdly.
        var stones = candidates.Where(c => c.Move.IsPlay).ToList();
        var weights = stones.Select(c => Math.Pow(c.Visits, 1 / Math.Max(temperature, 0.01))).ToArray();
        return stones[Draw(weights)].Move;
    }

    private Move SamplePolicy(GameState state, float[] policy, double temperature)
    {
        var geometry = state.Geometry;
        var weights = new double[geometry.Area];
        for (int i = 0; i < geometry.Area; i++)
        {
            var move = Move.At(geometry.FromDense(i));
            weights[i] = policy[i] > 0 && state.IsLegal(state.ToMove, move) ? Math.Pow(policy[i], 1 / Math.Max(temperature, 0.01)) : 0;
        }

        return weights.Sum() <= 0 ? Move.Pass : Move.At(geometry.FromDense(Draw(weights)));
    }

    private int Draw(double[] weights)
    {
        double total = weights.Sum();
        double r = _random.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
