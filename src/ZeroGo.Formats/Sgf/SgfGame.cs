using ZeroGo.Go;

namespace ZeroGo.Formats.Sgf;

/// <summary>Whether replaying a record stops at the first illegal move (strict) or plays on with warnings.</summary>
public enum SgfReplayMode
{
    /// <summary>As GNU Go and GUIs: ko and superko violations and suicides are played as recorded, moves onto
    /// stones or off the board are skipped; each with a warning.</summary>
    Tolerant,

    /// <summary>The first illegal move throws <see cref="SgfReplayException"/> with its move number.</summary>
    Strict,
}

/// <summary>A move of a line: its 1-based number, colour, the SGF value, and the node holding it.</summary>
public sealed record SgfMove(int Number, Color Color, string Value, SgfNode Node)
{
    /// <summary>The point as (column, row) from the top-left, or null for a pass or a value that is not a point.</summary>
    public (int Column, int Row)? Coordinates(int width, int height) =>
        !SgfCoordinates.IsPass(Value, width, height) && SgfCoordinates.TryParse(Value, out int c, out int r) ? (c, r) : null;
}

/// <summary>The position reached by replaying a record up to a node, with what went wrong on the way.</summary>
public sealed class SgfReplay
{
    internal SgfReplay(GameState state, List<SgfWarning> warnings, int moveNumber)
    {
        State = state;
        Warnings = warnings;
        MoveNumber = moveNumber;
    }

    public GameState State { get; }

    public IReadOnlyList<SgfWarning> Warnings { get; }

    /// <summary>Number of the last move read on the way (skipped illegal moves count: numbers follow the file).</summary>
    public int MoveNumber { get; }
}

/// <summary>
/// One game record: its tree, game information, board size and rules, and the positions it describes.
/// The entry point for everything that uses records (GTP loadsgf, the board, <c>zerogo sgf</c>, training).
/// </summary>
public sealed class SgfGame
{
    private readonly List<SgfWarning> _warnings;

    private SgfGame(SgfNode root, SgfReadOptions options, IEnumerable<SgfWarning> readWarnings, string charset, int gameCount)
    {
        Root = root;
        Options = options;
        Charset = charset;
        GameCount = gameCount;
        _warnings = [.. readWarnings];
        if (gameCount > 1)
        {
            _warnings.Add(new SgfWarning(SgfWarningKind.Leniency, $"the file holds {gameCount} game trees; the first is used"));
        }

        (Width, Height) = ReadSize(root, _warnings);
        Info = SgfGameInfo.FromRoot(root);
        Rules = ReadRules(root, _warnings);
    }

    /// <summary>Reads the first game of a file. Throws <see cref="SgfException"/> when it cannot.</summary>
    public static SgfGame Load(string path, SgfReadOptions? options = null) =>
        FromCollection(SgfReader.ReadFile(path, options));

    public static SgfGame Read(byte[] data, SgfReadOptions? options = null, string? fileName = null) =>
        FromCollection(SgfReader.Read(data, options, fileName));

    /// <summary>Reads SGF text that is already decoded.</summary>
    public static SgfGame Parse(string text, SgfReadOptions? options = null) =>
        FromCollection(SgfReader.ReadText(text, options));

    /// <summary>Wraps a tree built or edited in memory.</summary>
    public static SgfGame FromTree(SgfNode root, SgfReadOptions? options = null) =>
        new(root, options ?? SgfReadOptions.Tolerant, [], "in memory", 1);

    public static SgfGame FromCollection(SgfCollection collection) =>
        new(collection.Trees[0], collection.Options, collection.Warnings, collection.Charset, collection.Trees.Count);

    public SgfNode Root { get; }

    public SgfReadOptions Options { get; }

    /// <summary>How the text was decoded, e.g. "GB18030 (CA[GB2312])".</summary>
    public string Charset { get; }

    /// <summary>Number of game trees in the file (only the first is this game).</summary>
    public int GameCount { get; }

    /// <summary>Problems found while reading and interpreting the root (replay problems are on <see cref="SgfReplay"/>).</summary>
    public IReadOnlyList<SgfWarning> Warnings => _warnings;

    /// <summary>Board width (columns) from SZ; 19 when absent.</summary>
    public int Width { get; }

    /// <summary>Board height (rows) from SZ.</summary>
    public int Height { get; }

    /// <summary>True when the engine can play on this board (2..25 each way).</summary>
    public bool IsSupportedSize => BoardGeometry.IsValidSize(Width, Height);

    /// <summary>The board; throws <see cref="SgfException"/> for sizes the engine does not support.</summary>
    public BoardGeometry Geometry => IsSupportedSize
        ? BoardGeometry.Get(Width, Height)
        : throw new SgfException($"board size {SizeText} is not supported (ZeroGo plays {BoardGeometry.MinSize}x{BoardGeometry.MinSize} to {BoardGeometry.MaxSize}x{BoardGeometry.MaxSize})");

    public string SizeText => Width == Height ? $"{Width}x{Width}" : $"{Width}x{Height}";

    public SgfGameInfo Info { get; }

    /// <summary>Ko rule and suicide from RU, komi from KM (7.5 when absent).</summary>
    public Rules Rules { get; }

    /// <summary>The root and each first child after it.</summary>
    public IReadOnlyList<SgfNode> MainLine => Root.MainLine();

    /// <summary>The moves of the main line, numbered from 1.</summary>
    public IReadOnlyList<SgfMove> MainLineMoves => MovesAlong(Root.MainLine());

    /// <summary>The moves on the path from the root to <paramref name="node"/>.</summary>
    public IReadOnlyList<SgfMove> MovesTo(SgfNode node) => MovesAlong(node.PathFromRoot());

    public int MoveCount => MainLineMoves.Count;

    public int NodeCount => Root.Descendants().Count();

    /// <summary>Alternative lines: every child after the first of any node.</summary>
    public int VariationCount => Root.Descendants().Sum(n => Math.Max(0, n.Children.Count - 1));

    public SgfReplayMode DefaultMode => Options.Strict ? SgfReplayMode.Strict : SgfReplayMode.Tolerant;

    /// <summary>The position after <paramref name="node"/> (a main-line or variation node), setup and handicap included.</summary>
    public SgfReplay BuildState(SgfNode node, SgfReplayMode? mode = null)
    {
        if (node.Root != Root)
        {
            throw new ArgumentException("the node is not part of this game", nameof(node));
        }

        return Replay(node.PathFromRoot(), int.MaxValue, mode ?? DefaultMode);
    }

    /// <summary>
    /// The main-line position just before move <paramref name="moveNumber"/> (1-based), as GTP
    /// <c>loadsgf FILE N</c> means it: moves 1..N-1 played. Past the end, the final position.
    /// </summary>
    public SgfReplay StateBeforeMove(int moveNumber, SgfReplayMode? mode = null) =>
        Replay(Root.MainLine(), Math.Max(1, moveNumber), mode ?? DefaultMode);

    /// <summary>The position at the end of the main line.</summary>
    public SgfReplay FinalState(SgfReplayMode? mode = null) => Replay(Root.MainLine(), int.MaxValue, mode ?? DefaultMode);

    /// <summary>
    /// Replays every line of the tree (each node once; positions are copied only at branches) and returns all
    /// warnings. Strict mode throws at the first illegal move in any line.
    /// </summary>
    public IReadOnlyList<SgfWarning> CheckAllLines(SgfReplayMode? mode = null)
    {
        var replayer = new SgfReplayer(this, (mode ?? DefaultMode) == SgfReplayMode.Strict);
        var warnings = new List<SgfWarning>();
        var stack = new Stack<(SgfNode Node, GameState State, int MoveNumber)>();
        stack.Push((Root, replayer.NewState(), 0));
        while (stack.Count > 0)
        {
            var (node, state, number) = stack.Pop();
            replayer.Apply(state, node, ref number, int.MaxValue, warnings);
            for (int i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], i == 0 ? state : state.Clone(), number));
            }
        }

        return warnings;
    }

    /// <summary>
    /// Replays the main line into a state the caller owns (a GTP session's game): it must be a fresh state of
    /// this game's board size; its own rules decide legality. Stops before <paramref name="stopBeforeMove"/>.
    /// </summary>
    public SgfReplay ReplayInto(GameState state, int stopBeforeMove = int.MaxValue, SgfReplayMode? mode = null)
    {
        if (!state.Geometry.Equals(Geometry))
        {
            throw new ArgumentException($"the state is {state.Geometry}, the record {SizeText}", nameof(state));
        }

        if (state.Moves.Count > 0 || state.Board.EmptyCount != state.Geometry.Area)
        {
            throw new ArgumentException("the state must be an empty board", nameof(state));
        }

        return Replay(Root.MainLine(), Math.Max(1, stopBeforeMove), mode ?? DefaultMode, state);
    }

    private SgfReplay Replay(List<SgfNode> path, int stopBeforeMove, SgfReplayMode mode, GameState? into = null)
    {
        var replayer = new SgfReplayer(this, mode == SgfReplayMode.Strict);
        var state = into ?? replayer.NewState();
        var warnings = new List<SgfWarning>();
        int number = 0;
        foreach (var node in path)
        {
            if (!replayer.Apply(state, node, ref number, stopBeforeMove, warnings))
            {
                break;
            }
        }

        return new SgfReplay(state, warnings, number);
    }

    private static List<SgfMove> MovesAlong(List<SgfNode> path)
    {
        var moves = new List<SgfMove>();
        foreach (var node in path)
        {
            foreach (var (color, _, value) in node.MoveProperties())
            {
                moves.Add(new SgfMove(moves.Count + 1, color, value.Text, node));
            }
        }

        return moves;
    }

    private static (int Width, int Height) ReadSize(SgfNode root, List<SgfWarning> warnings)
    {
        var property = root.Find("SZ");
        if (property is null || property.Values.Count == 0)
        {
            return (19, 19);
        }

        var value = property.Values[0];
        string first, second;
        bool composed = value.TrySplitCompose(out first, out second);
        if (int.TryParse(first.Trim(), out int width) && width > 0
            && (!composed || (int.TryParse(second.Trim(), out int h) && h > 0)))
        {
            int height = composed ? int.Parse(second.Trim()) : width;
            if (width <= 52 && height <= 52)
            {
                return (width, height);
            }
        }

        warnings.Add(new SgfWarning(SgfWarningKind.BadValue, $"board size SZ[{value.Raw}] is not valid; using 19x19",
            property.Line, property.Column));
        return (19, 19);
    }

    private static Rules ReadRules(SgfNode root, List<SgfWarning> warnings)
    {
        var rules = Rules.Default;
        string? name = root.GetText("RU");
        if (!string.IsNullOrWhiteSpace(name))
        {
            var named = SgfRules.FromName(name);
            if (named is null)
            {
                warnings.Add(new SgfWarning(SgfWarningKind.BadValue,
                    $"unknown rules RU[{SgfText.Simple(name)}]; using positional superko without suicide"));
            }
            else
            {
                rules = named;
            }
        }

        string? km = root.GetText("KM");
        double? komi = SgfRules.ParseKomi(km, out bool fox);
        if (!string.IsNullOrWhiteSpace(km) && komi is null)
        {
            warnings.Add(new SgfWarning(SgfWarningKind.BadValue, $"komi KM[{km}] is not a number; using {SgfRules.DefaultKomi}"));
        }
        else if (fox)
        {
            warnings.Add(new SgfWarning(SgfWarningKind.Leniency, $"KM[{km}] read as Fox's units: komi {komi!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return rules with { Komi = komi ?? SgfRules.DefaultKomi };
    }
}
