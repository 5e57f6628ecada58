namespace MolScreen.Ingest.Formats;

/// <summary>
/// Reads CSV/TSV-style files with a SMILES column. Header auto-detection: the first content
/// line is a header when one of its fields equals <see cref="InputOptions.SmilesColumn"/>
/// (case-insensitive); otherwise there is no header, SMILES is column 0 and columns are
/// named "col0", "col1", ... (0-based) for <see cref="InputOptions.NameColumn"/> and the
/// property keys.
/// </summary>
internal sealed class DelimitedRecordReader : TextRecordReader
{
    private static readonly string[] AutoNameColumns = ["name", "id", "title", "compound_id", "mol_id"];

    private readonly char _delimiter;
    private readonly string[]? _header;
    private readonly int _smilesIndex;
    private readonly int _nameIndex = -1;

    public DelimitedRecordReader(RecordSource source, InputOptions options, char delimiter)
        : base(source, options)
    {
        _delimiter = delimiter;
        List<ContentLine> peek = options.HasHeader == false ? [] : PeekContentLines(1);
        string[]? firstLine = peek.Count == 1 && !peek[0].TooLong ? SplitHeader(DecodeForSniffing(peek[0]), delimiter) : null;

        if (firstLine is not null && (options.HasHeader == true || IndexOf(firstLine, options.SmilesColumn) >= 0))
        {
            SetHeader(peek[0]);
            _header = firstLine;
            _smilesIndex = IndexOf(firstLine, options.SmilesColumn);
            if (_smilesIndex < 0)
                throw new InputFormatException(source.Path, $"header has no '{options.SmilesColumn}' column");
            _nameIndex = ResolveNameColumn(source.Path, options.NameColumn, firstLine);
        }
        else if (options.HasHeader == true && peek.Count == 1)
        {
            throw new InputFormatException(source.Path, "header line is unreadable");
        }
        else
        {
            _smilesIndex = 0;
            if (options.NameColumn is not null)
            {
                _nameIndex = ParseSyntheticColumn(options.NameColumn)
                    ?? throw new InputFormatException(source.Path,
                        $"file has no header, so name column '{options.NameColumn}' must be given as colN (0-based)");
            }
        }
        if (_nameIndex == _smilesIndex)
            _nameIndex = -1;
    }

    protected override ILineParser CreateLineParser() => new LineParser(this);

    private static string[] SplitHeader(string line, char delimiter)
    {
        var fields = new DelimitedFields(delimiter);
        if (fields.Split(line) is not null)
            return [];
        var names = new string[fields.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = fields.Value(line, i).Trim().ToString();
        return names;
    }

    private static int ResolveNameColumn(string path, string? requested, string[] header)
    {
        if (requested is not null)
        {
            var index = IndexOf(header, requested);
            return index >= 0 ? index : throw new InputFormatException(path, $"header has no name column '{requested}'");
        }
        foreach (var candidate in AutoNameColumns)
        {
            var index = IndexOf(header, candidate);
            if (index >= 0)
                return index;
        }
        return -1;
    }

    private static int? ParseSyntheticColumn(string name) =>
        name.StartsWith("col", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(3), out var index) && index >= 0
            ? index
            : null;

    private static int IndexOf(string[] names, string name) =>
        Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Per-enumeration parsing state: field bounds, JSON buffer and column names.</summary>
    private sealed class LineParser(DelimitedRecordReader owner) : ILineParser
    {
        private readonly DelimitedRecordReader _owner = owner;
        private readonly DelimitedFields _fields = new(owner._delimiter);
        private readonly PropertiesJsonBuilder _properties = new();
        private string[] _columnNames = owner._header ?? [];

        public void Parse(SourceRecord record, ReadOnlySpan<char> line)
        {
            var error = _fields.Split(line);
            if (error is not null)
            {
                record.RejectReason = error;
                return;
            }
            var count = _fields.Count;
            if (_owner._header is not null && count != _owner._header.Length)
            {
                record.RejectReason = RejectReasons.FieldCount(count, _owner._header.Length);
                return;
            }

            if (_owner._nameIndex >= 0 && _owner._nameIndex < count)
            {
                var name = _fields.Value(line, _owner._nameIndex).Trim();
                record.Name = name.IsEmpty ? null : name.ToString();
            }

            _properties.Begin();
            for (var i = 0; i < count; i++)
            {
                if (i != _owner._smilesIndex && i != _owner._nameIndex)
                    _properties.Add(ColumnName(i), _fields.Value(line, i));
            }
            record.PropertiesJson = _properties.Finish();

            var smiles = _fields.Value(line, _owner._smilesIndex).Trim();
            if (smiles.IsEmpty)
            {
                record.RejectReason = RejectReasons.MissingSmiles;
                return;
            }
            var reason = SmilesSyntax.Validate(smiles);
            if (reason is null)
                record.Structure = smiles.ToString();
            else
                record.RejectReason = RejectReasons.InvalidSmiles(reason);
        }

        // Without a header, synthetic names are built once per column index and then reused.
        private string ColumnName(int index)
        {
            if (index >= _columnNames.Length)
            {
                var grown = new string[Math.Max(index + 1, _columnNames.Length * 2)];
                _columnNames.CopyTo(grown, 0);
                for (var i = _columnNames.Length; i < grown.Length; i++)
                    grown[i] = $"col{i}";
                _columnNames = grown;
            }
            return _columnNames[index];
        }
    }
}
