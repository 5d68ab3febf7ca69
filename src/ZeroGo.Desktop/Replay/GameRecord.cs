using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Replay;

/// <summary>
/// A game record opened for viewing: the SGF tree with its positions, players and comments, navigated by node
/// (variations included). Positions come from the SGF replayer in tolerant mode, as GUIs show records.
/// </summary>
public sealed class GameRecord
{
    private readonly Dictionary<SgfNode, GameState> _states = [];

    private GameRecord(SgfGame sgf, string? path)
    {
        if (!sgf.IsSupportedSize)
        {
            throw new SgfException($"board size {sgf.SizeText} is not supported (2..25)");
        }

        Sgf = sgf;
        Path = path;
        Geometry = sgf.Geometry;
    }

    /// <summary>Reads a record; throws <see cref="SgfException"/> or <see cref="IOException"/> with a clear message.</summary>
    public static GameRecord Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no such file: {path}", path);
        }

        return new GameRecord(SgfGame.Load(path), path);
    }

    public static GameRecord FromSgf(SgfGame sgf, string? path = null) => new(sgf, path);

    public SgfGame Sgf { get; }

    public string? Path { get; }

    public BoardGeometry Geometry { get; }

    public SgfNode Root => Sgf.Root;

    public SgfGameInfo Info => Sgf.Info;

    public string BlackName => Name(Info.PlayerBlack, Info.BlackRank, "Black");

    public string WhiteName => Name(Info.PlayerWhite, Info.WhiteRank, "White");

    private static string Name(string? player, string? rank, string fallback) =>
        string.IsNullOrWhiteSpace(player) ? fallback : string.IsNullOrWhiteSpace(rank) ? player.Trim() : $"{player.Trim()} ({rank.Trim()})";

    public IReadOnlyList<SgfNode> MainLine => Sgf.MainLine;

    /// <summary>Moves on the main line.</summary>
    public int MoveCount => Sgf.MoveCount;

    /// <summary>
    /// The main-line node after move <paramref name="moveNumber"/> (0 = the last node before the first move, where
    /// setup and handicap stones stand). Past the end, the last node.
    /// </summary>
    public SgfNode NodeAfterMove(int moveNumber)
    {
        var line = MainLine;
        if (moveNumber <= 0)
        {
            for (int i = 0; i < line.Count; i++)
            {
                if (line[i].HasMove)
                {
                    return i == 0 ? line[0] : line[i - 1];
                }
            }

            return line[^1];
        }

        int seen = 0;
        foreach (var node in line)
        {
            seen += node.MoveProperties().Count();
            if (seen >= moveNumber)
            {
                return node;
            }
        }

        return line[^1];
    }

    /// <summary>Number of moves from the root to <paramref name="node"/> inclusive.</summary>
    public static int MoveNumberOf(SgfNode node) => node.PathFromRoot().Sum(n => n.MoveProperties().Count());

    /// <summary>The position after <paramref name="node"/> (cached; callers must not change it).</summary>
    public GameState StateAt(SgfNode node)
    {
        if (!_states.TryGetValue(node, out var state))
        {
            state = Sgf.BuildState(node, SgfReplayMode.Tolerant).State;
            _states[node] = state;
        }

        return state;
    }

    /// <summary>The (last) move stored in <paramref name="node"/>, or null for a node without one.</summary>
    public (Color Color, Move Move)? MoveIn(SgfNode node)
    {
        (Color, Move)? found = null;
        foreach (var (color, _, value) in node.MoveProperties())
        {
            if (SgfCoordinates.IsPass(value.Text, Geometry.Width, Geometry.Height))
            {
                found = (color, Move.Pass);
            }
            else if (SgfCoordinates.TryParse(value.Text, out int column, out int row) && Geometry.Contains(column, row))
            {
                found = (color, Move.At(Geometry.PointAt(column, row)));
            }
        }

        return found;
    }

    public static string? Comment(SgfNode node) => node.GetText("C");

    /// <summary>The next node along the current line (first child), or null at the end.</summary>
    public static SgfNode? Next(SgfNode node) => node.Children.Count > 0 ? node.Children[0] : null;

    /// <summary>Siblings of <paramref name="node"/> including itself (variations at this move), and its index.</summary>
    public static (IReadOnlyList<SgfNode> Siblings, int Index) Variations(SgfNode node)
    {
        if (node.Parent is null)
        {
            return ([node], 0);
        }

        var siblings = node.Parent.Children;
        int index = 0;
        for (int i = 0; i < siblings.Count; i++)
        {
            if (ReferenceEquals(siblings[i], node))
            {
                index = i;
            }
        }

        return (siblings, index);
    }
}
