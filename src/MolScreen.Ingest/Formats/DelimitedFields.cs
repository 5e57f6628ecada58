namespace MolScreen.Ingest.Formats;

/// <summary>
/// Splits one line into RFC 4180 fields (quoted fields, doubled quotes inside quotes). Fields
/// never span lines: screening inputs do not need multi-line values, and refusing them keeps
/// every record on one line so byte offsets and resumption stay simple. Field bounds are kept
/// in a reused array, so splitting allocates nothing.
/// </summary>
internal sealed class DelimitedFields
{
    private readonly char _delimiter;
    private Field[] _fields = new Field[16];
    private char[] _scratch = new char[256];

    public DelimitedFields(char delimiter) => _delimiter = delimiter;

    /// <summary>Number of fields found by the last <see cref="Split"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Splits <paramref name="line"/>; returns null on success, else a reject reason.</summary>
    public string? Split(ReadOnlySpan<char> line)
    {
        Count = 0;
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var contentStart = ++i;
                var escaped = false;
                while (true)
                {
                    var quote = line[i..].IndexOf('"');
                    if (quote < 0)
                        return RejectReasons.UnterminatedQuote;
                    i += quote;
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        escaped = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                Add(new Field(contentStart, i - contentStart, escaped));
                i++;
                if (i < line.Length && line[i] != _delimiter)
                    return $"unexpected character after closing quote at position {i + 1}";
            }
            else
            {
                var delimiter = line[i..].IndexOf(_delimiter);
                var end = delimiter < 0 ? line.Length : i + delimiter;
                Add(new Field(i, end - i, false));
                i = end;
            }

            if (i >= line.Length)
                return null;
            i++; // past the delimiter; a trailing delimiter yields a final empty field
        }
    }

    /// <summary>
    /// The unquoted value of field <paramref name="index"/> of the line last split. Values with
    /// doubled quotes are unescaped into a scratch buffer valid until the next call.
    /// </summary>
    public ReadOnlySpan<char> Value(ReadOnlySpan<char> line, int index)
    {
        var field = _fields[index];
        var raw = line.Slice(field.Start, field.Length);
        if (!field.HasEscapes)
            return raw;
        if (_scratch.Length < raw.Length)
            _scratch = new char[Math.Max(raw.Length, _scratch.Length * 2)];
        var written = 0;
        for (var k = 0; k < raw.Length; k++)
        {
            _scratch[written++] = raw[k];
            if (raw[k] == '"')
                k++; // skip the second quote of a doubled pair
        }
        return _scratch.AsSpan(0, written);
    }

    private void Add(Field field)
    {
        if (Count == _fields.Length)
            Array.Resize(ref _fields, _fields.Length * 2);
        _fields[Count++] = field;
    }

    private readonly record struct Field(int Start, int Length, bool HasEscapes);
}
