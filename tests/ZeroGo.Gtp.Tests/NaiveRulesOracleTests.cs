using System.Globalization;
using System.Text;
using ZeroGo.Go;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// Where GNU Go cannot go (rectangular boards, sizes above 19), a deliberately naive rules implementation written
/// here (arrays, flood fills, a set of every position seen) plays the referee: random games over GTP must agree with
/// it on all_legal, list_stones and captures after every move, under positional superko with and without suicide.
/// </summary>
public sealed class NaiveRulesOracleTests
{
    [Theory]
    [InlineData(9, 13, false)]
    [InlineData(13, 9, false)]
    [InlineData(3, 7, true)]
    [InlineData(2, 5, true)]
    [InlineData(5, 2, false)]
    [InlineData(19, 7, false)]
    [InlineData(4, 3, true)]
    [InlineData(21, 21, false)]
    [InlineData(25, 25, false)]
    public void RandomGamesAgreeWithANaiveReferee(int width, int height, bool suicideAllowed)
    {
        var random = new Random(width * 100 + height);
        var host = new GtpTestHost(seed: 1);
        int games = width * height <= 50 ? 8 : 1;
        int turns = width * height <= 200 ? 2 * width * height : 160; // the naive referee is slow on big boards
        int moves = 0;
        for (int game = 0; game < games; game++)
        {
            host.Ask($"boardsize {width} {height}");
            host.Ask("zerogo-rules ko positional suicide " + (suicideAllowed ? "allowed" : "forbidden"));
            var referee = new NaiveGo(width, height, suicideAllowed);
            var transcript = new List<string>();
            int color = 1, passes = 0;
            for (int turn = 0; turn < turns && passes < 2; turn++)
            {
                Compare(host, referee, transcript);
                var legal = referee.LegalMoves(color).Where(p => width * height < 30 || !referee.IsOwnEye(p.X, p.Y, color)).ToList();
                string move;
                if (legal.Count == 0 || random.Next(40) == 0)
                {
                    move = "pass";
                    passes++;
                }
                else
                {
                    var (x, y) = legal[random.Next(legal.Count)];
                    Assert.True(referee.Play(color, x, y));
                    move = NaiveGo.Vertex(x, y, height);
                    passes = 0;
                }

                var command = $"play {(color == 1 ? "b" : "w")} {move}";
                transcript.Add(command);
                Assert.Equal("", host.Ask(command));
                color = 3 - color;
                moves++;
            }

            Compare(host, referee, transcript);
        }

        Assert.True(moves >= Math.Min(60, width * height), $"only {moves} moves compared");
    }

    private static void Compare(GtpTestHost host, NaiveGo referee, List<string> transcript)
    {
        foreach (int color in new[] { 1, 2 })
        {
            string name = color == 1 ? "black" : "white";
            Check(referee.LegalMoves(color).Select(p => NaiveGo.Vertex(p.X, p.Y, referee.Height)), host.Ask("all_legal " + name), "all_legal " + name);
            Check(referee.Stones(color).Select(p => NaiveGo.Vertex(p.X, p.Y, referee.Height)), host.Ask("list_stones " + name), "list_stones " + name);
            Assert.Equal(referee.Captures[color].ToString(CultureInfo.InvariantCulture), host.Ask("captures " + name));
        }

        void Check(IEnumerable<string> expected, string actual, string what)
        {
            var want = expected.ToHashSet();
            var got = actual.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            Assert.True(want.SetEquals(got),
                $"{what} differs: only referee {string.Join(' ', want.Except(got))}; only ZeroGo {string.Join(' ', got.Except(want))}\n"
                + string.Join('\n', transcript));
        }
    }

    /// <summary>Go rules the slow, obvious way: place, remove opponent chains without liberties, then one's own.</summary>
    private sealed class NaiveGo(int width, int height, bool suicideAllowed)
    {
        private int[,] _board = new int[width, height];
        private readonly HashSet<string> _seen = [Key(new int[width, height])];

        public int Width { get; } = width;

        public int Height { get; } = height;

        public int[] Captures { get; } = new int[3];

        public static string Vertex(int x, int y, int height) =>
            $"{"ABCDEFGHJKLMNOPQRSTUVWXYZ"[x]}{(height - y).ToString(CultureInfo.InvariantCulture)}";

        public IEnumerable<(int X, int Y)> Stones(int color)
        {
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    if (_board[x, y] == color)
                    {
                        yield return (x, y);
                    }
                }
            }
        }

        public List<(int X, int Y)> LegalMoves(int color) =>
            Stones(0).Where(p => TryResult(color, p.X, p.Y, out _, out _)).ToList();

        public bool IsOwnEye(int x, int y, int color) =>
            Neighbours(x, y).All(n => _board[n.X, n.Y] == color);

        public bool Play(int color, int x, int y)
        {
            if (!TryResult(color, x, y, out var after, out int captured))
            {
                return false;
            }

            _board = after;
            _seen.Add(Key(after));
            Captures[color] += Math.Max(captured, 0);
            Captures[3 - color] += Math.Max(-captured, 0); // a suicide counts for the opponent, as in GNU Go
            return true;
        }

        /// <summary>The position after the move, and the stones taken (negative: own stones lost to suicide).</summary>
        private bool TryResult(int color, int x, int y, out int[,] after, out int captured)
        {
            after = (int[,])_board.Clone();
            captured = 0;
            if (after[x, y] != 0)
            {
                return false;
            }

            after[x, y] = color;
            foreach (var (nx, ny) in Neighbours(x, y))
            {
                if (after[nx, ny] == 3 - color)
                {
                    captured += RemoveIfDead(after, nx, ny);
                }
            }

            if (captured == 0)
            {
                int lost = RemoveIfDead(after, x, y);
                if (lost > 0 && !suicideAllowed)
                {
                    return false;
                }

                captured = -lost;
            }

            return !_seen.Contains(Key(after));
        }

        private int RemoveIfDead(int[,] board, int x, int y)
        {
            int color = board[x, y];
            var chain = new List<(int, int)> { (x, y) };
            var inChain = new HashSet<(int, int)> { (x, y) };
            for (int i = 0; i < chain.Count; i++)
            {
                foreach (var n in Neighbours(chain[i].Item1, chain[i].Item2))
                {
                    if (board[n.X, n.Y] == 0)
                    {
                        return 0; // a liberty: alive
                    }

                    if (board[n.X, n.Y] == color && inChain.Add((n.X, n.Y)))
                    {
                        chain.Add((n.X, n.Y));
                    }
                }
            }

            foreach (var (cx, cy) in chain)
            {
                board[cx, cy] = 0;
            }

            return chain.Count;
        }

        private IEnumerable<(int X, int Y)> Neighbours(int x, int y)
        {
            if (x > 0) yield return (x - 1, y);
            if (x < Width - 1) yield return (x + 1, y);
            if (y > 0) yield return (x, y - 1);
            if (y < Height - 1) yield return (x, y + 1);
        }

        private static string Key(int[,] board)
        {
            var key = new StringBuilder(board.Length);
            foreach (int c in board)
            {
                key.Append((char)('0' + c));
            }

            return key.ToString();
        }
    }
}
