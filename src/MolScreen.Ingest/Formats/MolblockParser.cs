using System.Globalization;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Checks and splits one decoded SD record: the molblock (title line through "M  END") and
/// the data items after it. Validation is structural only: V2000 counts line and block
/// sizes, atom symbols, bond atom numbers; V3000 CTAB delimiters. It reuses its scratch
/// buffer and JSON builder across records, so one instance serves one reader.
/// </summary>
/// <remarks>
/// Besides element symbols, atom lines may use the query and pseudo-atom symbols "*", "R#",
/// "A", "Q", "L", "LP", and the isotope shorthands "D" and "T" that MDL writers emit.
/// A data item whose tag equals <see cref="InputOptions.NameField"/> becomes the name and is
/// not repeated in the properties, mirroring how the delimited reader treats its name column.
/// </remarks>
internal sealed class MolblockParser
{
    private const int CountsLineIndex = 3;
    private const int AtomSymbolColumn = 31;

    private readonly string? _nameField;
    private readonly PropertiesJsonBuilder _properties = new();
    private char[] _scratch = new char[4096];

    public MolblockParser(string? nameField) => _nameField = nameField;

    /// <summary>Fills Structure, Name, PropertiesJson or RejectReason of <paramref name="record"/>.</summary>
    public void Parse(ReadOnlySpan<char> text, SourceRecord record)
    {
        var endLine = FindEndLine(text, out var endPosition);
        if (endLine < 0)
        {
            record.RejectReason = RejectReasons.TruncatedSdf;
            return;
        }

        var cursor = new TextLineCursor(text);
        cursor.Next(out var title);
        record.Name = _nameField is null && !title.Trim().IsEmpty ? title.Trim().ToString() : null;
        record.RejectReason = endLine <= CountsLineIndex ? RejectReasons.SdfCountsLine : CheckConnectionTable(text, endLine);
        if (record.RejectReason is null)
            record.Structure = WithoutCarriageReturns(text[..endPosition]).ToString();
        ReadDataItems(text, endLine, record);
    }

    /// <summary>Index of the "M  END" line, or -1; <paramref name="end"/> is where that line's content ends.</summary>
    private static int FindEndLine(ReadOnlySpan<char> text, out int end)
    {
        var cursor = new TextLineCursor(text);
        for (var index = 0; cursor.Next(out var line); index++)
        {
            if (line.TrimEnd(" \t").SequenceEqual("M  END"))
            {
                end = cursor.LineEnd;
                return index;
            }
        }
        end = 0;
        return -1;
    }

    private static string? CheckConnectionTable(ReadOnlySpan<char> text, int endLine)
    {
        var cursor = new TextLineCursor(text);
        ReadOnlySpan<char> counts = default;
        for (var i = 0; i <= CountsLineIndex; i++)
            cursor.Next(out counts);

        if (counts.Contains("V3000", StringComparison.Ordinal))
            return CheckV3000(ref cursor, endLine);

        if (counts.Length < 6 || !TryParseField(counts[..3], out var atoms) || !TryParseField(counts[3..6], out var bonds))
            return RejectReasons.SdfCountsLine;

        var available = endLine - CountsLineIndex - 1;
        if (available < atoms)
            return $"SDF atom block has {available} of {atoms} atom lines";
        if (available - atoms < bonds)
            return $"SDF bond block has {available - atoms} of {bonds} bond lines";

        for (var a = 1; a <= atoms; a++)
        {
            cursor.Next(out var line);
            if (line.Length <= AtomSymbolColumn)
                return $"SDF atom line {a} unreadable";
            var symbol = line[AtomSymbolColumn..Math.Min(line.Length, AtomSymbolColumn + 3)].Trim();
            if (!IsAtomSymbol(symbol))
                return symbol.IsEmpty ? $"SDF atom line {a} unreadable" : $"SDF atom {a} has unknown element '{symbol}'";
        }
        for (var b = 1; b <= bonds; b++)
        {
            cursor.Next(out var line);
            if (line.Length < 6 || !TryParseField(line[..3], out var first) || !TryParseField(line[3..6], out var second))
                return $"SDF bond line {b} unreadable";
            if (first < 1 || first > atoms || second < 1 || second > atoms)
                return $"SDF bond {b} references atom {(first < 1 || first > atoms ? first : second)} outside 1..{atoms}";
        }
        return null;
    }

    private static string? CheckV3000(ref TextLineCursor cursor, int endLine)
    {
        var begun = false;
        for (var index = CountsLineIndex + 1; index < endLine && cursor.Next(out var line); index++)
        {
            var trimmed = line.TrimEnd(" \t");
            if (!begun)
                begun = trimmed.SequenceEqual("M  V30 BEGIN CTAB");
            else if (trimmed.SequenceEqual("M  V30 END CTAB"))
                return null;
        }
        return begun
            ? "SDF V3000 record has no 'M  V30 END CTAB' line"
            : "SDF V3000 record has no 'M  V30 BEGIN CTAB' line";
    }

    private static bool IsAtomSymbol(ReadOnlySpan<char> symbol) =>
        PeriodicTable.IsElement(symbol) || symbol is "*" or "R#" or "A" or "Q" or "L" or "LP" or "D" or "T";

    private static bool TryParseField(ReadOnlySpan<char> field, out int value)
    {
        field = field.Trim(' ');
        return int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads <c>&gt; &lt;TAG&gt;</c> items after the "M  END" line; values run to the next blank line.</summary>
    private void ReadDataItems(ReadOnlySpan<char> text, int endLine, SourceRecord record)
    {
        var cursor = new TextLineCursor(text);
        for (var i = 0; i <= endLine; i++)
            cursor.Next(out _);

        _properties.Begin();
        var hasLine = cursor.Next(out var line);
        while (hasLine)
        {
            if (line.IsEmpty || line[0] != '>')
            {
                hasLine = cursor.Next(out line);
                continue;
            }
            var tag = TagOf(line);
            int valueStart = -1, valueEnd = -1;
            while ((hasLine = cursor.Next(out line)) && !line.Trim().IsEmpty)
            {
                if (valueStart < 0)
                    valueStart = cursor.LineStart;
                valueEnd = cursor.LineEnd;
            }
            ReadOnlySpan<char> value = valueStart < 0 ? [] : WithoutCarriageReturns(text[valueStart..valueEnd]);
            if (_nameField is not null && tag.Equals(_nameField, StringComparison.OrdinalIgnoreCase))
            {
                var name = value.Trim();
                record.Name = name.IsEmpty ? null : name.ToString();
            }
            else
            {
                _properties.Add(tag, value);
            }
        }
        record.PropertiesJson = _properties.Finish();
    }

    /// <summary>The tag of a data header such as <c>&gt;  &lt;MW&gt;  (1)</c>; falls back to the text after '&gt;'.</summary>
    private static ReadOnlySpan<char> TagOf(ReadOnlySpan<char> header)
    {
        var rest = header[1..];
        var open = rest.IndexOf('<');
        if (open >= 0)
        {
            var close = rest[(open + 1)..].IndexOf('>');
            if (close >= 0)
                return rest.Slice(open + 1, close);
        }
        return rest.Trim();
    }

    /// <summary>
    /// Joins lines with bare '\n' whatever the file used, so the same molecule gives the same
    /// structure text from a Windows or a Unix file. Returns a view of the scratch buffer
    /// (valid until the next call) only when there was something to remove.
    /// </summary>
    private ReadOnlySpan<char> WithoutCarriageReturns(ReadOnlySpan<char> text)
    {
        if (!text.Contains('\r'))
            return text;
        if (_scratch.Length < text.Length)
            _scratch = new char[Math.Max(text.Length, _scratch.Length * 2)];
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\r' || i + 1 >= text.Length || text[i + 1] != '\n')
                _scratch[written++] = text[i];
        }
        return _scratch.AsSpan(0, written);
    }
}
