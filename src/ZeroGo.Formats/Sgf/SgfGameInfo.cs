namespace ZeroGo.Formats.Sgf;

/// <summary>
/// The game-information properties of a record (players, result, komi, rules …). Read from a root with
/// <see cref="FromRoot"/>; given to <see cref="SgfWriter"/> to write a record. Null means "not given".
/// </summary>
public sealed record SgfGameInfo
{
    public string? PlayerBlack { get; init; }

    public string? PlayerWhite { get; init; }

    public string? BlackRank { get; init; }

    public string? WhiteRank { get; init; }

    /// <summary>RE as written: "B+3.5", "W+R", "0", "Void", "?".</summary>
    public string? Result { get; init; }

    /// <summary>DT as written (ISO dates such as "2016-03-10", sometimes several).</summary>
    public string? Date { get; init; }

    public string? GameName { get; init; }

    public string? Event { get; init; }

    public string? Round { get; init; }

    public string? Place { get; init; }

    /// <summary>KM in points (Fox's hundredths already converted); null when absent.</summary>
    public double? Komi { get; init; }

    /// <summary>RU as written ("Chinese", "Japanese", "Tromp-Taylor" …).</summary>
    public string? Rules { get; init; }

    /// <summary>HA: number of handicap stones (0 when none).</summary>
    public int Handicap { get; init; }

    public string? TimeLimit { get; init; }

    public string? Overtime { get; init; }

    /// <summary>AP: the program that wrote the file ("CGoban:3").</summary>
    public string? Application { get; init; }

    public string? Source { get; init; }

    public string? Annotator { get; init; }

    public string? Copyright { get; init; }

    /// <summary>GC: a comment about the whole game.</summary>
    public string? GameComment { get; init; }

    /// <summary>C on the root node.</summary>
    public string? RootComment { get; init; }

    /// <summary>
    /// The text properties and where each lives in this record, in the order a writer puts them. KM and HA are
    /// numbers and read apart. Multi-line ones (GC, C) keep their line breaks; the others are SimpleText.
    /// </summary>
    internal static readonly IReadOnlyList<TextProperty> TextProperties =
    [
        new("AP", false, i => i.Application, (i, v) => i with { Application = v }),
        new("RU", false, i => i.Rules, (i, v) => i with { Rules = v }),
        new("PB", false, i => i.PlayerBlack, (i, v) => i with { PlayerBlack = v }),
        new("BR", false, i => i.BlackRank, (i, v) => i with { BlackRank = v }),
        new("PW", false, i => i.PlayerWhite, (i, v) => i with { PlayerWhite = v }),
        new("WR", false, i => i.WhiteRank, (i, v) => i with { WhiteRank = v }),
        new("DT", false, i => i.Date, (i, v) => i with { Date = v }),
        new("RE", false, i => i.Result, (i, v) => i with { Result = v }),
        new("GN", false, i => i.GameName, (i, v) => i with { GameName = v }),
        new("EV", false, i => i.Event, (i, v) => i with { Event = v }),
        new("RO", false, i => i.Round, (i, v) => i with { Round = v }),
        new("PC", false, i => i.Place, (i, v) => i with { Place = v }),
        new("TM", false, i => i.TimeLimit, (i, v) => i with { TimeLimit = v }),
        new("OT", false, i => i.Overtime, (i, v) => i with { Overtime = v }),
        new("SO", false, i => i.Source, (i, v) => i with { Source = v }),
        new("AN", false, i => i.Annotator, (i, v) => i with { Annotator = v }),
        new("CP", false, i => i.Copyright, (i, v) => i with { Copyright = v }),
        new("GC", true, i => i.GameComment, (i, v) => i with { GameComment = v }),
        new("C", true, i => i.RootComment, (i, v) => i with { RootComment = v }),
    ];

    public static SgfGameInfo FromRoot(SgfNode root)
    {
        string? Simple(string id) => root.GetText(id) is { } text && SgfText.Simple(text) is { Length: > 0 } s ? s : null;
        string? Text(string id) => root.GetText(id) is { Length: > 0 } text ? text : null;
        int handicap = int.TryParse(Simple("HA"), out int ha) && ha > 0 ? ha : 0;
        var info = new SgfGameInfo
        {
            Komi = SgfRules.ParseKomi(root.GetText("KM"), out _),
            Handicap = handicap,
        };
        foreach (var property in TextProperties)
        {
            info = property.Set(info, property.MultiLine ? Text(property.Id) : Simple(property.Id));
        }

        return info;
    }

    /// <summary>One text property of the game information: its SGF id, whether it is multi-line Text, and its field.</summary>
    internal sealed record TextProperty(string Id, bool MultiLine, Func<SgfGameInfo, string?> Get, Func<SgfGameInfo, string?, SgfGameInfo> Set);
}
