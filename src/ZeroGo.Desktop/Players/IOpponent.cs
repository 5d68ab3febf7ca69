using ZeroGo.Desktop.Analysis;
using ZeroGo.Go;

namespace ZeroGo.Desktop.Players;

/// <summary>The move an opponent chose and the analysis behind it (null when it had none).</summary>
public sealed record OpponentReply(Move Move, AnalysisSnapshot? Analysis, string? Note = null);

/// <summary>
/// The computer player of the play screen. <see cref="ChooseMove"/> runs on a background thread with a private copy
/// of the game and must return soon after <paramref name="cancel"/> fires (with the best move found so far).
/// </summary>
public interface IOpponent
{
    /// <summary>Who is playing, as the window shows it ("Full strength · MCTS + uniform evaluator, 400 visits").</summary>
    string Name { get; }

    OpponentReply ChooseMove(GameState state, CancellationToken cancel, Action<AnalysisSnapshot>? progress);
}
