namespace ZeroGo.Gtp;

/// <summary>A command handler: returns the response text on success, throws <see cref="Protocol.GtpException"/> to fail.</summary>
public delegate string GtpHandler(GtpCall call);

/// <summary>One entry of the command table.</summary>
/// <param name="IsStreaming">
/// True for commands that run until the controller sends the next line (lz-analyze): the server cancels
/// <see cref="GtpCall.Cancellation"/> as soon as another command line arrives.
/// </param>
public sealed record GtpCommand(string Name, GtpHandler Handler, bool IsStreaming);

/// <summary>A group of related commands that registers itself in a table.</summary>
public interface IGtpCommandSet
{
    void Register(GtpCommandTable table);
}

/// <summary>
/// The one table from command name to handler (no dispatching on string prefixes anywhere else).
/// </summary>
/// <remarks>
/// How to add commands:
/// <list type="number">
/// <item>Write a class implementing <see cref="IGtpCommandSet"/> (one file per group, in Commands/ or in your own
/// project). In <c>Register</c> call <see cref="Add"/> once per command with a lambda or method taking a
/// <see cref="GtpCall"/>: read arguments with <c>call.Color(0)</c>, <c>call.Vertex(1)</c>, <c>call.Int(0)</c>…,
/// act on <c>call.Session</c>, return the response text (no '=' and no trailing blank line: the server frames it),
/// or throw <see cref="Protocol.GtpException"/> with the GTP error text. Check every argument before changing
/// state.</item>
/// <item>Streaming commands use <see cref="AddStreaming"/>: validate, call <c>call.BeginResponse()</c>, write lines with
/// <c>call.WriteLine</c> (thread-safe, may be called from a timer) until <c>call.Cancellation</c> fires, stop
/// any background writer, then return the final text ("" for none).</item>
/// <item>Built-in sets are listed in <see cref="Commands.BuiltInCommands.All"/> (add one line there); sets that need
/// objects from higher layers (search, network) are registered by whoever builds the server:
/// <c>table.Register(new MyCommands(engine))</c>. <see cref="Replace"/> swaps a built-in handler.</item>
/// </list>
/// </remarks>
public sealed class GtpCommandTable
{
    private readonly Dictionary<string, GtpCommand> _commands = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A table with every built-in command (see <see cref="Commands.BuiltInCommands"/>).</summary>
    public static GtpCommandTable CreateStandard()
    {
        var table = new GtpCommandTable();
        foreach (var set in Commands.BuiltInCommands.All())
        {
            table.Register(set);
        }

        return table;
    }

    public GtpCommandTable Register(IGtpCommandSet commands)
    {
        commands.Register(this);
        return this;
    }

    /// <summary>Adds a command; throws when the name is taken (use <see cref="Replace"/> to override on purpose).</summary>
    public void Add(string name, GtpHandler handler) => AddCore(name, handler, streaming: false, replace: false);

    /// <summary>Adds a command that streams until the next command line arrives.</summary>
    public void AddStreaming(string name, GtpHandler handler) => AddCore(name, handler, streaming: true, replace: false);

    /// <summary>Adds or replaces a command (a search engine's genmove over the baseline's, say).</summary>
    public void Replace(string name, GtpHandler handler, bool streaming = false) =>
        AddCore(name, handler, streaming, replace: true);

    public bool Remove(string name) => _commands.Remove(name);

    public bool Contains(string name) => _commands.ContainsKey(name);

    public bool TryGet(string name, out GtpCommand command) => _commands.TryGetValue(name, out command!);

    /// <summary>Every command name, sorted (list_commands prints them one per line).</summary>
    public IReadOnlyList<string> Names => _commands.Keys.Order(StringComparer.Ordinal).ToList();

    private void AddCore(string name, GtpHandler handler, bool streaming, bool replace)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (string.IsNullOrEmpty(name) || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '#')
            || name.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{name}' is not a valid GTP command name", nameof(name));
        }

        if (!replace && _commands.ContainsKey(name))
        {
            throw new ArgumentException($"GTP command '{name}' is already registered", nameof(name));
        }

        _commands[name] = new GtpCommand(name.ToLowerInvariant(), handler, streaming);
    }
}
