namespace ZeroGo.Desktop.App;

/// <summary>What a key or typed text did to an open <see cref="TextPrompt"/>.</summary>
public enum PromptOutcome
{
    /// <summary>The event was not for the prompt (it stays open, nothing changed).</summary>
    Ignored,

    /// <summary>The text or the error line changed: redraw.</summary>
    Edited,

    /// <summary>Enter: the caller acts on <see cref="TextPrompt.Text"/> (and may keep the prompt open with an error).</summary>
    Submitted,

    /// <summary>Escape: the caller closes the prompt.</summary>
    Cancelled,
}

/// <summary>
/// A one-line text field drawn over the board (there is no native file dialog on this stack): typed text comes from
/// <see cref="TextTyped"/> events (SDL's text input, so any layout and script works), editing keys from
/// <see cref="KeyPressed"/>. Enter submits, Escape cancels, Backspace deletes a character, Ctrl+U clears the line,
/// Tab asks <see cref="Complete"/> for a longer text (path completion).
/// </summary>
public sealed class TextPrompt
{
    public TextPrompt(string label, string text = "", Func<string, string?>? complete = null)
    {
        Label = label;
        Text = text;
        Complete = complete;
    }

    /// <summary>What the prompt asks for ("Open SGF file").</summary>
    public string Label { get; }

    public string Text { get; private set; }

    /// <summary>Why the last submitted text was refused, shown under the field; null for none.</summary>
    public string? Error { get; set; }

    /// <summary>Completion for Tab: the completed text, or null when there is nothing to add.</summary>
    public Func<string, string?>? Complete { get; }

    public PromptOutcome Handle(InputEvent input)
    {
        switch (input)
        {
            case TextTyped typed when typed.Text.Length > 0:
                Text += typed.Text;
                Error = null;
                return PromptOutcome.Edited;
            case KeyPressed { Name: "enter" }:
                return PromptOutcome.Submitted;
            case KeyPressed { Name: "escape" }:
                return PromptOutcome.Cancelled;
            case KeyPressed { Name: "backspace" } when Text.Length > 0:
                // Remove one text element, not one UTF-16 unit, so a CJK surrogate pair or a combined accent goes whole.
                var elements = System.Globalization.StringInfo.ParseCombiningCharacters(Text);
                Text = Text[..elements[^1]];
                Error = null;
                return PromptOutcome.Edited;
            case KeyPressed { Name: "u", Ctrl: true }:
                Text = "";
                Error = null;
                return PromptOutcome.Edited;
            case KeyPressed { Name: "tab" } when Complete?.Invoke(Text) is { } completed && completed != Text:
                Text = completed;
                Error = null;
                return PromptOutcome.Edited;
            default:
                return PromptOutcome.Ignored;
        }
    }
}
