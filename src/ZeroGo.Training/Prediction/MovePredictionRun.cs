using ZeroGo.Go;
using ZeroGo.Neural;
using ZeroGo.Neural.Evaluators;
using ZeroGo.Search;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Prediction;

/// <summary>
/// Asks an evaluator about every position of every game (the raw network, no search) and tallies its move
/// prediction. Positions go to the evaluator in batches of up to <paramref name="batchSize"/> (one forward pass
/// each with a <see cref="Neural.Evaluators.BatchingEvaluator"/>); each position is built the way the search
/// builds it (full legality with superko, the recent moves), so the network sees what it sees in play.
/// </summary>
public sealed class MovePredictionRun(IEvaluator evaluator, int batchSize)
{
    /// <summary>Positions per forward pass unless told otherwise.</summary>
    public const int DefaultBatch = 64;

    private readonly List<EvaluationRequest> _requests = [];
    private readonly List<Evaluation> _results = [];
    private readonly List<(int Played, int? Outcome)> _targets = [];
    private int _pending;
    private BoardGeometry? _geometry;
    private long _evaluatorTicks;

    /// <summary>Time spent waiting for the evaluator (the rest is replaying games and building positions).</summary>
    public TimeSpan EvaluatorTime => TimeSpan.FromTicks(_evaluatorTicks * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Called after each batch with the positions and games done so far.</summary>
    public event Action<long, int>? Progress;

    /// <summary>
    /// The evaluator move prediction measures with: the raw network in its inference precision (bf16 where it
    /// measured faster on this machine), one forward pass per batch, no cache so every position is really evaluated,
    /// and the position as it is unless <paramref name="symmetry"/> asks for the average of its symmetries.
    /// </summary>
    public static BatchingEvaluator CreateEvaluator(PolicyValueNetwork network, int batchSize, int threads, SymmetryMode symmetry = SymmetryMode.Identity) =>
        new(network, new EvaluatorOptions
        {
            MaxBatchSize = batchSize,
            CacheMegabytes = 0,
            Symmetry = symmetry,
            Threads = threads,
        });

    public MovePredictionTally Run(IEnumerable<GameRecord> games, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var tally = new MovePredictionTally();
        int gamesDone = 0;
        foreach (var game in games)
        {
            cancel.ThrowIfCancellationRequested();
            if (_geometry is not null && !_geometry.Equals(game.Geometry))
            {
                Flush(tally, gamesDone);
            }

            UseGeometry(game.Geometry);
            GameReplay.Replay(game, (index, state) =>
            {
                int? outcome = game.HasValueTarget && game.Winner != 0
                    ? (state.ToMove == Color.Black ? game.Winner : -game.Winner)
                    : null;
                EvaluationRequestBuilder.FromState(state, _requests[_pending]);
                _targets[_pending] = (game.Moves[index].Move, outcome);
                if (++_pending == batchSize)
                {
                    Flush(tally, gamesDone);
                }
            });
            gamesDone++;
        }

        Flush(tally, gamesDone);
        return tally;
    }

    private void UseGeometry(BoardGeometry geometry)
    {
        if (geometry.Equals(_geometry))
        {
            return;
        }

        _geometry = geometry;
        _requests.Clear();
        _results.Clear();
        _targets.Clear();
        for (int i = 0; i < batchSize; i++)
        {
            _requests.Add(new EvaluationRequest(geometry, evaluator.HistoryLength));
            _results.Add(new Evaluation(geometry));
            _targets.Add(default);
        }
    }

    private void Flush(MovePredictionTally tally, int gamesDone)
    {
        if (_pending == 0)
        {
            return;
        }

        var requests = _pending == batchSize ? _requests : _requests.GetRange(0, _pending);
        var results = _pending == batchSize ? _results : _results.GetRange(0, _pending);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        evaluator.Evaluate(requests, results);
        _evaluatorTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
        for (int i = 0; i < _pending; i++)
        {
            tally.Add(results[i], _targets[i].Played, _targets[i].Outcome);
        }

        _pending = 0;
        Progress?.Invoke(tally.Positions, gamesDone);
    }
}
