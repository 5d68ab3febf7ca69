using System.Globalization;
using System.Text;
using ZeroGo.Go;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// Writes game trees as FF[4] SGF that other tools read (Sabaki, GNU Go, CGoban, KataGo), and builds a record
/// from a <see cref="GameState"/> (GTP printsgf, self-play records, saving from the board). Values are written
/// from their raw (escaped) form, so read → write → read gives the same tree. No recursion: deep trees are fine.
/// </summary>
public static class SgfWriter
{
    /// <summary>The application name written in AP.</summary>
    public const string ApplicationName = "ZeroGo";

    private const int WrapColumn = 72;

    /// <summary>The tree as SGF text (the CA property is left as it is).</summary>
    public static string Write(SgfNode root) => Write([root]);

    /// <summary>Several game trees as one collection.</summary>
    public static string Write(IEnumerable<SgfNode> trees)
    {
        var builder = new StringBuilder();
        foreach (var root in trees)
        {
            WriteTree(builder, root, charsetOverride: null);
            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>UTF-8 bytes of the tree; a CA property present in the root is written as CA[UTF-8] to match.</summary>
    public static byte[] ToUtf8Bytes(SgfNode root)
    {
        var builder = new StringBuilder();
        WriteTree(builder, root, charsetOverride: "UTF-8");
        builder.Append('\n');
        return new UTF8Encoding(false).GetBytes(builder.ToString());
    }

    /// <summary>Saves the tree as UTF-8 (written to a temporary file first, so a crash never leaves half a record).</summary>
    public static void Save(string path, SgfNode root)
    {
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllBytes(temporary, ToUtf8Bytes(root));
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The record of a game: size, komi, rules, game info, handicap/setup stones, one node per move.</summary>
    public static string Write(GameState state, SgfGameInfo? info = null, IReadOnlyList<string?>? moveComments = null) =>
        Write(BuildTree(state, info, moveComments));

    /// <summary>
    /// Builds the tree of a game so callers can add properties before writing (the board keeps analysis in a
    /// private property). <paramref name="moveComments"/>[i] becomes the C of the i-th move's node (0-based).
    /// Moves are those since the last setup; the position at that point is written as AB/AW (HA when it is a
    /// handicap).
    /// </summary>
    public static SgfNode BuildTree(GameState state, SgfGameInfo? info = null, IReadOnlyList<string?>? moveComments = null)
    {
        info ??= new SgfGameInfo();
        var geometry = state.Geometry;
        var start = state.Clone();
        while (start.Undo())
        {
        }

        var root = new SgfNode();
        void Add(string id, string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                root.Properties.Add(new SgfProperty(id, SgfValue.FromText(text)));
            }
        }

        Add("FF", "4");
        Add("GM", "1");
        Add("CA", "UTF-8");
        Add("AP", info.Application ?? ApplicationName);
        root.Properties.Add(new SgfProperty("SZ", geometry.IsSquare
            ? SgfValue.FromText(geometry.Width.ToString(CultureInfo.InvariantCulture))
            : SgfValue.FromCompose(geometry.Width.ToString(CultureInfo.InvariantCulture), geometry.Height.ToString(CultureInfo.InvariantCulture))));
        Add("KM", FormatNumber(info.Komi ?? state.Rules.Komi));
        Add("RU", info.Rules ?? SgfRules.ToName(state.Rules));
        int handicap = state.HandicapStones > 0 ? state.HandicapStones : info.Handicap;
        if (handicap > 0)
        {
            Add("HA", handicap.ToString(CultureInfo.InvariantCulture));
        }

        // The rest in the table's order, so a property added to SgfGameInfo is read and written alike.
        foreach (var property in SgfGameInfo.TextProperties)
        {
            if (property.Id is not ("AP" or "RU")) // written above, with this program's defaults when not given
            {
                Add(property.Id, property.Get(info));
            }
        }

        var black = new List<SgfValue>();
        var white = new List<SgfValue>();
        foreach (var point in geometry.Points)
        {
            var color = start.Board[point];
            if (color.IsPlayer())
            {
                (color == Color.Black ? black : white).Add(SgfValue.FromText(SgfCoordinates.Format(point, geometry)));
            }
        }

        if (black.Count > 0)
        {
            root.Properties.Add(new SgfProperty("AB", black));
        }

        if (white.Count > 0)
        {
            root.Properties.Add(new SgfProperty("AW", white));
        }

        var expectedFirst = start.HandicapStones > 0 ? Color.White : Color.Black;
        if (start.ToMove != expectedFirst || (black.Count + white.Count > 0 && start.HandicapStones == 0))
        {
            Add("PL", start.ToMove.Letter());
        }

        var parent = root;
        for (int i = 0; i < state.Moves.Count; i++)
        {
            var (color, move) = state.Moves[i];
            if (move.IsResign)
            {
                continue;
            }

            var node = new SgfNode(new SgfProperty(color.Letter(), SgfValue.FromText(SgfCoordinates.FormatMove(move, geometry))));
            if (moveComments is not null && i < moveComments.Count && !string.IsNullOrEmpty(moveComments[i]))
            {
                node.Properties.Add(new SgfProperty("C", SgfValue.FromText(moveComments[i]!)));
            }

            parent = parent.AddChild(node);
        }

        return root;
    }

    private static string FormatNumber(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Writes one game tree iteratively: variations open a '(' for each child when a node has several.</summary>
    private static void WriteTree(StringBuilder builder, SgfNode root, string? charsetOverride)
    {
        int lineStart = builder.Length;
        builder.Append('(');
        var pending = new Stack<(SgfNode Parent, int NextChild)>();
        SgfNode? node = root;
        while (true)
        {
            while (node is not null)
            {
                if (builder.Length - lineStart > WrapColumn)
                {
                    builder.Append('\n');
                    lineStart = builder.Length;
                }

                WriteNode(builder, node, node == root ? charsetOverride : null);
                if (node == root)
                {
                    builder.Append('\n');
                    lineStart = builder.Length;
                }

                if (node.Children.Count == 1)
                {
                    node = node.Children[0];
                }
                else if (node.Children.Count == 0)
                {
                    node = null;
                }
                else
                {
                    pending.Push((node, 1));
                    OpenVariation(builder, ref lineStart);
                    node = node.Children[0];
                }
            }

            builder.Append(')');
            while (pending.Count > 0)
            {
                var (parent, next) = pending.Pop();
                if (next < parent.Children.Count)
                {
                    pending.Push((parent, next + 1));
                    OpenVariation(builder, ref lineStart);
                    node = parent.Children[next];
                    break;
                }

                builder.Append(')');
            }

            if (node is null)
            {
                return;
            }
        }
    }

    private static void OpenVariation(StringBuilder builder, ref int lineStart)
    {
        builder.Append('\n');
        lineStart = builder.Length;
        builder.Append('(');
    }

    private static void WriteNode(StringBuilder builder, SgfNode node, string? charsetOverride)
    {
        builder.Append(';');
        foreach (var property in node.Properties)
        {
            builder.Append(property.Identifier);
            if (charsetOverride is not null && property.Identifier == "CA")
            {
                builder.Append('[').Append(charsetOverride).Append(']');
                continue;
            }

            if (property.Values.Count == 0)
            {
                builder.Append("[]");
            }

            foreach (var value in property.Values)
            {
                builder.Append('[').Append(value.Raw).Append(']');
            }
        }
    }
}
