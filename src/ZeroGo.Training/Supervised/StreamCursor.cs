namespace ZeroGo.Training.Supervised;

/// <summary>
/// How far supervised training has read: the shuffle block it is in (by its first game's position) and the
/// positions already taken from it, plus the positions trained on so far. Saved with each checkpoint
/// (<c>STEM.stream.json</c>); from it the stream continues with exactly the batches it would have given.
/// </summary>
public sealed record StreamCursor(StreamPosition Block, int Taken, long Samples)
{
    public static StreamCursor Start => new(StreamPosition.Start, 0, 0);
}
