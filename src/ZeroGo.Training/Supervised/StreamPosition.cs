namespace ZeroGo.Training.Supervised;

/// <summary>
/// A place in the game stream: the epoch (a pass over the collection), the file's place in that epoch's shuffled
/// file order, and the game's place in that file's shuffled game order. <see cref="Game"/> may equal the file's
/// game count (the next game is the first of the next file).
/// </summary>
public readonly record struct StreamPosition(int Epoch, int File, int Game)
{
    public static StreamPosition Start => new(0, 0, 0);

    public override string ToString() => $"epoch {Epoch + 1}, file {File + 1}, game {Game}";
}
