using System.Runtime.InteropServices;
using System.Text;
using ZeroGo.Desktop.App;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Desktop.Replay;
using ZeroGo.Desktop.Sdl;
using ZeroGo.Formats.Sgf;
using ZeroGo.Testing;

namespace ZeroGo.Desktop.Tests;

/// <summary>The replay window's ctrl+o: a path typed into an in-window prompt opens another record.</summary>
public sealed class OpenPromptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-open-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteGame(string name, string sgf)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sgf);
        return path;
    }

    private static void Type(ReplayScreen screen, string text)
    {
        // As SDL sends them: a key event for each letter, then the text it typed.
        foreach (char c in text)
        {
            screen.Handle(new KeyPressed(char.ToLowerInvariant(c).ToString()), null);
            screen.Handle(new TextTyped(c.ToString()), null);
        }
    }

    [Fact]
    public void CtrlOAsksForAPathInTheRecordsFolderAndEnterOpensIt()
    {
        string first = WriteGame("first.sgf", "(;SZ[9];B[ee];W[cc])");
        string second = WriteGame("second.sgf", "(;SZ[13]PB[Second Black];B[dd];W[jj];B[gg])");
        using var screen = new ReplayScreen(new ReplayController(GameRecord.Load(first), null, 1, 2));

        Assert.True(screen.Handle(new KeyPressed("o", Ctrl: true), null));
        Assert.NotNull(screen.OpenPrompt);
        Assert.Equal(_folder + "/", screen.OpenPrompt!.Text);
        var heat = screen.Heat;
        Type(screen, "second.sgf");
        Assert.Equal(heat, screen.Heat); // the 'o' and 'c' typed did not toggle overlays
        Assert.Equal(second, screen.OpenPrompt.Text);
        Assert.Equal(second, screen.BuildFrame().Panel.Prompt?.Text);

        Assert.True(screen.Handle(new KeyPressed("enter"), null));
        Assert.Null(screen.OpenPrompt);
        Assert.Equal(second, screen.Controller.Record.Path);
        Assert.Equal(13, screen.Controller.Record.Geometry.Width);
        Assert.Equal(0, screen.Controller.MoveNumber);
        var panel = screen.BuildFrame().Panel;
        Assert.Null(panel.Prompt);
        Assert.Equal("Opened second.sgf", panel.Toast);
        Assert.Equal("Second Black", panel.Black.Name);
    }

    [Fact]
    public void AMissingFileKeepsThePromptOpenWithTheReasonAndEscapeLeavesTheRecordAsItWas()
    {
        string first = WriteGame("first.sgf", "(;SZ[9];B[ee])");
        WriteGame("broken.sgf", "this is not SGF");
        using var screen = new ReplayScreen(new ReplayController(GameRecord.Load(first), null, 1, 1));
        screen.Handle(new KeyPressed("o", Ctrl: true), null);
        Type(screen, "nothing-here.sgf");
        screen.Handle(new KeyPressed("enter"), null);
        Assert.NotNull(screen.OpenPrompt);
        Assert.Contains("no such file", screen.OpenPrompt!.Error);
        Assert.Contains("no such file", screen.BuildFrame().Panel.Prompt?.Error);

        screen.Handle(new KeyPressed("u", Ctrl: true), null);
        Assert.Equal("", screen.OpenPrompt.Text);
        Assert.Null(screen.OpenPrompt.Error);
        Type(screen, Path.Combine(_folder, "broken.sgf"));
        screen.Handle(new KeyPressed("enter"), null);
        Assert.NotNull(screen.OpenPrompt.Error);

        screen.Handle(new KeyPressed("escape"), null);
        Assert.Null(screen.OpenPrompt);
        Assert.Equal(first, screen.Controller.Record.Path);
        Assert.Equal(1, screen.Controller.MoveNumber);
    }

    [Fact]
    public void TabCompletesFoldersAndSgfFilesOnly()
    {
        WriteGame("game-one.sgf", "(;SZ[9])");
        WriteGame("game-two.SGF", "(;SZ[9])");
        WriteGame("notes.txt", "not a game");
        WriteGame("games/inner.sgf", "(;SZ[9])");
        WriteGame(".hidden.sgf", "(;SZ[9])");
        string f = _folder + "/";
        Assert.Equal(f + "game", PathCompletion.Complete(f + "g", ".sgf"));
        Assert.Equal(f + "game-one.sgf", PathCompletion.Complete(f + "game-o", ".sgf"));
        Assert.Equal(f + "games/", PathCompletion.Complete(f + "games", ".sgf"));
        Assert.Equal(f + "games/inner.sgf", PathCompletion.Complete(f + "games/", ".sgf"));
        Assert.Null(PathCompletion.Complete(f + "n", ".sgf"));
        Assert.Null(PathCompletion.Complete(f + "game", ".sgf")); // nothing to add: the two files differ after "game-"
        Assert.Equal(f + ".hidden.sgf", PathCompletion.Complete(f + ".h", ".sgf"));
        Assert.Null(PathCompletion.Complete(f + "no-such-folder/x", ".sgf"));

        var prompt = new TextPrompt("Open", f + "games", text => PathCompletion.Complete(text, ".sgf"));
        Assert.Equal(PromptOutcome.Edited, prompt.Handle(new KeyPressed("tab")));
        Assert.Equal(f + "games/", prompt.Text);
    }

    [Fact]
    public void BackspaceRemovesOneWholeCharacterAndOtherKeysAreIgnored()
    {
        var prompt = new TextPrompt("Open", "棋譜/");
        Assert.Equal(PromptOutcome.Edited, prompt.Handle(new TextTyped("𠀋")));
        Assert.Equal("棋譜/𠀋", prompt.Text);
        Assert.Equal(PromptOutcome.Edited, prompt.Handle(new KeyPressed("backspace")));
        Assert.Equal("棋譜/", prompt.Text);
        Assert.Equal(PromptOutcome.Ignored, prompt.Handle(new KeyPressed("left")));
        Assert.Equal(PromptOutcome.Ignored, prompt.Handle(new KeyPressed("a")));
        Assert.Equal(PromptOutcome.Submitted, prompt.Handle(new KeyPressed("enter")));
        Assert.Equal(PromptOutcome.Cancelled, prompt.Handle(new KeyPressed("escape")));
    }

    [Fact]
    public void ThePromptIsDrawnOverTheBoard()
    {
        string first = WriteGame("first.sgf", "(;SZ[9];B[ee])");
        using var screen = new ReplayScreen(new ReplayController(GameRecord.Load(first), null, 1, 1));
        var (board, panel) = screen.BuildFrame();
        using var without = PngExport.Render(900, 600, board, panel);
        screen.Handle(new KeyPressed("o", Ctrl: true), null);
        Type(screen, "x.sgf");
        screen.Handle(new KeyPressed("enter"), null);
        (board, panel) = screen.BuildFrame();
        using var with = PngExport.Render(900, 600, board, panel);
        PngExport.Save(with, Path.Combine(TestData.OutputFolder("desktop-replay"), "open-prompt.png"));

        // Near the bottom (amid D3, E3, D2, E2: wood, clear of lines) the card is dark where the wood was light; above
        // the centre (amid D8, E8, D7, E7) nothing changed.
        var layout = new BoardLayout(screen.Controller.Record.Geometry, SceneRenderer.BoardArea(900, 600, withPanel: true), coordinates: true);
        var (x, below) = Amid(layout, screen, "D3", "E2");
        var (_, above) = Amid(layout, screen, "D8", "E7");
        Assert.True(Luminance(without.GetPixel(x, below)) > 120, $"wood under the card before it opens: {without.GetPixel(x, below)}");
        Assert.True(Luminance(with.GetPixel(x, below)) < 60, $"the card is drawn: {with.GetPixel(x, below)}");
        Assert.Equal(without.GetPixel(x, above), with.GetPixel(x, above));
    }

    private static (int X, int Y) Amid(BoardLayout layout, ReplayScreen screen, string topLeft, string bottomRight)
    {
        var state = new Go.GameState(screen.Controller.Record.Geometry);
        var a = layout.Center(TestPositions.At(state, topLeft));
        var b = layout.Center(TestPositions.At(state, bottomRight));
        return ((int)((a.X + b.X) / 2), (int)((a.Y + b.Y) / 2));
    }

    private static float Luminance(SkiaSharp.SKColor c) => 0.299f * c.Red + 0.587f * c.Green + 0.114f * c.Blue;

    [Fact]
    public void SdlTextEventsBecomeTypedText()
    {
        var e = new Sdl.Sdl.Event { Type = Sdl.Sdl.EventTextInput };
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref e, 1));
        Encoding.UTF8.GetBytes("é/碁").CopyTo(bytes[12..]);
        Assert.Equal(new TextTyped("é/碁"), SdlWindow.Translate(e));

        var empty = new Sdl.Sdl.Event { Type = Sdl.Sdl.EventTextInput };
        Assert.Null(SdlWindow.Translate(empty));
    }
}
