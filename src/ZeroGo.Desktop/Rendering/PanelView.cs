using ZeroGo.Go;

namespace ZeroGo.Desktop.Rendering;

/// <summary>How the status line is coloured.</summary>
public enum StatusKind
{
    Info,
    Thinking,
    Warning,
    Result,
}

/// <summary>A clickable button of the side panel; <see cref="Id"/> is what a click reports.</summary>
public sealed record PanelButton(string Id, string Label, string KeyHint, bool Enabled = true, bool Active = false);

/// <summary>An open one-line text field over the board: what it asks, what is typed, why the last entry was refused.</summary>
public sealed record PromptView(string Label, string Text, string? Error);

/// <summary>One player's line in the panel.</summary>
public sealed record PlayerLine(string Name, string Detail, int Captures);

/// <summary>
/// The text and figures of the side panel beside the board: players, opponent and rules, win rate, graph, the
/// status line, comments and buttons. Plain data built by a screen each frame.
/// </summary>
public sealed class PanelView
{
    public string Title { get; set; } = "ZeroGo";

    public string Subtitle { get; set; } = "";

    public PlayerLine Black { get; set; } = new("Black", "", 0);

    public PlayerLine White { get; set; } = new("White", "", 0);

    /// <summary>Whose turn it is (marked beside the player); Empty when the game is over.</summary>
    public Color ToMove { get; set; } = Color.Black;

    /// <summary>Small lines under the players: opponent, level, komi, handicap, rules.</summary>
    public List<string> Info { get; } = [];

    public string? Status { get; set; }

    public StatusKind StatusKind { get; set; }

    /// <summary>Black's win rate now (0..1), drawn as the bar; null hides the bar.</summary>
    public double? WinRateBlack { get; set; }

    /// <summary>Black's expected lead in points; NaN or null when unknown.</summary>
    public double? ScoreLeadBlack { get; set; }

    /// <summary>Black's win rate after each move (index = move number, 0 = start); null entries are unknown.</summary>
    public IReadOnlyList<double?>? WinRateHistory { get; set; }

    /// <summary>Moves marked on the graph as mistakes (move numbers).</summary>
    public IReadOnlyList<int>? MistakeMoves { get; set; }

    /// <summary>The move number the board shows (a vertical line on the graph).</summary>
    public int CurrentMove { get; set; }

    /// <summary>Labelled figures about the current move (replay: prior, surprise, win rate before/after …).</summary>
    public List<(string Label, string Value)> Details { get; } = [];

    public string? Comment { get; set; }

    public List<PanelButton> Buttons { get; } = [];

    /// <summary>Shortcut lines for the help overlay; shown when <see cref="ShowHelp"/> is set.</summary>
    public List<(string Keys, string Action)> Help { get; } = [];

    public bool ShowHelp { get; set; }

    /// <summary>A transient message drawn over the board (e.g. "Illegal: ko"), null for none.</summary>
    public string? Toast { get; set; }

    /// <summary>A text field drawn over the board (replay's ctrl+o), null for none.</summary>
    public PromptView? Prompt { get; set; }
}
