namespace MolScreen.Ingest.Formats;

/// <summary>
/// Reads SD files. A record is every line up to a <c>$$$$</c> line, which ends it and is not
/// part of it. A final record without <c>$$$$</c> still counts if it has any non-blank line,
/// so a file that merely ends in blank lines gains no phantom record.
/// </summary>
internal sealed class SdfRecordReader : IRecordReader
{
    private readonly RecordSource _source;
    private readonly InputOptions _options;
    private bool _disposed;

    public SdfRecordReader(RecordSource source, InputOptions options)
    {
        _source = source;
        _options = options;
    }

    public byte[] HeaderBytes => [];

    public IEnumerable<SourceRecord> Read(long startRecord, long startByteOffset)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(startRecord);
        return ReadFrom(startRecord, startByteOffset);
    }

    public void Dispose() => _disposed = true;

    private IEnumerable<SourceRecord> ReadFrom(long startRecord, long startByteOffset)
    {
        var stream = _source.Open(startByteOffset, out var seeked);
        using var lines = new LineReader(stream, _options.MaxRecordBytes, seeked ? startByteOffset : 0);
        using var buffer = new SdfRecordBuffer(_options.MaxRecordBytes);
        using var text = new Utf8TextBuffer();
        var parser = new MolblockParser(_options.NameField);
        var index = seeked ? startRecord : 0;

        while (lines.ReadLine())
        {
            if (!IsRecordEnd(lines))
            {
                buffer.Append(lines);
                continue;
            }
            if (index >= startRecord)
                yield return CreateRecord(buffer, buffer.IsEmpty ? lines.Offset : buffer.Offset, index, text, parser);
            index++;
            buffer.Clear();
        }

        if (buffer.HasContent && index >= startRecord)
            yield return CreateRecord(buffer, buffer.Offset, index, text, parser);
    }

    private SourceRecord CreateRecord(SdfRecordBuffer buffer, long offset, long index, Utf8TextBuffer text, MolblockParser parser)
    {
        var record = RawRecordDecoder.Start(index, offset, buffer.Bytes, buffer.Length, buffer.TooLong,
            _options.MaxRecordBytes, SourceRecord.MolblockFormat, text, out var chars);
        if (record.RejectReason != null)
            return record;
        parser.Parse(chars, record);
        return record;
    }

    private static bool IsRecordEnd(LineReader lines) =>
        !lines.TooLong && lines.Content.TrimEnd(" \t"u8).SequenceEqual("$$$$"u8);
}
