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

    public static SgfGameInfo FromRoot(SgfNode root)
    {
        string? Simple(string id) => root.GetText(id) is { } text && SgfText.Simple(text) is { Length: > 0 } s ? s : null;
        string? Text(string id) => root.GetText(id) is { Length: > 0 } text ? text : null;
        int handicap = int.TryParse(Simple("HA"), out int ha) && ha > 0 ? ha : 0;
        return new SgfGameInfo
        {
            PlayerBlack = Simple("PB"),
            PlayerWhite = Simple("PW"),
            BlackRank = Simple("BR"),
            WhiteRank = Simple("WR"),
            Result = Simple("RE"),
            Date = Simple("DT"),
            GameName = Simple("GN"),
            Event = Simple("EV"),
            Round = Simple("RO"),
            Place = Simple("PC"),
            Komi = SgfRules.ParseKomi(root.GetText("KM"), out _),
            Rules = Simple("RU"),
            Handicap = handicap,
            TimeLimit = Simple("TM"),
            Overtime = Simple("OT"),
            Application = Simple("AP"),
            Source = Simple("SO"),
            Annotator = Simple("AN"),
            Copyright = Simple("CP"),
            GameComment = Text("GC"),
            RootComment = Text("C"),
        };
    }
}
