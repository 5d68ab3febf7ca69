using System.Text;
using ZeroGo.Formats.Sgf;

namespace ZeroGo.Formats.Tests;

public class SgfCharsetTests
{
    private static readonly Encoding Gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
    private static readonly Encoding ShiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
    private static readonly Encoding Big5 = CodePagesEncodingProvider.Instance.GetEncoding(950)!;
    private static readonly Encoding Korean = CodePagesEncodingProvider.Instance.GetEncoding(949)!;

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p switch
        {
            byte[] b => b,
            string s => Encoding.ASCII.GetBytes(s),
            _ => throw new ArgumentException("bytes or ASCII text"),
        }).ToArray();

    [Fact]
    public void Properties_before_CA_are_decoded_with_the_declared_charset()
    {
        var data = Bytes("(;PB[", Gb.GetBytes("古力"), "]CA[GB2312]PW[", Gb.GetBytes("柯洁"), "];B[pd]C[", Gb.GetBytes("围棋"), "])");
        var game = SgfGame.Read(data);
        Assert.Equal("古力", game.Info.PlayerBlack);
        Assert.Equal("柯洁", game.Info.PlayerWhite);
        Assert.Equal("围棋", game.Root.Children[0].GetText("C"));
        Assert.Contains("GB18030", game.Charset);
    }

    [Fact]
    public void Shift_jis_second_bytes_that_look_like_backslash_or_bracket_do_not_break_values()
    {
        // "ソ" is 83 5C and "ポ" is 83 7C; "予" is 97 5C; "ー" ends in 5B; bytes 5C/5D in second position must not escape or close.
        string text = "ソフト予定ー";
        var encoded = ShiftJis.GetBytes(text);
        Assert.Contains((byte)0x5C, encoded);
        var data = Bytes("(;CA[Shift_JIS]GN[", encoded, "];B[aa]C[", encoded, "])");
        var game = SgfGame.Read(data, SgfReadOptions.StrictMode);
        Assert.Equal(text, game.Info.GameName);
        Assert.Equal(text, game.Root.Children[0].GetText("C"));
    }

    [Fact]
    public void Big5_and_korean_are_honoured()
    {
        var big5 = SgfGame.Read(Bytes("(;CA[Big5]PB[", Big5.GetBytes("許功蓋"), "])"));
        Assert.Equal("許功蓋", big5.Info.PlayerBlack); // 許 and 功 end in 0x5C in Big5
        var korean = SgfGame.Read(Bytes("(;CA[EUC-KR]PB[", Korean.GetBytes("이세돌"), "])"));
        Assert.Equal("이세돌", korean.Info.PlayerBlack);
    }

    [Theory]
    [InlineData("ISO-8859-1", 28591, "Café Müller")]
    [InlineData("windows-1252", 1252, "naïve “quotes”")]
    [InlineData("ISO-8859-7", 28597, "Αλφα")]
    [InlineData("windows-1251", 1251, "Привет")]
    [InlineData("KOI8-R", 20866, "Привет")]
    public void Single_byte_charsets_are_honoured(string name, int codePage, string text)
    {
        var encoding = codePage == 28591 ? Encoding.Latin1 : CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
        var game = SgfGame.Read(Bytes($"(;CA[{name}]PB[", encoding.GetBytes(text), "])"));
        Assert.Equal(text, game.Info.PlayerBlack);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Utf16_is_read_with_or_without_a_byte_order_mark(bool bom, bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, bom);
        var data = encoding.GetPreamble().Concat(encoding.GetBytes("(;CA[UTF-16]PB[柯洁]C[bar];B[pd])")).ToArray();
        var game = SgfGame.Read(data);
        Assert.Equal("柯洁", game.Info.PlayerBlack);
        Assert.Equal(1, game.MoveCount);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped()
    {
        var data = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("(;PB[Go Seigen 吳清源])")).ToArray();
        Assert.Equal("Go Seigen 吳清源", SgfGame.Read(data).Info.PlayerBlack);
    }

    [Fact]
    public void Without_CA_utf8_is_tried_first_then_east_asian_encodings()
    {
        Assert.Equal("吳清源", SgfGame.Read(Encoding.UTF8.GetBytes("(;PB[吳清源])")).Info.PlayerBlack);
        var gb = SgfGame.Read(Bytes("(;C[", Gb.GetBytes("【第三型】黑先活"), "])"));
        Assert.Equal("【第三型】黑先活", gb.Root.GetText("C"));
        var sjis = SgfGame.Read(Bytes("(;PW[", ShiftJis.GetBytes("党毅飛"), "]C[", ShiftJis.GetBytes("囲碁のルールです"), "])"));
        Assert.Equal("党毅飛", sjis.Info.PlayerWhite);
        Assert.Contains(gb.Warnings, w => w.Kind == SgfWarningKind.Charset);
    }

    [Fact]
    public void Without_CA_lone_accented_bytes_are_latin_1_not_a_double_byte_guess()
    {
        // 0xE9 followed by ']' would be one GBK character (and swallow the bracket) under a blind guess.
        var data = Bytes("(;PB[Caf", Encoding.Latin1.GetBytes("é"), "]PW[", Encoding.Latin1.GetBytes("Müller"), "]C[",
            Encoding.Latin1.GetBytes("Ça va?"), "];B[aa])");
        var game = SgfGame.Read(data, SgfReadOptions.StrictMode);
        Assert.Equal("Café", game.Info.PlayerBlack);
        Assert.Equal("Müller", game.Info.PlayerWhite);
        Assert.Equal("Ça va?", game.Info.RootComment);
        Assert.Equal(1, game.MoveCount);
    }

    [Fact]
    public void The_root_CA_wins_over_a_CA_seen_earlier_in_junk()
    {
        var data = Bytes("mail says CA[UTF-8] but\n(;CA[GB2312]PB[", Gb.GetBytes("古力"), "])");
        var game = SgfGame.Read(data, SgfReadOptions.StrictMode);
        Assert.Equal("古力", game.Info.PlayerBlack);
        Assert.Contains("CA[GB2312]", game.Charset);
    }

    [Fact]
    public void A_gib_header_quoted_inside_an_sgf_comment_is_still_sgf()
    {
        var game = SgfGame.Parse("(;C[converted from \\[GIBOKIND=Global\\]];B[aa])");
        Assert.Equal(1, game.MoveCount);
    }

    [Fact]
    public void Unknown_or_wrong_CA_falls_back_without_crashing()
    {
        var unknown = SgfGame.Read(Bytes("(;CA[NO-SUCH-CHARSET]PB[", Encoding.UTF8.GetBytes("古力"), "])"));
        Assert.Equal("古力", unknown.Info.PlayerBlack);
        Assert.Contains(unknown.Warnings, w => w.Message.Contains("unknown charset"));

        var wrong = SgfGame.Read(Bytes("(;CA[UTF-8]PB[", Gb.GetBytes("古力"), "])"));
        Assert.Equal("古力", wrong.Info.PlayerBlack);
        Assert.Contains(wrong.Warnings, w => w.Message.Contains("not valid UTF-8"));
    }

    [Fact]
    public void Line_and_column_count_characters_in_utf8()
    {
        var e = Assert.Throws<SgfParseException>(() =>
            SgfGame.Read(Encoding.UTF8.GetBytes("(;PB[柯洁] ?? )"), SgfReadOptions.StrictMode));
        Assert.Equal(1, e.Line);
        Assert.Equal(10, e.Column); // the "?" after two CJK characters of three bytes each
    }
}
