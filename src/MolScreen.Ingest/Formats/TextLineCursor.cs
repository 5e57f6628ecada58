namespace MolScreen.Ingest.Formats;

/// <summary>
/// Walks the lines of decoded record text without allocating. Lines end in '\n'; a '\r'
/// before it is dropped from the line. Positions let callers slice whole line ranges back
/// out of the text.
/// </summary>
internal ref struct TextLineCursor
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;
    private bool _done;

    public TextLineCursor(ReadOnlySpan<char> text) => _text = text;

    /// <summary>Index in the text of the current line's first character.</summary>
    public int LineStart { get; private set; }

    /// <summary>Index in the text just past the current line's content (before any '\r').</summary>
    public int LineEnd { get; private set; }

    public bool Next(out ReadOnlySpan<char> line)
    {
        if (_done)
        {
            line = default;
            return false;
        }
        LineStart = _next;
        var newline = _text[_next..].IndexOf('\n');
        int end;
        if (newline < 0)
        {
            end = _text.Length;
            _done = true;
        }
        else
        {
            end = _next + newline;
            _next = end + 1;
        }
        if (end > LineStart && _text[end - 1] == '\r')
            end--;
        LineEnd = end;
        line = _text[LineStart..end];
        return true;
    }
}
