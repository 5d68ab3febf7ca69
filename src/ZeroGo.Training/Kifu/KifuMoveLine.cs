using ZeroGo.Go;

namespace ZeroGo.Training.Kifu;

/// <summary>One move of a kifu line: a colour and an SGF point (column and row from the top left), or a pass.</summary>
public readonly record struct KifuMove(Color Color, sbyte Column, sbyte Row)
{
    public bool IsPass => Column < 0;

    public static KifuMove Pass(Color color) => new(color, -1, -1);
}

/// <summary>
/// One game of a kifu file: <c>ID&lt;TAB&gt;;B[pd];W[dd];…</c>, SGF move properties only, 19x19, "B[]" (or
/// "B[tt]") a pass. The line carries no result or komi: those come from the index row with the same ID.
/// </summary>
public sealed record KifuMoveLine(string Id, IReadOnlyList<KifuMove> Moves)
{
    public const int BoardSize = 19;

    /// <summary>Parses a line; <paramref name="where"/> ("2006-01 line 17") goes into the error message.</summary>
    public static KifuMoveLine Parse(string line, string where)
    {
        int tab = line.IndexOf('\t');
        if (tab <= 0)
        {
            throw new KifuFormatException($"{where}: expected 'ID<TAB>;B[..];W[..]...', found '{Shorten(line)}'");
        }

        string id = line[..tab].Trim();
        var moves = new List<KifuMove>(256);
        var text = line.AsSpan(tab + 1).TrimEnd();
        int at = 0;
        while (at < text.Length)
        {
            // Each move is ";C[xy]" (or ";C[]" for a pass).
            int close = text[at..].IndexOf(']');
            if (close < 0 || text[at] != ';' || close < 3 || text[at + 2] != '[')
            {
                throw new KifuFormatException($"{where} (game {id}): move {moves.Count + 1} is not ';B[xy]' or ';W[xy]': '{Shorten(text[at..].ToString())}'");
            }

            var token = text.Slice(at + 1, close);
            at += close + 1;
            var color = token[0] switch
            {
                'B' => Color.Black,
                'W' => Color.White,
                _ => throw new KifuFormatException($"{where} (game {id}): move {moves.Count + 1} has colour '{token[0]}', not B or W"),
            };
            var point = token[2..^1];
            if (point.Length == 0 || point is "tt")
            {
                moves.Add(KifuMove.Pass(color));
            }
            else if (point.Length == 2 && IsCoordinate(point[0]) && IsCoordinate(point[1]))
            {
                moves.Add(new KifuMove(color, (sbyte)(point[0] - 'a'), (sbyte)(point[1] - 'a')));
            }
            else
            {
                throw new KifuFormatException($"{where} (game {id}): move {moves.Count + 1} '{token.ToString()}' is not a point of a 19x19 board");
            }
        }

        return new KifuMoveLine(id, moves);
    }

    private static bool IsCoordinate(char c) => c is >= 'a' and < (char)('a' + BoardSize);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
