using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Reads Parquet files one row group at a time, so memory is bounded by the largest row
/// group rather than the file. Rows before the start record are skipped a whole row group at
/// a time without decoding. Parquet has no byte offset per row: ByteOffset is always -1 and
/// Raw is the UTF-8 of "SMILES\tNAME", enough for hashing and reporting.
/// </summary>
/// <remarks>
/// Only top-level, non-repeated columns are used. String, numeric and boolean columns become
/// properties (numbers formatted with the invariant culture); other types are ignored.
/// Strings arrive already decoded by Parquet.Net, so invalid UTF-8 cannot be reported here.
/// </remarks>
internal sealed class ParquetRecordReader : IRecordReader
{
    private static readonly string[] AutoNameColumns = ["name", "id", "title", "compound_id", "mol_id"];

    // Some writers store text as unannotated BYTE_ARRAY; read those as UTF-8 strings too.
    private static readonly ParquetOptions ReaderOptions = new() { TreatByteArrayAsString = true };

    private readonly string _path;
    private readonly InputOptions _options;
    private bool _disposed;

    public ParquetRecordReader(string path, InputOptions options)
    {
        _path = path;
        _options = options;
        // Fail at open, not at first read, when the file is not usable at all.
        using var stream = OpenFile();
        var reader = CreateReader(stream);
        try
        {
            ResolveColumns(reader.Schema);
        }
        finally
        {
            Close(reader);
        }
    }

    public byte[] HeaderBytes => [];

    public IEnumerable<SourceRecord> Read(long startRecord, long startByteOffset)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(startRecord);
        return ReadFrom(startRecord);
    }

    public void Dispose() => _disposed = true;

    private IEnumerable<SourceRecord> ReadFrom(long startRecord)
    {
        using var stream = OpenFile();
        var reader = CreateReader(stream);
        try
        {
            foreach (var record in ReadRowGroups(reader, startRecord))
                yield return record;
        }
        finally
        {
            Close(reader);
        }
    }

    private IEnumerable<SourceRecord> ReadRowGroups(ParquetReader reader, long startRecord)
    {
        var columns = ResolveColumns(reader.Schema);
        var json = new PropertiesJsonBuilder();
        long firstRowOfGroup = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = group.RowCount;
            if (firstRowOfGroup + rows <= startRecord)
            {
                firstRowOfGroup += rows;
                continue;
            }

            var count = checked((int)rows);
            var smiles = ParquetColumnReader.ReadAsStrings(group, columns.Smiles, count);
            var names = columns.Name is null ? null : ParquetColumnReader.ReadAsStrings(group, columns.Name, count);
            var properties = new string?[columns.Properties.Length][];
            for (var p = 0; p < properties.Length; p++)
                properties[p] = ParquetColumnReader.ReadAsStrings(group, columns.Properties[p], count);

            for (var row = (int)Math.Max(0, startRecord - firstRowOfGroup); row < count; row++)
                yield return CreateRecord(firstRowOfGroup + row, smiles[row], names?[row], columns.Properties, properties, row, json);
            firstRowOfGroup += rows;
        }
    }

    private SourceRecord CreateRecord(long index, string? smiles, string? name, DataField[] propertyFields,
        string?[][] propertyValues, int row, PropertiesJsonBuilder json)
    {
        var record = new SourceRecord
        {
            RecordIndex = index,
            ByteOffset = -1,
            Format = SourceRecord.SmilesFormat,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
        };
        FillRaw(record, smiles ?? "", name ?? "");
        if (record.RawLength > _options.MaxRecordBytes)
        {
            record.RejectReason = RejectReasons.TooLong(record.RawLength, _options.MaxRecordBytes);
            return record;
        }

        json.Begin();
        for (var p = 0; p < propertyFields.Length; p++)
        {
            if (propertyValues[p][row] is { } value)
                json.Add(propertyFields[p].Name, value);
            else
                json.AddNull(propertyFields[p].Name);
        }
        record.PropertiesJson = json.Finish();

        var text = (smiles ?? "").AsSpan().Trim();
        if (text.IsEmpty)
        {
            record.RejectReason = RejectReasons.MissingSmiles;
            return record;
        }
        var reason = SmilesSyntax.Validate(text);
        if (reason is null)
            record.Structure = text.Length == smiles!.Length ? smiles : text.ToString();
        else
            record.RejectReason = RejectReasons.InvalidSmiles(reason);
        return record;
    }

    private void FillRaw(SourceRecord record, string smiles, string name)
    {
        var length = (long)Encoding.UTF8.GetByteCount(smiles) + 1 + Encoding.UTF8.GetByteCount(name);
        record.RawLength = length;
        if (length <= _options.MaxRecordBytes)
        {
            var raw = new byte[length];
            var written = Encoding.UTF8.GetBytes(smiles, raw);
            raw[written] = (byte)'\t';
            Encoding.UTF8.GetBytes(name, raw.AsSpan(written + 1));
            record.Raw = raw;
            return;
        }
        // Encode only enough characters to fill the prefix; a char is at most 3 UTF-8 bytes.
        var prefix = new byte[LineReader.PrefixBytes * 3];
        var chars = smiles.AsSpan(0, Math.Min(smiles.Length, LineReader.PrefixBytes));
        var count = Encoding.UTF8.GetBytes(chars, prefix);
        if (count < LineReader.PrefixBytes)
        {
            prefix[count++] = (byte)'\t';
            var rest = name.AsSpan(0, Math.Min(name.Length, LineReader.PrefixBytes));
            count += Encoding.UTF8.GetBytes(rest, prefix.AsSpan(count));
        }
        record.Raw = prefix.AsMemory(0, Math.Min(count, LineReader.PrefixBytes));
    }

    // ParquetReader is only async-disposable; the synchronous iterator has to block on it.
    private static void Close(ParquetReader reader) => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private ColumnLayout ResolveColumns(ParquetSchema schema)
    {
        var fields = schema.Fields.OfType<DataField>().Where(f => !f.IsArray && f.MaxRepetitionLevel == 0).ToArray();
        var smiles = Find(fields, _options.SmilesColumn)
            ?? throw new InputFormatException(_path, $"no '{_options.SmilesColumn}' column");
        if (!ParquetColumnReader.IsString(smiles))
            throw new InputFormatException(_path, $"column '{smiles.Name}' is not a string column");

        DataField? name;
        if (_options.NameColumn is not null)
        {
            name = Find(fields, _options.NameColumn)
                ?? throw new InputFormatException(_path, $"no name column '{_options.NameColumn}'");
        }
        else
        {
            name = AutoNameColumns.Select(candidate => Find(fields, candidate)).FirstOrDefault(f => f is not null);
        }
        if (name is not null && (name == smiles || !ParquetColumnReader.IsSupported(name)))
            name = null;

        var properties = fields.Where(f => f != smiles && f != name && ParquetColumnReader.IsSupported(f)).ToArray();
        return new ColumnLayout(smiles, name, properties);
    }

    private static DataField? Find(DataField[] fields, string name) =>
        fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private FileStream OpenFile()
    {
        try
        {
            return new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(_path, e.Message, e);
        }
    }

    private ParquetReader CreateReader(Stream stream)
    {
        try
        {
            return ParquetReader.CreateAsync(stream, ReaderOptions, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InputFormatException(_path, $"not a readable Parquet file: {e.Message}", e);
        }
    }

    private sealed record ColumnLayout(DataField Smiles, DataField? Name, DataField[] Properties);
}
