using ZeroGo.Desktop.Rendering;
using ZeroGo.Go;

namespace ZeroGo.Desktop.App;

/// <summary>
/// The input state and keys every screen shares: quitting, the help overlay, the toast over the board, the hovered
/// point, the overlays over the board (candidates, heat map), and the keys, clicks and commands that mean the same
/// in play and replay (ctrl+s save, ctrl+q / ctrl+w quit, h / F1 help, a click on a panel button, the candidates /
/// ownership / policy / help commands). A screen asks this first and handles only its own keys after.
/// </summary>
public sealed class ScreenInput
{
    private static readonly TimeSpan ToastTime = TimeSpan.FromSeconds(2.5);
    private DateTime _toastUntil;

    /// <summary>True once the user asked to leave.</summary>
    public bool WantsQuit { get; private set; }

    /// <summary>Whether the help overlay is open.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>Whether the candidate moves of the analysis are drawn on the board (c).</summary>
    public bool ShowCandidates { get; set; } = true;

    /// <summary>The heat map over the board: ownership (o), policy (y), play's layers (l), or none.</summary>
    public HeatOverlay Heat { get; set; } = HeatOverlay.None;

    /// <summary>The message shown over the board now, null for none.</summary>
    public string? Toast { get; private set; }

    /// <summary>How long until the toast fades, or null when none is shown (for <see cref="IScreen.NextUpdate"/>).</summary>
    public TimeSpan? ToastWait => Toast is null ? null : _toastUntil - DateTime.UtcNow;

    /// <summary>Marks the screen as wanting to quit; returns false (nothing to redraw).</summary>
    public bool Quit()
    {
        WantsQuit = true;
        return false;
    }

    /// <summary>Flips <paramref name="flag"/>; returns true (the picture changed).</summary>
    public static bool Toggle(ref bool flag)
    {
        flag = !flag;
        return true;
    }

    /// <summary>Opens or closes the help overlay; returns true.</summary>
    public bool ToggleHelp()
    {
        ShowHelp = !ShowHelp;
        return true;
    }

    /// <summary>Shows <paramref name="text"/> over the board for a few seconds.</summary>
    public void ShowToast(string text)
    {
        Toast = text;
        _toastUntil = DateTime.UtcNow + ToastTime;
    }

    /// <summary>Hides the toast once its time is up; true when that changed the picture.</summary>
    public bool ExpireToast(DateTime now)
    {
        if (Toast is null || now < _toastUntil)
        {
            return false;
        }

        Toast = null;
        return true;
    }

    /// <summary>
    /// The keys both screens read alike: ctrl+s runs <paramref name="command"/>("save"), ctrl+q / ctrl+w quit,
    /// escape / h / F1 / enter close an open help overlay, h / F1 open it. Returns whether the picture changed, or
    /// null when the key is the screen's own (all other ctrl keys included).
    /// </summary>
    public bool? SharedKey(KeyPressed key, Func<string, bool> command)
    {
        if (key.Ctrl)
        {
            return key.Name switch
            {
                "s" => command("save"),
                "q" or "w" => Quit(),
                _ => null,
            };
        }

        if (ShowHelp && key.Name is "escape" or "h" or "f1" or "enter")
        {
            ShowHelp = false;
            return true;
        }

        return key.Name is "h" or "f1" ? ToggleHelp() : null;
    }

    /// <summary>
    /// A click the screens read alike: while help is open any click closes it, a click on a panel button runs
    /// <paramref name="command"/> with its id. Returns whether the picture changed, or null when the click is the
    /// screen's own (on the board, on the graph).
    /// </summary>
    public bool? SharedClick(MouseClicked click, SceneLayout layout, Func<string, bool> command)
    {
        if (ShowHelp)
        {
            ShowHelp = false;
            return true;
        }

        return layout.ButtonAt(click.X, click.Y) is { } button ? command(button.Id) : null;
    }

    /// <summary>
    /// The commands both screens read alike: candidates, ownership and policy toggle their overlay, help the help
    /// overlay. Returns true (the picture changed), or null when the command is the screen's own.
    /// </summary>
    public bool? SharedCommand(string id)
    {
        switch (id)
        {
            case "candidates":
                ShowCandidates = !ShowCandidates;
                return true;
            case "ownership":
                Heat = ToggleHeat(Heat, HeatOverlay.Ownership);
                return true;
            case "policy":
                Heat = ToggleHeat(Heat, HeatOverlay.Policy);
                return true;
            case "help":
                return ToggleHelp();
            default:
                return null;
        }
    }

    /// <summary>Moves <paramref name="hover"/> to the point under the pointer; true when it changed.</summary>
    public static bool MoveHover(ref Point hover, MouseMoved move, SceneLayout? layout)
    {
        var point = layout?.Board.PointAt(move.X, move.Y) ?? Point.None;
        if (point == hover)
        {
            return false;
        }

        hover = point;
        return true;
    }

    /// <summary>The heat overlay after its button or key: <paramref name="wanted"/>, or none when it was already on.</summary>
    public static HeatOverlay ToggleHeat(HeatOverlay current, HeatOverlay wanted) => current == wanted ? HeatOverlay.None : wanted;

    /// <summary>The move numbers of the first <paramref name="upTo"/> moves of <paramref name="game"/>, by point (the last wins).</summary>
    public static Dictionary<Point, int> MoveNumbers(GameState game, int upTo)
    {
        var numbers = new Dictionary<Point, int>();
        for (int i = 0; i < upTo && i < game.Moves.Count; i++)
        {
            if (game.Moves[i].Move.IsPlay)
            {
                numbers[game.Moves[i].Move.Point] = i + 1;
            }
        }

        return numbers;
    }

    /// <summary>Fills the parts of the panel this state owns: the help overlay's switch and the toast.</summary>
    public void FillPanel(PanelView panel)
    {
        panel.ShowHelp = ShowHelp;
        panel.Toast = Toast;
    }

    /// <summary>The candidates / ownership / policy buttons, lit when on (same ids and keys in both screens).</summary>
    public void AddOverlayButtons(PanelView panel)
    {
        panel.Buttons.Add(new PanelButton("candidates", "Candidates", "c", true, ShowCandidates));
        panel.Buttons.Add(new PanelButton("ownership", "Ownership", "o", true, Heat == HeatOverlay.Ownership));
        panel.Buttons.Add(new PanelButton("policy", "Policy", "y", true, Heat == HeatOverlay.Policy));
    }
}
