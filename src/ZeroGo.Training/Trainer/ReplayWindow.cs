using ZeroGo.Go;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;

namespace ZeroGo.Training.Trainer;

/// <summary>
/// The most recent training positions of a run, sampled uniformly. Its size grows with the run as in KataGo:
/// window = min × (1 + β((N/min)^α − 1)/α) for N samples so far (all of them while N ≤ min), capped at max,
/// so early generations are soon forgotten while a long run keeps a wide, slowly moving window.
/// </summary>
public sealed class ReplayWindow
{
    private readonly List<GameRecord> _games;
    private readonly long[] _cumulative;   // samples before game i (over the window's games)
    private readonly int _firstMoveOfFirstGame;

    private ReplayWindow(List<GameRecord> games, long totalSamples, long windowSamples)
    {
        TotalSamples = totalSamples;
        // Keep the newest games that cover windowSamples; the oldest one may be cut part way.
        long sum = 0;
        int start = games.Count;
        while (start > 0 && sum < windowSamples)
        {
            start--;
            sum += games[start].Moves.Count;
        }

        _games = games.GetRange(start, games.Count - start);
        _firstMoveOfFirstGame = (int)Math.Max(0, sum - windowSamples);
        _cumulative = new long[_games.Count + 1];
        for (int i = 0; i < _games.Count; i++)
        {
            int moves = _games[i].Moves.Count - (i == 0 ? _firstMoveOfFirstGame : 0);
            _cumulative[i + 1] = _cumulative[i] + moves;
        }
    }

    /// <summary>Every sample the run has produced so far.</summary>
    public long TotalSamples { get; }

    /// <summary>Samples in the window.</summary>
    public long Count => _cumulative[^1];

    public int GameCount => _games.Count;

    public IReadOnlyList<GameRecord> Games => _games;

    /// <summary>KataGo's growing window size for <paramref name="totalSamples"/> samples so far.</summary>
    public static long WindowSize(long totalSamples, TrainingSettings settings)
    {
        double min = settings.WindowMinSamples;
        if (totalSamples <= min)
        {
            return totalSamples;
        }

        double alpha = settings.WindowGrowthAlpha, beta = settings.WindowGrowthBeta;
        double size = min * (1 + beta * (Math.Pow(totalSamples / min, alpha) - 1) / alpha);
        return (long)Math.Min(Math.Min(size, settings.WindowMaxSamples), totalSamples);
    }

    /// <summary>A window over <paramref name="games"/> (oldest first).</summary>
    public static ReplayWindow FromGames(List<GameRecord> games, TrainingSettings settings)
    {
        long total = games.Sum(g => (long)g.Moves.Count);
        return new ReplayWindow(games, total, WindowSize(total, settings));
    }

    /// <summary>
    /// Loads the games of a run's samples folder (generation by generation, game by game; damaged chunks are
    /// skipped with a warning) and builds the window over them.
    /// </summary>
    public static ReplayWindow Load(RunDirectory run, TrainingSettings settings, Action<string>? warn)
    {
        var games = new List<GameRecord>();
        foreach (var (_, chunk) in ChunkFile.ReadAll(run.Samples, warn))
        {
            games.AddRange(chunk.Where(g => g.Moves.Count > 0));
        }

        games.Sort((a, b) => a.Generation != b.Generation ? a.Generation.CompareTo(b.Generation) : a.GameNumber.CompareTo(b.GameNumber));
        return FromGames(games, settings);
    }

    /// <summary>The (game, move index) of window sample <paramref name="index"/> (0 = oldest).</summary>
    public (GameRecord Game, int MoveIndex) At(long index)
    {
        if (index < 0 || index >= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        int lo = 0, hi = _games.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_cumulative[mid] <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        int move = (int)(index - _cumulative[lo]) + (lo == 0 ? _firstMoveOfFirstGame : 0);
        return (_games[lo], move);
    }

    /// <summary>A uniformly random sample of the window.</summary>
    public (GameRecord Game, int MoveIndex) Sample(ref FastRandom random) =>
        At((long)(random.NextDouble() * Count));
}
