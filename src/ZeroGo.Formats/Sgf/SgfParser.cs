using System.Text;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// The byte-level parser behind <see cref="SgfReader"/>: one pass, no recursion (an explicit stack holds the
/// open variations), linear time. Values are decoded with the file's code page once their end is found; in
/// encodings whose second bytes can be '\' or ']' (Shift_JIS, GBK, Big5) a lead byte skips its partner.
/// </summary>
internal sealed class SgfParser
{
    private readonly byte[] _data;
    private readonly int _codePage;
    private readonly bool _skipTrailBytes;
    private readonly bool _strict;
    private readonly Encoding _encoding;
    private readonly List<SgfWarning> _warnings;
    private int[]? _lineStarts;
    private int _noTreeStartFrom = int.MaxValue;

    public SgfParser(byte[] data, int codePage, bool strict, List<SgfWarning> warnings)
    {
        _data = data;
        _codePage = codePage;
        _skipTrailBytes = SgfCharset.HasAsciiTrailBytes(codePage);
        _strict = strict;
        _encoding = SgfCharset.Get(codePage, strict: false);
        _warnings = warnings;
    }

    public List<SgfNode> Parse()
    {
        var trees = new List<SgfNode>();
        var open = new List<SgfNode?>(); // the node each open '(' returns to at its ')'
        SgfNode? current = null;
        bool variationWithoutNode = false; // just after '(' inside a tree: the next property needs a new node
        int pos = 0;
        int length = _data.Length;
        while (true)
        {
            if (open.Count == 0)
            {
                int start = FindTreeStart(pos, out bool missingSemicolon);
                if (start < 0)
                {
                    if (trees.Count > 0 && HasNonWhitespace(pos, length))
                    {
                        Warn(SgfWarningKind.Leniency, "text after the last game tree was ignored", pos);
                    }

                    break;
                }

                if (HasNonWhitespace(pos, start))
                {
                    Warn(SgfWarningKind.Leniency,
                        trees.Count == 0 ? "text before the first game tree was ignored" : "text between game trees was ignored", pos);
                }

                open.Add(null);
                current = null;
                pos = start + 1;
                if (missingSemicolon)
                {
                    Warn(SgfWarningKind.Leniency, "the game tree has no ';' before its first property (read as if it had)", start);
                    current = NewNode(null, trees, pos);
                }

                continue;
            }

            if (pos >= length)
            {
                Warn(SgfWarningKind.SyntaxRepair,
                    $"the file ends inside the game tree ({open.Count} closing ')' missing)", length, "the moves so far are kept");
                break;
            }

            byte b = _data[pos];
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v' or 0:
                    pos++;
                    break;
                case (byte)'(':
                    open.Add(current);
                    variationWithoutNode = current is not null;
                    pos++;
                    break;
                case (byte)')':
                    current = open[^1];
                    open.RemoveAt(open.Count - 1);
                    variationWithoutNode = false;
                    pos++;
                    break;
                case (byte)';':
                    current = NewNode(current, trees, pos);
                    variationWithoutNode = false;
                    pos++;
                    break;
                case (byte)'[':
                    int valueAt = pos;
                    ReadValue(ref pos);
                    Warn(SgfWarningKind.SyntaxRepair, "a value in brackets without a property name", valueAt, "ignored");
                    break;
                default:
                    if (IsLetter(b))
                    {
                        if (current is null || variationWithoutNode)
                        {
                            Warn(SgfWarningKind.Leniency, "a property before the first ';' of a variation (read as a new node)", pos);
                            current = NewNode(current, trees, pos);
                            variationWithoutNode = false;
                        }

                        ReadProperty(current, ref pos);
                    }
                    else
                    {
                        int junkAt = pos;
                        while (pos < length && !IsStructural(_data[pos]))
                        {
                            pos++;
                        }

                        Warn(SgfWarningKind.SyntaxRepair,
                            $"unexpected text '{Preview(junkAt, pos)}' between properties", junkAt, "ignored");
                    }

                    break;
            }
        }

        if (_renamed.Count > 0)
        {
            var examples = string.Join(", ", _renamed.Take(8).Select(r => $"{r.Key} as {r.Value}"));
            Warn(SgfWarningKind.Leniency,
                $"{_renamed.Count} old-style (FF[1-3]) property names read by their capital letters: {examples}"
                + (_renamed.Count > 8 ? ", …" : ""), _firstRenameAt);
        }

        return trees;
    }

    private SgfNode NewNode(SgfNode? parent, List<SgfNode> trees, int offset)
    {
        var (line, column) = Position(offset);
        var node = new SgfNode { Line = line, Column = column };
        if (parent is null)
        {
            trees.Add(node);
        }
        else
        {
            parent.AddChild(node);
        }

        return node;
    }

    private void ReadProperty(SgfNode node, ref int pos)
    {
        int start = pos;
        int length = _data.Length;
        var upper = new StringBuilder(4);
        while (pos < length && IsLetter(_data[pos]))
        {
            byte c = _data[pos++];
            if (c is >= (byte)'A' and <= (byte)'Z')
            {
                upper.Append((char)c);
            }
        }

        string written = Encoding.ASCII.GetString(_data, start, pos - start);
        string identifier = upper.Length > 0 ? upper.ToString() : written.ToUpperInvariant();
        if (identifier != written)
        {
            // FF[1-3]: long names ("PlayerBlack") and lower-case letters; only the capitals count.
            if (_renamed.Count == 0)
            {
                _firstRenameAt = start;
            }

            _renamed.TryAdd(written, identifier);
        }

        SkipWhitespace(ref pos);
        if (pos >= length || _data[pos] != '[')
        {
            Warn(SgfWarningKind.SyntaxRepair, $"property {written} has no value in brackets", start, "ignored");
            return;
        }

        var values = new List<SgfValue>(1);
        while (pos < length && _data[pos] == '[')
        {
            values.Add(ReadValue(ref pos));
            SkipWhitespace(ref pos);
        }

        var (line, column) = Position(start);
        node.Properties.Add(new SgfProperty(identifier, values) { Line = line, Column = column });
    }

    /// <summary>Reads "[...]" starting at '[', honouring '\' escapes and two-byte characters.</summary>
    private SgfValue ReadValue(ref int pos)
    {
        int open = pos;
        int start = pos + 1;
        int length = _data.Length;
        int i = start;
        while (i < length)
        {
            byte b = _data[i];
            if (b == ']')
            {
                pos = i + 1;
                return SgfValue.FromRaw(Decode(start, i - start));
            }

            if (b == '\\')
            {
                i += i + 1 < length && IsLead(_data[i + 1]) ? 3 : 2;
            }
            else
            {
                i += IsLead(b) ? 2 : 1;
            }
        }

        Warn(SgfWarningKind.SyntaxRepair, "a value is not closed with ']' before the end of the file", open, "kept up to the end");
        pos = length;
        return SgfValue.FromRaw(Decode(start, length - start));
    }

    private string Decode(int start, int count)
    {
        count = Math.Min(count, _data.Length - start);
        return count <= 0 ? "" : _encoding.GetString(_data, start, count);
    }

    private bool IsLead(byte b) => _skipTrailBytes && SgfCharset.IsLeadByte(_codePage, b);

    /// <summary>
    /// The next '(' that starts a game tree: "(" + optional whitespace + ";", or (old files without the ';')
    /// "(" + whitespace + a property name + "[". Junk before it (even with parentheses) is skipped.
    /// </summary>
    private int FindTreeStart(int from, out bool missingSemicolon)
    {
        missingSemicolon = false;
        if (from >= _noTreeStartFrom)
        {
            return -1;
        }

        int length = _data.Length;
        for (int i = from; i < length; i++)
        {
            if (_data[i] != '(')
            {
                continue;
            }

            int j = i + 1;
            SkipWhitespace(ref j);
            if (j < length && _data[j] == ';')
            {
                return i;
            }

            int letters = j;
            while (j < length && IsLetter(_data[j]))
            {
                j++;
            }

            if (j == letters || j - letters > 16)
            {
                continue;
            }

            SkipWhitespace(ref j);
            if (j < length && _data[j] == '[')
            {
                missingSemicolon = true;
                return i;
            }
        }

        _noTreeStartFrom = from; // calls come with increasing offsets: nothing after here either
        return -1;
    }

    private void SkipWhitespace(ref int pos)
    {
        while (pos < _data.Length && _data[pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v' or 0)
        {
            pos++;
        }
    }

    private bool HasNonWhitespace(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (_data[i] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0 or 0x1A))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetter(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z');

    private static bool IsStructural(byte b) => b is (byte)'(' or (byte)')' or (byte)';' or (byte)'[' || IsLetter(b);

    private string Preview(int from, int to)
    {
        string text = Encoding.Latin1.GetString(_data, from, Math.Min(to - from, 20)).Trim();
        return to - from > 20 ? text + "…" : text;
    }

    private readonly Dictionary<string, string> _renamed = [];
    private int _firstRenameAt;

    /// <summary>Records a problem; strict mode throws for syntax damage (without the tolerant repair's words).</summary>
    private void Warn(SgfWarningKind kind, string message, int offset, string? repair = null)
    {
        var (line, column) = Position(offset);
        if (_strict && kind == SgfWarningKind.SyntaxRepair)
        {
            throw new SgfParseException(message, line, column);
        }

        if (repair is not null)
        {
            message += "; " + repair;
        }

        // A damaged file can produce a warning per byte: keep the first few hundred, they tell the story.
        if (_warnings.Count < 500)
        {
            _warnings.Add(new SgfWarning(kind, message, line, column));
        }
    }

    /// <summary>
    /// 1-based line and column of a byte offset. Calls come in file order, so the column count continues from
    /// the previous call on the same line: linear overall even for a file that is one long line.
    /// </summary>
    private (int Line, int Column) Position(int offset)
    {
        _lineStarts ??= BuildLineStarts();
        int index = Array.BinarySearch(_lineStarts, offset);
        int lineIndex = Math.Max(0, index >= 0 ? index : ~index - 1);
        int lineStart = _lineStarts[lineIndex];
        int from = lineStart;
        int column = 1;
        if (_cachedLine == lineIndex && _cachedOffset <= offset)
        {
            from = _cachedOffset;
            column = _cachedColumn;
        }

        for (int i = from; i < offset && i < _data.Length; i++)
        {
            // UTF-8 continuation bytes do not start a character.
            if (_codePage != SgfCharset.Utf8 || (_data[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        (_cachedLine, _cachedOffset, _cachedColumn) = (lineIndex, offset, column);
        return (lineIndex + 1, column);
    }

    private int _cachedLine = -1;
    private int _cachedOffset;
    private int _cachedColumn;

    private int[] BuildLineStarts()
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < _data.Length; i++)
        {
            byte b = _data[i];
            if (b == '\n')
            {
                starts.Add(i + 1);
            }
            else if (b == '\r')
            {
                if (i + 1 < _data.Length && _data[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
