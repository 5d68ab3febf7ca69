using System.Text;

namespace ZeroGo.Formats.Sgf;

/// <summary>How forgiving the reader is.</summary>
public sealed record SgfReadOptions
{
    public static SgfReadOptions Tolerant { get; } = new();

    public static SgfReadOptions StrictMode { get; } = new() { Strict = true };

    /// <summary>
    /// Strict: damaged syntax (missing brackets, stray text, unclosed trees) and, when replaying, illegal moves
    /// are errors. Tolerant (the default, as GUIs and GTP loadsgf behave): they become warnings.
    /// Old-format leniency (FF[1-3] names, junk before the tree) is accepted in both modes.
    /// </summary>
    public bool Strict { get; init; }
}

/// <summary>What a file held: its game trees (usually one), the encoding used, and warnings.</summary>
public sealed class SgfCollection
{
    internal SgfCollection(List<SgfNode> trees, List<SgfWarning> warnings, string charset, SgfReadOptions options)
    {
        Trees = trees;
        Warnings = warnings;
        Charset = charset;
        Options = options;
    }

    public IReadOnlyList<SgfNode> Trees { get; }

    public IReadOnlyList<SgfWarning> Warnings { get; }

    /// <summary>The text encoding the values were decoded with, and how it was chosen ("GB18030 (CA[GB2312])").</summary>
    public string Charset { get; }

    public SgfReadOptions Options { get; }
}

/// <summary>
/// Reads SGF (FF[1]-FF[4]) from bytes, files or text into game trees. Structure is parsed on bytes (SGF syntax
/// is ASCII) and values decoded with the file's charset, so properties before CA decode correctly too.
/// Every failure is an <see cref="SgfException"/> (syntax errors carry line and column).
/// </summary>
public static class SgfReader
{
    /// <summary>Largest file read (a record this size is already far beyond any real game collection).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    public static SgfCollection ReadFile(string path, SgfReadOptions? options = null)
    {
        byte[] data;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new SgfException($"{path}: no such file");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new SgfException($"{path}: {info.Length} bytes is too large for a game record");
            }

            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SgfException($"{path}: cannot read the file ({e.Message})", e);
        }

        try
        {
            return Read(data, options, path);
        }
        catch (SgfParseException e)
        {
            throw new SgfParseException(e.Problem, e.Line, e.Column, Path.GetFileName(path));
        }
    }

    /// <summary>Reads text that is already decoded (the CA property is then irrelevant).</summary>
    public static SgfCollection ReadText(string text, SgfReadOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(text), options, null, forceUtf8: true);

    public static SgfCollection Read(byte[] data, SgfReadOptions? options = null, string? fileName = null) =>
        Read(data, options, fileName, forceUtf8: false);

    private static SgfCollection Read(byte[] data, SgfReadOptions? options, string? fileName, bool forceUtf8)
    {
        options ??= SgfReadOptions.Tolerant;
        var warnings = new List<SgfWarning>();
        var (bytes, forcedCodePage, charsetNote) = forceUtf8
            ? (data, SgfCharset.Utf8, "UTF-8 (text)")
            : SgfByteOrder.Prepare(data);

        string? otherFormat = SgfFormatSniffer.OtherRecordFormat(bytes);
        if (otherFormat is not null)
        {
            throw new SgfParseException(otherFormat, 0, 0);
        }

        int codePage;
        string charset;
        if (forcedCodePage is int forced)
        {
            codePage = forced;
            charset = charsetNote!;
        }
        else
        {
            (codePage, charset) = ChooseCodePage(bytes, warnings);
        }

        var trees = new SgfParser(bytes, codePage, options.Strict, warnings).Parse();
        if (trees.Count == 0)
        {
            throw new SgfParseException(SgfFormatSniffer.DescribeNonSgf(bytes, fileName), 1, 1);
        }

        // The byte scan takes the first "CA[" it meets; if that was not the root's own CA (text before the tree
        // or in a comment), read again with the charset the root actually names.
        if (forcedCodePage is null && trees[0].GetText("CA") is { } rootCharset
            && !string.Equals(rootCharset.Trim(), FindDeclaredCharset(bytes), StringComparison.OrdinalIgnoreCase)
            && SgfCharset.Resolve(rootCharset) is int rootCodePage
            && rootCodePage is not (1200 or 1201 or 12000 or 12001) && SgfCharset.DecodesCleanly(bytes, rootCodePage))
        {
            warnings = [];
            codePage = rootCodePage;
            charset = $"{SgfCharset.DisplayName(rootCodePage)} (CA[{rootCharset}])";
            trees = new SgfParser(bytes, codePage, options.Strict, warnings).Parse();
        }

        return new SgfCollection(trees, warnings, charset, options);
    }

    /// <summary>CA when it names a known charset that fits the bytes; otherwise a guess, with a warning why.</summary>
    private static (int CodePage, string Description) ChooseCodePage(byte[] data, List<SgfWarning> warnings)
    {
        string? declared = FindDeclaredCharset(data);
        if (SgfCharset.IsAscii(data))
        {
            return (SgfCharset.Utf8, declared is null ? "ASCII" : $"ASCII (CA[{declared}])");
        }

        if (declared is not null)
        {
            int? codePage = SgfCharset.Resolve(declared);
            if (codePage is 1200 or 1201 or 12000 or 12001)
            {
                codePage = null; // the bytes are not UTF-16 (no BOM, no zero bytes): the label is wrong
            }

            if (codePage is int known)
            {
                if (SgfCharset.DecodesCleanly(data, known))
                {
                    return (known, $"{SgfCharset.DisplayName(known)} (CA[{declared}])");
                }

                int guessed = SgfCharset.Guess(data);
                warnings.Add(new SgfWarning(SgfWarningKind.Charset,
                    $"the file says CA[{declared}] but its bytes are not valid {SgfCharset.DisplayName(known)}; "
                    + $"read as {SgfCharset.DisplayName(guessed)} (guessed)"));
                return (guessed, $"{SgfCharset.DisplayName(guessed)} (guessed; CA[{declared}] did not fit)");
            }

            int fallback = SgfCharset.Guess(data);
            warnings.Add(new SgfWarning(SgfWarningKind.Charset,
                $"unknown charset CA[{declared}]; read as {SgfCharset.DisplayName(fallback)} (guessed)"));
            return (fallback, $"{SgfCharset.DisplayName(fallback)} (guessed; CA[{declared}] unknown)");
        }

        int guess = SgfCharset.Guess(data);
        if (guess != SgfCharset.Utf8)
        {
            warnings.Add(new SgfWarning(SgfWarningKind.Charset,
                $"no CA property and the text is not UTF-8; read as {SgfCharset.DisplayName(guess)} (guessed)"));
        }

        return (guess, $"{SgfCharset.DisplayName(guess)} (no CA, guessed)");
    }

    /// <summary>The value of the first "CA[...]" property in the bytes (an ASCII scan: charset names are ASCII).</summary>
    internal static string? FindDeclaredCharset(ReadOnlySpan<byte> data)
    {
        int from = 0;
        while (from < data.Length)
        {
            int at = data[from..].IndexOf("CA["u8);
            if (at < 0)
            {
                return null;
            }

            at += from;
            from = at + 3;
            if (at > 0 && char.IsAsciiLetter((char)data[at - 1]))
            {
                continue; // part of a longer identifier
            }

            int end = data[from..].IndexOf((byte)']');
            if (end < 0 || end > 64)
            {
                continue;
            }

            string name = Encoding.ASCII.GetString(data.Slice(from, end)).Trim();
            if (name.Length > 0 && name.All(c => c is > ' ' and < (char)127))
            {
                return name;
            }
        }

        return null;
    }
}

/// <summary>Byte-order marks and BOM-less UTF-16: such input is converted to UTF-8 before parsing.</summary>
internal static class SgfByteOrder
{
    public static (byte[] Data, int? CodePage, string? Description) Prepare(byte[] data)
    {
        ReadOnlySpan<byte> span = data;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (data[3..], SgfCharset.Utf8, "UTF-8 (byte-order mark)");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Transcode(data, 4, new UTF32Encoding(false, false), "UTF-32LE (byte-order mark)");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Transcode(data, 4, new UTF32Encoding(true, false), "UTF-32BE (byte-order mark)");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Transcode(data, 2, new UnicodeEncoding(false, false), "UTF-16LE (byte-order mark)");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Transcode(data, 2, new UnicodeEncoding(true, false), "UTF-16BE (byte-order mark)");
        }

        // Without a BOM, UTF-16 shows itself by a zero in every other byte of ASCII text.
        int sample = Math.Min(data.Length, 4096) & ~1;
        if (sample >= 4)
        {
            int zeroEven = 0, zeroOdd = 0;
            for (int i = 0; i < sample; i += 2)
            {
                zeroEven += data[i] == 0 ? 1 : 0;
                zeroOdd += data[i + 1] == 0 ? 1 : 0;
            }

            int pairs = sample / 2;
            if (zeroOdd * 2 > pairs && zeroEven * 8 < pairs)
            {
                return Transcode(data, 0, new UnicodeEncoding(false, false), "UTF-16LE (no byte-order mark)");
            }

            if (zeroEven * 2 > pairs && zeroOdd * 8 < pairs)
            {
                return Transcode(data, 0, new UnicodeEncoding(true, false), "UTF-16BE (no byte-order mark)");
            }
        }

        return (data, null, null);
    }

    private static (byte[], int?, string?) Transcode(byte[] data, int skip, Encoding encoding, string description)
    {
        string text = encoding.GetString(data, skip, (data.Length - skip) & ~(encoding is UTF32Encoding ? 3 : 1));
        return (Encoding.UTF8.GetBytes(text), SgfCharset.Utf8, description);
    }
}
