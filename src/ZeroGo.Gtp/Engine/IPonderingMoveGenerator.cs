namespace ZeroGo.Gtp.Engine;

/// <summary>
/// A move generator that may go on thinking after its move, on the opponent's time (pondering). The GTP server
/// stops it as soon as the next command arrives, before running that command, so pondering only ever uses time in
/// which the engine would otherwise sit idle.
/// </summary>
public interface IPonderingMoveGenerator : IMoveGenerator
{
    /// <summary>Whether background thinking is running now.</summary>
    bool IsPondering { get; }

    /// <summary>Stops background thinking and waits for it (what it learned is kept); returns at once when none runs.</summary>
    void StopPondering();
}
