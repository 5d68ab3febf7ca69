using ZeroGo.Neural;
using ZeroGo.Training.Prediction;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Supervised;

/// <summary>
/// The held-out games supervised training is measured on: the first N games of a collection (as <c>zerogo eval
/// --games N</c> takes them), read once and kept as records, then measured with eval's code on each saved model.
/// </summary>
public sealed class HeldOutSet
{
    private readonly List<GameRecord> _records;

    private HeldOutSet(string path, List<GameRecord> records, string summary)
    {
        Path = path;
        _records = records;
        Summary = summary;
    }

    public string Path { get; }

    public int Games => _records.Count;

    public long Positions => _records.Sum(r => (long)r.Moves.Count);

    /// <summary>Games read, kept and skipped (eval's summary line).</summary>
    public string Summary { get; }

    /// <summary>Reads the first <paramref name="games"/> games of <paramref name="path"/>; refuses the training collection itself.</summary>
    public static HeldOutSet Load(string path, int games, string trainingSource)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        if (SamePath(path, trainingSource))
        {
            throw new ArgumentException($"--heldout {path} is the training collection: measure on games the network never sees");
        }

        var set = HumanGameSet.FromKifu(path, games);
        var records = set.Records.ToList();
        if (records.Count == 0)
        {
            throw new ArgumentException($"--heldout {path}: no game replays ({set.Summary()})");
        }

        return new HeldOutSet(path, records, set.Summary());
    }

    /// <summary>Move prediction and value loss of the model saved at <paramref name="modelStem"/> (a fresh copy, so training is untouched).</summary>
    public MovePredictionTally Measure(string modelStem, int threads)
    {
        using var network = PolicyValueNetwork.Load(modelStem);
        using var evaluator = MovePredictionRun.CreateEvaluator(network, MovePredictionRun.DefaultBatch, threads);
        return new MovePredictionRun(evaluator, MovePredictionRun.DefaultBatch).Run(_records);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(a)),
            System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(b)), StringComparison.Ordinal);
}
