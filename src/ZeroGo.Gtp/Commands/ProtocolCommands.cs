using System.Reflection;

namespace ZeroGo.Gtp.Commands;

/// <summary>The administrative commands: protocol_version, name, version, known_command, list_commands, quit.</summary>
public sealed class ProtocolCommands : IGtpCommandSet
{
    /// <summary>
    /// What <c>version</c> answers. Lizzie offers analysis only to engines whose version reads like Leela Zero's
    /// MAJOR.MINOR with MINOR at least 15, so we answer as Leela Zero 0.17 does; the real version is in
    /// <c>zerogo-version</c> and <c>name</c> says ZeroGo.
    /// </summary>
    public const string LeelaCompatibleVersion = "0.17";

    public const string EngineName = "ZeroGo";

    /// <summary>ZeroGo's own version (the assembly's informational version without build metadata).</summary>
    public static string ZeroGoVersion { get; } = ReadVersion();

    public void Register(GtpCommandTable table)
    {
        table.Add("protocol_version", call => NoArguments(call, "2"));
        table.Add("name", call => NoArguments(call, EngineName));
        table.Add("version", call => NoArguments(call, LeelaCompatibleVersion));
        table.Add("zerogo-version", call => NoArguments(call, ZeroGoVersion));
        table.Add("known_command", call =>
        {
            call.ExpectArguments(1);
            return call.Commands.Contains(call.Argument(0)) ? "true" : "false";
        });
        table.Add("list_commands", call => NoArguments(call, string.Join('\n', call.Commands.Names)));
        table.Add("quit", call =>
        {
            call.RequestQuit();
            return "";
        });
    }

    private static string NoArguments(GtpCall call, string answer)
    {
        call.ExpectArguments(0);
        return answer;
    }

    private static string ReadVersion()
    {
        var assembly = typeof(ProtocolCommands).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        int plus = version.IndexOf('+');
        return plus >= 0 ? version[..plus] : version;
    }
}
