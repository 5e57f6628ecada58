using Parquet;
using Parquet.Schema;

namespace MolScreen.Core.IO;

/// <summary>
/// Streams row groups into a Parquet file under a temp name; <see cref="CommitAsync"/> makes it
/// visible atomically. Disposing without commit deletes the temp, so a failed shard leaves nothing.
/// </summary>
public sealed class TableWriter : IAsyncDisposable
{
    private readonly string _target;
    private readonly string _temp;
    private readonly ParquetSchema _schema;
    private FileStream? _stream;
    private ParquetWriter? _writer;
    private bool _committed;

    public long RowsWritten { get; private set; }

    private TableWriter(string target, ParquetSchema schema)
    {
        _target = Path.GetFullPath(target);
        _temp = AtomicFile.TempPathFor(_target);
        _schema = schema;
    }

    public static async Task<TableWriter> CreateAsync(string target, ParquetSchema schema, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var w = new TableWriter(target, schema);
        Directory.CreateDirectory(Path.GetDirectoryName(w._target)!);
        w._stream = new FileStream(w._temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        w._writer = await ParquetWriter.CreateAsync(schema, w._stream, ParquetSettings.Options());
        if (metadata != null) w._writer.CustomMetadata = metadata.ToDictionary();
        return w;
    }

    public async Task WriteRowGroupAsync(IReadOnlyList<ColumnData> columns)
    {
        if (columns.Count != _schema.DataFields.Length)
            throw new ArgumentException($"row group has {columns.Count} columns, schema has {_schema.DataFields.Length}");
        int n = columns.Count == 0 ? 0 : columns[0].Length;
        using var rg = _writer!.CreateRowGroup();
        foreach (var c in columns)
        {
            if (c.Length != n) throw new ArgumentException($"column '{c.Field.Name}' has {c.Length} rows, expected {n}");
            await ParquetColumns.WriteAsync(rg, c);
        }
        RowsWritten += n;
    }

    /// <summary>Closes the file and renames it into place; returns its SHA-256 and size.</summary>
    public async Task<FileDigest> CommitAsync()
    {
        // Parquet needs at least the footer; an empty table still gets a valid file with zero row groups.
        await _writer!.DisposeAsync();
        _writer = null;
        await _stream!.FlushAsync();
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        _stream = null;
        var digest = FileDigest.Of(_temp, _target);
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
        return digest;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer != null) { try { await _writer.DisposeAsync(); } catch (Exception) { } }
        if (_stream != null) await _stream.DisposeAsync();
        if (!_committed && File.Exists(_temp)) File.Delete(_temp);
    }
}

/// <summary>A committed file's identity: name relative to its folder, SHA-256, size.</summary>
public sealed record FileDigest(string File, string Sha256, long Bytes)
{
    public static FileDigest Of(string pathOnDisk, string finalPath) =>
        new(Path.GetFileName(finalPath), ContentHash.OfFile(pathOnDisk), new FileInfo(pathOnDisk).Length);

    public bool Matches(string directory)
    {
        var p = Path.Combine(directory, File);
        return System.IO.File.Exists(p) && new FileInfo(p).Length == Bytes && ContentHash.OfFile(p) == Sha256;
    }
}
