namespace ZeroGo.Training.Kifu;

/// <summary>
/// One game as read from a kifu collection: its moves, where it was found, its index row (null when the index has
/// no row with its ID: then there is no result) and its komi (the row's, else the collection's default).
/// </summary>
public sealed record KifuGame(KifuMoveLine Line, string Where, KifuIndexRow? Row, double Komi)
{
    public string Id => Line.Id;

    public IReadOnlyList<KifuMove> Moves => Line.Moves;
}
