using MessagePack;
using ZeroGo.Go;

namespace ZeroGo.Training.Samples;

/// <summary>
/// One finished game as training data: the rules, the starting position, every move with its search
/// targets, and the result. Positions are not stored as input planes: training replays the moves through
/// <see cref="GameState"/> and encodes each position with the current feature encoder, so the encoder may
/// change version without invalidating old data. Replay is exact because the game is replayed under the
/// same rules (moves are checked, so a record that does not replay is rejected as corrupt).
/// Colours and points are absolute here (dense index, pass = Area); <see cref="TrainingSample"/> turns the
/// targets into the side to move's view.
/// </summary>
[MessagePackObject]
public sealed class GameRecord
{
    [Key(0)] public int Width { get; set; }

    [Key(1)] public int Height { get; set; }

    [Key(2)] public double Komi { get; set; }

    /// <summary><see cref="KoRule"/> as a byte.</summary>
    [Key(3)] public byte KoRule { get; set; } = (byte)Go.KoRule.Positional;

    [Key(4)] public bool SuicideAllowed { get; set; }

    /// <summary>Dense indices of setup (or handicap) stones for Black before the first move.</summary>
    [Key(5)] public short[] SetupBlack { get; set; } = [];

    [Key(6)] public short[] SetupWhite { get; set; } = [];

    /// <summary>Who plays first (<see cref="Color"/> as a byte): White after handicap stones.</summary>
    [Key(7)] public byte FirstToMove { get; set; } = (byte)Color.Black;

    [Key(8)] public List<MoveRecord> Moves { get; set; } = [];

    /// <summary>Final score for Black (area minus komi); meaningful only when <see cref="HasFinalScore"/>.</summary>
    [Key(9)] public float ScoreForBlack { get; set; }

    /// <summary>Black = 1, White = -1, draw = 0: the game's winner (by count or resignation).</summary>
    [Key(10)] public sbyte Winner { get; set; }

    /// <summary>Final owner per dense point: +1 Black, -1 White, 0 neither (empty when not known).</summary>
    [Key(11)] public sbyte[] FinalOwnership { get; set; } = [];

    /// <summary>True when the game was counted (two passes or the move cap), so score and ownership are real.</summary>
    [Key(12)] public bool HasFinalScore { get; set; }

    /// <summary>Free text for people: "selfplay gen-0003 game 17", a source SGF file name.</summary>
    [Key(13)] public string Source { get; set; } = "";

    /// <summary>Sequential game number within its generation (resume uses it to avoid duplicates).</summary>
    [Key(14)] public int GameNumber { get; set; }

    /// <summary>Model generation that played the game (-1 for human games).</summary>
    [Key(15)] public int Generation { get; set; }

    /// <summary>
    /// True when the result must not train the value (a human game lost on time or by disconnection): its moves
    /// still train the policy. False in every older chunk, where the key is absent.
    /// </summary>
    [Key(16)] public bool NoValueTarget { get; set; }

    /// <summary>True when the positions may learn the value from <see cref="Winner"/>.</summary>
    [IgnoreMember] public bool HasValueTarget => !NoValueTarget;

    [IgnoreMember] public int Area => Width * Height;

    [IgnoreMember] public BoardGeometry Geometry => BoardGeometry.Get(Width, Height);

    public Rules ToRules() => new()
    {
        Komi = Komi,
        KoRule = (KoRule)KoRule,
        SuicideAllowed = SuicideAllowed,
    };

    /// <summary>Fills the rule fields from a <see cref="Rules"/>.</summary>
    public void SetRules(Rules rules)
    {
        Komi = rules.Komi;
        KoRule = (byte)rules.KoRule;
        SuicideAllowed = rules.SuicideAllowed;
    }

    /// <summary>The starting position (setup stones, first player), before any move.</summary>
    public GameState CreateInitialState()
    {
        var state = new GameState(Geometry, ToRules());
        var geometry = Geometry;
        if (SetupBlack.Length > 0 || SetupWhite.Length > 0)
        {
            state.ApplySetup(SetupBlack.Select(i => geometry.FromDense(i)), SetupWhite.Select(i => geometry.FromDense(i)), []);
        }

        state.SetToMove((Color)FirstToMove);
        return state;
    }

    /// <summary>Converts a dense move index (pass = Area) to a <see cref="Move"/>.</summary>
    public Move ToMove(int denseMove) => denseMove == Area ? Move.Pass : Move.At(Geometry.FromDense(denseMove));

    /// <summary>Dense index of a move (pass = Area).</summary>
    public static short ToDense(Move move, BoardGeometry geometry) =>
        move.IsPass ? (short)geometry.Area : (short)geometry.DenseIndex(move.Point);

    /// <summary>Checks shapes and ranges; returns a reason when the record cannot be right, else null.</summary>
    public string? Validate()
    {
        if (!BoardGeometry.IsValidSize(Width, Height))
        {
            return $"board size {Width}x{Height} is outside 2..25";
        }

        if (FirstToMove is not ((byte)Color.Black or (byte)Color.White))
        {
            return "first player is not Black or White";
        }

        if (KoRule > (byte)Go.KoRule.Positional)
        {
            return $"unknown ko rule {KoRule}";
        }

        if (FinalOwnership.Length != 0 && FinalOwnership.Length != Area)
        {
            return $"ownership has {FinalOwnership.Length} points, board has {Area}";
        }

        if (Winner is < -1 or > 1)
        {
            return $"winner {Winner} is not -1, 0 or 1";
        }

        foreach (var stone in SetupBlack.Concat(SetupWhite))
        {
            if (stone < 0 || stone >= Area)
            {
                return $"setup stone {stone} is off the board";
            }
        }

        for (int i = 0; i < Moves.Count; i++)
        {
            var reason = Moves[i].Validate(Area);
            if (reason is not null)
            {
                return $"move {i + 1}: {reason}";
            }
        }

        return null;
    }
}

/// <summary>One move of a game and what the search said about its position (targets for training).</summary>
[MessagePackObject]
public sealed class MoveRecord
{
    /// <summary>The move played: dense index, pass = Area.</summary>
    [Key(0)] public short Move { get; set; }

    /// <summary>Who played it (<see cref="Color"/> as a byte).</summary>
    [Key(1)] public byte Color { get; set; }

    /// <summary>
    /// True when the move's search was a full one whose visit distribution is a policy target (playout-cap
    /// randomisation: cheap searches still give value targets but no policy target). Human moves: true.
    /// </summary>
    [Key(2)] public bool IsPolicyTarget { get; set; }

    /// <summary>Dense moves (pass = Area) with a non-zero target probability.</summary>
    [Key(3)] public short[] PolicyMoves { get; set; } = [];

    /// <summary>Target probability of each entry in <see cref="PolicyMoves"/> (sums to 1).</summary>
    [Key(4)] public float[] PolicyProbabilities { get; set; } = [];

    /// <summary>The search's value for the side to move at the root (for SGF comments and diagnostics).</summary>
    [Key(5)] public float RootValue { get; set; }

    /// <summary>Visits the search made for this move (0 for human moves).</summary>
    [Key(6)] public int Visits { get; set; }

    public string? Validate(int area)
    {
        if (Move < 0 || Move > area)
        {
            return $"move index {Move} is off a board of {area} points";
        }

        if (Color is not ((byte)Go.Color.Black or (byte)Go.Color.White))
        {
            return "colour is not Black or White";
        }

        if (PolicyMoves.Length != PolicyProbabilities.Length)
        {
            return "policy moves and probabilities differ in length";
        }

        foreach (var m in PolicyMoves)
        {
            if (m < 0 || m > area)
            {
                return $"policy entry {m} is off the board";
            }
        }

        foreach (var p in PolicyProbabilities)
        {
            if (!(p >= 0) || float.IsInfinity(p))
            {
                return "policy probability is negative or not a number";
            }
        }

        return null;
    }

    /// <summary>A policy target of all mass on one move (human games).</summary>
    public static MoveRecord OneHot(short move, Color color) => new()
    {
        Move = move,
        Color = (byte)color,
        IsPolicyTarget = true,
        PolicyMoves = [move],
        PolicyProbabilities = [1f],
    };
}
