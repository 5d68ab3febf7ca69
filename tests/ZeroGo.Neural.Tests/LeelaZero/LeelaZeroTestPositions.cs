using System.Text.RegularExpressions;
using ZeroGo.Go;
using ZeroGo.Search;

namespace ZeroGo.Neural.Tests.LeelaZero;

/// <summary>
/// Positions from real game records with their history, as <see cref="EvaluationRequest"/>s and as the GTP moves
/// that bring leelaz to the same position. The AlphaGo - Lee Sedol records hold only plain B/W moves, so a small
/// pattern reads them (ZeroGo.Formats' SGF reader is not referenced by this test project).
/// </summary>
internal static partial class LeelaZeroTestPositions
{
    private const string GtpColumns = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    public static IReadOnlyList<(Color Color, Move Move)> ReadMoves(string sgfPath, BoardGeometry geometry)
    {
        var moves = new List<(Color, Move)>();
        foreach (Match match in SgfMove().Matches(File.ReadAllText(sgfPath)))
        {
            var color = match.Groups[1].Value == "B" ? Color.Black : Color.White;
            var coordinates = match.Groups[2].Value;
            bool pass = coordinates.Length == 0 || (coordinates == "tt" && geometry.Width <= 19);
            moves.Add((color, pass ? Move.Pass : Move.At(geometry.PointAt(coordinates[0] - 'a', coordinates[1] - 'a'))));
        }

        return moves;
    }

    /// <summary>The position after the first <paramref name="moveCount"/> moves, history filled as leelaz fills it.</summary>
    public static EvaluationRequest RequestAfter(IReadOnlyList<(Color Color, Move Move)> moves, int moveCount, int historyLength)
    {
        var geometry = BoardGeometry.Get(19);
        var boards = new List<Board> { new(geometry) };
        for (int i = 0; i < moveCount; i++)
        {
            var next = boards[^1].Clone();
            var (color, move) = moves[i];
            if (move.IsPlay)
            {
                next.Play(move.Point, color);
            }
            else
            {
                next.PlayPass();
            }

            boards.Add(next);
        }

        var request = new EvaluationRequest(geometry, historyLength);
        request.Board.CopyFrom(boards[^1]);
        int history = Math.Min(historyLength, moveCount);
        for (int i = 0; i < history; i++)
        {
            request.History[i].CopyFrom(boards[^(2 + i)]);
        }

        request.HistoryCount = history;
        request.ToMove = moveCount == 0 ? Color.Black : moves[moveCount - 1].Color.Opponent();
        for (int i = 0; i < geometry.Area; i++)
        {
            request.LegalMask[i] = request.Board.IsLegal(geometry.FromDense(i), request.ToMove);
        }

        request.LegalMask[geometry.Area] = true;
        request.Key = (ulong)moveCount * 0x9E3779B97F4A7C15UL ^ request.Board.Hash;
        return request;
    }

    public static string GtpVertex(Move move, BoardGeometry geometry) => move.IsPass
        ? "pass"
        : $"{GtpColumns[geometry.ColumnOf(move.Point)]}{geometry.Height - geometry.RowOf(move.Point)}";

    [GeneratedRegex(@";\s*([BW])\[([a-z]{0,2})\]")]
    private static partial Regex SgfMove();
}
