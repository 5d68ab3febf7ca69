namespace ZeroGo.Gtp.Commands;

/// <summary>
/// The command sets every ZeroGo GTP server has. To add a set that needs nothing beyond the session, add one line
/// here; sets that need a search engine or a network are registered by the code that builds the server.
/// </summary>
public static class BuiltInCommands
{
    public static IEnumerable<IGtpCommandSet> All() =>
    [
        new ProtocolCommands(),
        new BoardCommands(),
        new PlayCommands(),
        new QueryCommands(),
        new HandicapCommands(),
        new ScoringCommands(),
        new TimeCommands(),
        new RulesCommands(),
        new SgfCommands(),
    ];
}
