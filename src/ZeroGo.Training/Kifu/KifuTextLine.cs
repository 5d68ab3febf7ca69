using System.Text;

namespace ZeroGo.Training.Kifu;

/// <summary>One non-empty line of a kifu or index file, with where it came from for error messages.</summary>
public readonly record struct KifuTextLine(string File, int Number, string Text)
{
    public string Where => $"{File} line {Number}";

    /// <summary>The non-empty lines of a text stream (UTF-8: index files hold Hangul and Chinese names; CRLF or LF).</summary>
    public static IEnumerable<KifuTextLine> Read(Stream stream, string file)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new KifuTextLine(file, number, line);
            }
        }
    }
}
