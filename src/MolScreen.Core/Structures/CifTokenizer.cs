namespace MolScreen.Core.Structures;

/// <summary>One CIF token and the line it starts on; quoted and text-field tokens are never keywords, tags or '?'/'.' nulls.</summary>
internal readonly record struct CifToken(string Text, int Line, bool Quoted)
{
    public bool IsTag => !Quoted && Text.Length > 1 && Text[0] == '_';
    public bool IsLoop => !Quoted && Text.Equals("loop_", StringComparison.OrdinalIgnoreCase);
    public bool IsDataBlock => !Quoted && Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase);
    /// <summary>Reserved words that end a loop's values (STAR: data_, save_, global_, stop_, loop_).</summary>
    public bool IsKeyword => !Quoted && (IsLoop || IsDataBlock || Text.StartsWith("save_", StringComparison.OrdinalIgnoreCase)
        || Text.Equals("global_", StringComparison.OrdinalIgnoreCase) || Text.Equals("stop_", StringComparison.OrdinalIgnoreCase));
    /// <summary>CIF's "unknown" (?) and "not applicable" (.) when written bare.</summary>
    public bool IsNull => !Quoted && Text is "?" or ".";
}

/// <summary>
/// Splits CIF 1.1 text into tokens: whitespace-separated words, '…' and "…" strings (closed only by a quote followed by
/// whitespace or the end of the line, so O5' stays one word), ';' text fields spanning lines, and # comments. Every
/// category is tokenized the same way, so a multi-line field elsewhere in the file can never be taken for atom rows.
/// </summary>
internal sealed class CifTokenizer(IEnumerable<string> lines, string source)
{
    private readonly IEnumerator<string> _lines = lines.GetEnumerator();
    private string _line = "";
    private int _lineNo;
    private int _pos;
    private bool _done;
    private CifToken? _peeked;

    public CifToken? Peek() => _peeked ??= Read();

    public CifToken? Next()
    {
        var t = Peek();
        _peeked = null;
        return t;
    }

    private CifToken? Read()
    {
        while (!_done)
        {
            if (_pos >= _line.Length && !Advance()) return null;
            if (_pos == 0 && _line.StartsWith(';')) return TextField();
            while (_pos < _line.Length && char.IsWhiteSpace(_line[_pos])) _pos++;
            if (_pos >= _line.Length) { _pos = _line.Length; continue; }
            char c = _line[_pos];
            if (c == '#') { _pos = _line.Length; continue; }
            if (c is '\'' or '"') return QuotedString(c);
            int start = _pos;
            while (_pos < _line.Length && !char.IsWhiteSpace(_line[_pos])) _pos++;
            return new CifToken(_line[start.._pos], _lineNo, false);
        }
        return null;
    }

    /// <summary>Moves to the next line; false at the end of the input. An empty line still counts, so line numbers stay true.</summary>
    private bool Advance()
    {
        if (!_lines.MoveNext()) { _done = true; return false; }
        _line = _lines.Current;
        _lineNo++;
        _pos = 0;
        return true;
    }

    private CifToken QuotedString(char quote)
    {
        int start = _pos + 1;
        for (int i = start; i < _line.Length; i++)
            if (_line[i] == quote && (i + 1 == _line.Length || char.IsWhiteSpace(_line[i + 1])))
            {
                _pos = i + 1;
                return new CifToken(_line[start..i], _lineNo, true);
            }
        throw new FormatException($"{source}:{_lineNo}: quoted value starting at column {start} is not closed on its line");
    }

    private CifToken TextField()
    {
        int startLine = _lineNo;
        var text = new System.Text.StringBuilder(_line[1..]);
        while (Advance())
        {
            if (_line.StartsWith(';'))
            {
                _pos = 1; // anything after the closing ';' on its line is read as further tokens
                return new CifToken(text.ToString(), startLine, true);
            }
            text.Append('\n').Append(_line);
        }
        throw new FormatException($"{source}:{startLine}: text field opened with ';' is never closed (truncated file?)");
    }
}
