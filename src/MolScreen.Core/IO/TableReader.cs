using Parquet;
using Parquet.Schema;

namespace MolScreen.Core.IO;

/// <summary>Reads a Parquet file row group by row group, so memory is bounded by one row group.</summary>
public sealed class TableReader : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;

    private TableReader(FileStream stream, ParquetReader reader) { _stream = stream; _reader = reader; }

    public static async Task<TableReader> OpenAsync(string path)
    {
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try { return new TableReader(fs, await ParquetReader.CreateAsync(fs, ParquetSettings.Options())); }
        catch (Exception e) { await fs.DisposeAsync(); throw new InvalidDataException($"{path}: not a readable Parquet file ({e.Message})", e); }
    }

    public ParquetSchema Schema => _reader.Schema;
    public int RowGroupCount => _reader.RowGroupCount;
    public long RowCount => Enumerable.Range(0, _reader.RowGroupCount).Sum(i => _reader.RowGroups[i].RowCount);
    public IReadOnlyDictionary<string, string> Metadata => _reader.CustomMetadata;

    public DataField Field(string name) =>
        _reader.Schema.DataFields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"column '{name}' not found (have: {string.Join(", ", _reader.Schema.DataFields.Select(f => f.Name))})");

    public bool HasField(string name) => _reader.Schema.DataFields.Any(f => f.Name == name);

    /// <summary>Reads the named columns (all when none given) of one row group.</summary>
    public async Task<ColumnData[]> ReadRowGroupAsync(int index, params string[] names)
    {
        using var rg = _reader.OpenRowGroupReader(index);
        var fields = names.Length == 0 ? _reader.Schema.DataFields : names.Select(Field).ToArray();
        var cols = new ColumnData[fields.Length];
        for (int i = 0; i < fields.Length; i++) cols[i] = new ColumnData(fields[i], await ParquetColumns.ReadAsync(rg, fields[i]));
        return cols;
    }

    /// <summary>Top-level list-of-strings columns (read with <see cref="ReadStringListsAsync"/>).</summary>
    public IReadOnlyList<string> StringListFields =>
        _reader.Schema.Fields.OfType<ListField>().Where(IsStringList).Select(l => l.Name).ToList();

    public async Task<string[]?[]> ReadStringListsAsync(int index, string name)
    {
        var list = _reader.Schema.Fields.OfType<ListField>().FirstOrDefault(l => l.Name == name && IsStringList(l))
            ?? throw new InvalidDataException($"column '{name}' is not a list of strings");
        using var rg = _reader.OpenRowGroupReader(index);
        return await ParquetColumns.ReadStringListsAsync(rg, (DataField)list.Item);
    }

    private static bool IsStringList(ListField l) =>
        l.Item is DataField d && (d.ClrType == typeof(string) || d.ClrType == typeof(ReadOnlyMemory<char>));

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
