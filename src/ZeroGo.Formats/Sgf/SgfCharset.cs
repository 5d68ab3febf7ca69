using System.Text;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// Picks the text encoding of an SGF file from its bytes: a byte-order mark, then the CA property, then a guess
/// (strict UTF-8, then the East Asian multi-byte encodings scored by how plausible their text is, then
/// windows-1252). SGF syntax is pure ASCII, so the structure is parsed on bytes and only values are decoded.
/// </summary>
internal static class SgfCharset
{
    public const int Utf8 = 65001;
    public const int Gb18030 = 54936;
    public const int ShiftJis = 932;
    public const int Big5 = 950;
    public const int Korean = 949; // CP949 (UHC): the superset of EUC-KR that files labelled EUC-KR really use
    public const int Windows1252 = 1252;

    private static readonly int[] GuessOrder = [Gb18030, ShiftJis, Korean, Big5];

    /// <summary>The encoding for a code page; East Asian and single-byte code pages come from the code-pages provider.</summary>
    public static Encoding Get(int codePage, bool strict)
    {
        var decoder = strict ? DecoderFallback.ExceptionFallback : DecoderFallback.ReplacementFallback;
        var encoder = EncoderFallback.ReplacementFallback;
        return codePage switch
        {
            Utf8 => strict ? new UTF8Encoding(false, true) : new UTF8Encoding(false, false),
            _ => CodePagesEncodingProvider.Instance.GetEncoding(codePage, encoder, decoder)
                ?? Encoding.GetEncoding(codePage, encoder, decoder),
        };
    }

    /// <summary>The code page a CA value names, or null when it is unknown. Accepts common aliases and spellings.</summary>
    public static int? Resolve(string name)
    {
        string key = name.Trim().ToLowerInvariant().Replace(" ", "");
        string compact = key.Replace("-", "").Replace("_", "");
        int? known = compact switch
        {
            "utf8" or "unicode11utf8" => Utf8,
            "utf16" or "utf16le" or "ucs2" or "unicode" => 1200,
            "utf16be" => 1201,
            "gb2312" or "gbk" or "gb18030" or "cp936" or "euccn" or "xgbk" or "gb231280" or "chinese" or "ms936"
                or "windows936" or "csgb2312" or "hzgb2312" => Gb18030,
            "big5" or "big5hkscs" or "cp950" or "xbig5" or "csbig5" or "ms950" => Big5,
            "shiftjis" or "sjis" or "xsjis" or "mskanji" or "csshiftjis" or "cp932" or "windows31j" or "ms932" => ShiftJis,
            "euckr" or "ksc56011987" or "cp949" or "korean" or "uhc" or "ksc5601" or "cseuckr" or "windows949" or "ms949" => Korean,
            "iso88591" or "latin1" or "l1" or "cp819" or "usascii" or "ascii" or "ansix3.41968" => Windows1252,
            _ => null,
        };
        if (known is not null)
        {
            return known;
        }

        try
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(key) ?? Encoding.GetEncoding(key);
            return encoding.CodePage;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True for encodings whose second bytes may be '\' or ']' (the parser must skip them as pairs).</summary>
    public static bool HasAsciiTrailBytes(int codePage) => codePage is ShiftJis or Gb18030 or 936 or Big5 or 20936;

    /// <summary>Whether <paramref name="b"/> starts a two-byte character in <paramref name="codePage"/>.</summary>
    public static bool IsLeadByte(int codePage, byte b) => codePage switch
    {
        ShiftJis => b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC),
        Gb18030 or 936 or 20936 or Big5 => b is >= 0x81 and <= 0xFE,
        _ => false,
    };

    /// <summary>True when the bytes decode without error in the code page.</summary>
    public static bool DecodesCleanly(ReadOnlySpan<byte> data, int codePage)
    {
        try
        {
            Get(codePage, strict: true).GetCharCount(data);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static bool IsAscii(ReadOnlySpan<byte> data) => System.Text.Ascii.IsValid(data);

    /// <summary>
    /// Guesses the encoding of bytes with no usable CA: UTF-8 when valid, else the East Asian encoding whose text
    /// looks most like real text, else windows-1252 (which decodes anything).
    /// </summary>
    public static int Guess(ReadOnlySpan<byte> data)
    {
        if (IsAscii(data) || DecodesCleanly(data, Utf8))
        {
            return Utf8;
        }

        if (!LooksDoubleByte(data))
        {
            return Windows1252; // accented Latin letters among ASCII: the FF[4] default ISO-8859-1 family
        }

        int best = Windows1252;
        double bestScore = 0;
        foreach (int codePage in GuessOrder)
        {
            string text;
            try
            {
                text = Get(codePage, strict: true).GetString(data);
            }
            catch (DecoderFallbackException)
            {
                continue;
            }

            double score = Plausibility(text);
            if (score > bestScore)
            {
                best = codePage;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// True when at least half the bytes above 0x7F stand next to another such byte. Text in GB2312 and EUC-KR
    /// always pairs them, Big5 and Shift_JIS mostly; Latin-1 accents sit alone between ASCII letters.
    /// </summary>
    private static bool LooksDoubleByte(ReadOnlySpan<byte> data)
    {
        int high = 0, paired = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] < 0x80)
            {
                continue;
            }

            high++;
            if ((i > 0 && data[i - 1] >= 0x80) || (i + 1 < data.Length && data[i + 1] >= 0x80))
            {
                paired++;
            }
        }

        return paired * 2 >= high;
    }

    /// <summary>
    /// Average plausibility of the non-ASCII characters: common scripts (CJK ideographs, kana, Hangul, CJK
    /// punctuation) score positive, the characters a wrong decoding produces (half-width kana, private use,
    /// rare extensions, Latin-1 symbols) negative. Greater than zero means "looks like text".
    /// </summary>
    private static double Plausibility(string text)
    {
        double total = 0;
        int count = 0;
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            count++;
            total += c switch
            {
                >= '\u3040' and <= '\u30FF' => 2.0, // hiragana, katakana
                >= '\uAC00' and <= '\uD7A3' => 1.0, // Hangul syllables (as likely as hanzi: ties go to GB18030)
                >= '\u4E00' and <= '\u9FFF' => 1.0, // CJK unified ideographs
                >= '\u3000' and <= '\u303F' => 1.5, // CJK punctuation
                >= '\uFF01' and <= '\uFF5E' => 1.0, // full-width ASCII
                >= '\uFF61' and <= '\uFF9F' => -1.5, // half-width katakana: typical of a wrong guess
                >= '\u2000' and <= '\u2BFF' => 0.2, // general punctuation, arrows, symbols
                >= '\u0391' and <= '\u044F' => 0.1, // Greek, Cyrillic (in CJK sets)
                _ => -1.0,
            };
        }

        return count == 0 ? 1 : total / count;
    }

    /// <summary>A short name for people: "UTF-8", "GB18030", "Shift_JIS" …</summary>
    public static string DisplayName(int codePage) => codePage switch
    {
        Utf8 => "UTF-8",
        Gb18030 => "GB18030",
        ShiftJis => "Shift_JIS",
        Korean => "EUC-KR (CP949)",
        Big5 => "Big5",
        Windows1252 => "windows-1252 (ISO-8859-1)",
        1200 => "UTF-16LE",
        1201 => "UTF-16BE",
        _ => SafeWebName(codePage),
    };

    private static string SafeWebName(int codePage)
    {
        try
        {
            return Get(codePage, strict: false).WebName;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return "code page " + codePage;
        }
    }
}
