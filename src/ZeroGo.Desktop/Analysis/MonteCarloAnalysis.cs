using System.Diagnostics;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Analysis;

/// <summary>
/// The stand-in engine while no search or network is wired: flat Monte Carlo with UCB1 over the legal moves.
/// Each "visit" of a candidate is <see cref="PlayoutsPerVisit"/> random playouts (no eye filling) scored by area
/// with komi; ownership is the average final owner of each point. Weak (a few kyu below beginner-friendly engines),
/// but honest: its numbers mean what the overlays say.
/// </summary>
public sealed class MonteCarloAnalysis : IAnalysisSource
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(120);
    private readonly ulong _seed;
    private long _runs;

    public MonteCarloAnalysis(int playoutsPerVisit = 16, ulong seed = 1)
    {
        PlayoutsPerVisit = Math.Max(1, playoutsPerVisit);
        _seed = seed;
    }

    public int PlayoutsPerVisit { get; }

    public string Name => "flat Monte Carlo (random playouts)";

    public AnalysisSnapshot Analyse(GameState state, int visits, CancellationToken cancel, Action<AnalysisSnapshot>? progress)
    {
        var geometry = state.Geometry;
        var toMove = state.ToMove;
        var board = state.Board;
        var moves = new List<Move>();
        foreach (var point in geometry.Points)
        {
            if (board[point] == Color.Empty && !board.IsOwnEye(point, toMove) && state.CheckMove(toMove, Move.At(point)) == MoveLegality.Legal)
            {
                moves.Add(Move.At(point));
            }
        }

        moves.Add(Move.Pass);
        int count = moves.Count;
        var tries = new int[count];
        var wins = new double[count];
        var scoreSums = new double[count];
        var ownership = new double[geometry.Area];
        int ownershipSamples = 0;
        var playout = new RandomPlayout(geometry, _seed + (ulong)Interlocked.Increment(ref _runs) * 0x9E3779B97F4A7C15UL);
        var start = new Board(geometry);
        long budget = Math.Max((long)visits * PlayoutsPerVisit, count * 2L);
        var sinceProgress = Stopwatch.StartNew();
        long done = 0;
        for (; done < budget && !cancel.IsCancellationRequested; done++)
        {
            int pick = Select(tries, wins, done);
            start.CopyFrom(board);
            var move = moves[pick];
            if (move.IsPass)
            {
                start.PlayPass();
            }
            else
            {
                start.Play(move.Point, toMove);
            }

            playout.Run(start, toMove.Opponent());
            var final = playout.Board;
            var (black, white) = final.AreaScore();
            double scoreBlack = black - white - state.Rules.Komi;
            double scoreMine = toMove == Color.Black ? scoreBlack : -scoreBlack;
            tries[pick]++;
            wins[pick] += scoreMine > 0 ? 1 : scoreMine == 0 ? 0.5 : 0;
            scoreSums[pick] += scoreMine;
            AddOwnership(final, ownership);
            ownershipSamples++;
            if (progress is not null && sinceProgress.Elapsed >= ProgressInterval)
            {
                progress(Snapshot(state, moves, tries, wins, scoreSums, ownership, ownershipSamples, (int)(done / PlayoutsPerVisit), false));
                sinceProgress.Restart();
            }
        }

        return Snapshot(state, moves, tries, wins, scoreSums, ownership, ownershipSamples, (int)(done / PlayoutsPerVisit), true);
    }

    /// <summary>Ownership of a finished position by many playouts (end of game: which stones are dead).</summary>
    public float[] EstimateOwnership(GameState state, int playouts)
    {
        var geometry = state.Geometry;
        var ownership = new double[geometry.Area];
        var playout = new RandomPlayout(geometry, _seed ^ 0xABCDEF);
        for (int i = 0; i < playouts; i++)
        {
            playout.Run(state.Board, state.ToMove);
            AddOwnership(playout.Board, ownership);
        }

        return ownership.Select(o => (float)(o / Math.Max(1, playouts))).ToArray();
    }

    /// <summary>UCB1: try every move once, then balance win rate against uncertainty.</summary>
    private static int Select(int[] tries, double[] wins, long total)
    {
        int best = 0;
        double bestValue = double.NegativeInfinity;
        double logTotal = Math.Log(total + 1);
        for (int i = 0; i < tries.Length; i++)
        {
            if (tries[i] == 0)
            {
                return i;
            }

            double value = wins[i] / tries[i] + 0.6 * Math.Sqrt(logTotal / tries[i]);
            if (value > bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        return best;
    }

    /// <summary>Adds +1 for Black-owned points and -1 for White-owned ones (stones, or eyes surrounded by one colour).</summary>
    private static void AddOwnership(Board final, double[] ownership)
    {
        var geometry = final.Geometry;
        var offsets = final.NeighborOffsets;
        for (int i = 0; i < geometry.Area; i++)
        {
            var point = geometry.FromDense(i);
            var color = final[point];
            if (color == Color.Empty)
            {
                foreach (int offset in offsets)
                {
                    var neighbour = final[new Point((short)(point.Index + offset))];
                    if (neighbour.IsPlayer())
                    {
                        color = neighbour;
                        break;
                    }
                }
            }

            ownership[i] += color == Color.Black ? 1 : color == Color.White ? -1 : 0;
        }
    }

    private static AnalysisSnapshot Snapshot(GameState state, List<Move> moves, int[] tries, double[] wins, double[] scoreSums,
        double[] ownership, int ownershipSamples, int visits, bool final)
    {
        var candidates = new List<CandidateMove>();
        for (int i = 0; i < moves.Count; i++)
        {
            if (tries[i] == 0)
            {
                continue;
            }

            double mean = wins[i] / tries[i];
            double lcb = mean - 1.96 * Math.Sqrt(Math.Max(mean * (1 - mean), 0.01) / tries[i]);
            candidates.Add(new CandidateMove(moves[i], tries[i], mean, scoreSums[i] / tries[i], double.NaN, lcb, [moves[i]]));
        }

        candidates.Sort((a, b) => b.Visits != a.Visits ? b.Visits.CompareTo(a.Visits) : b.WinRate.CompareTo(a.WinRate));
        var best = candidates.Count > 0 ? candidates[0] : null;
        return new AnalysisSnapshot
        {
            ToMove = state.ToMove,
            Candidates = candidates,
            TotalVisits = visits,
            WinRate = best?.WinRate ?? 0.5,
            ScoreLead = best?.ScoreLead ?? double.NaN,
            OwnershipBlack = ownership.Select(o => (float)(o / Math.Max(1, ownershipSamples))).ToArray(),
            IsFinal = final,
        };
    }
}
