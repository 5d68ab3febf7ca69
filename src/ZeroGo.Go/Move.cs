namespace ZeroGo.Go;

/// <summary>A move: a stone on a point, a pass, or a resignation. Small enough to pass by value everywhere.</summary>
public readonly record struct Move
{
    private const short PassCode = -1;
    private const short ResignCode = -2;

    private readonly short _code;

    private Move(short code) => _code = code;

    public static Move Pass { get; } = new(PassCode);

    public static Move Resign { get; } = new(ResignCode);

    public static Move At(Point point) => point.IsNone
        ? throw new ArgumentException("a move needs a real point", nameof(point))
        : new Move(point.Index);

    public bool IsPass => _code == PassCode;

    public bool IsResign => _code == ResignCode;

    public bool IsPlay => _code >= 0;

    /// <summary>The point played; <see cref="Point.None"/> for a pass or resignation.</summary>
    public Point Point => IsPlay ? new Point(_code) : Point.None;

    public override string ToString() => IsPass ? "pass" : IsResign ? "resign" : Point.ToString();
}
