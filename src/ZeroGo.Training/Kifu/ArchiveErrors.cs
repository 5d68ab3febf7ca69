namespace ZeroGo.Training.Kifu;

/// <summary>
/// Turns the decompressors' own exceptions (bad zip header, broken deflate/xz data, truncated tar) into one
/// <see cref="KifuFormatException"/> line naming the file, also while a lazy sequence is being read.
/// </summary>
internal static class ArchiveErrors
{
    public static bool IsDamage(Exception e) => e is not KifuFormatException
        && e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException
            or SharpCompress.Common.SharpCompressException;

    public static KifuFormatException Damaged(string file, Exception e) =>
        new($"{file}: damaged or not a readable archive ({e.Message.Split('\n')[0].Trim()})", e);

    /// <summary>Enumerates <paramref name="items"/>, reporting damage as a <see cref="KifuFormatException"/> on <paramref name="file"/>.</summary>
    public static IEnumerable<T> Guard<T>(IEnumerable<T> items, string file)
    {
        IEnumerator<T> enumerator;
        try
        {
            enumerator = items.GetEnumerator();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(file, e);
        }

        using (enumerator)
        {
            while (true)
            {
                T current;
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        yield break;
                    }

                    current = enumerator.Current;
                }
                catch (Exception e) when (IsDamage(e))
                {
                    throw Damaged(file, e);
                }

                yield return current;
            }
        }
    }
}
