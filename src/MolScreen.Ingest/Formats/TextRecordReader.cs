using System.Text;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Shared machinery for the line-per-record text formats (SMILES and delimited): header
/// bookkeeping, skipping blank and '#' comment lines, resuming by seek or by skipping, and
/// the checks every line gets before format parsing (length limit, UTF-8).
/// </summary>
internal abstract class TextRecordReader : IRecordReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private long _headerOffset = -1;
    private bool _disposed;

    protected TextRecordReader(RecordSource source, InputOptions options)
    {
        Source = source;
        Options = options;
    }

    protected RecordSource Source { get; }

    protected InputOptions Options { get; }

    public byte[] HeaderBytes { get; private set; } = [];

    public IEnumerable<SourceRecord> Read(long startRecord, long startByteOffset)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(startRecord);
        return ReadFrom(startRecord, startByteOffset);
    }

    public void Dispose() => _disposed = true;

    /// <summary>
    /// Creates the line parser for one enumeration. Parsers hold reusable scratch state, so
    /// each enumeration gets its own and concurrent enumerations of one reader stay safe.
    /// </summary>
    protected abstract ILineParser CreateLineParser();

    /// <summary>Marks the content line at <paramref name="line"/> as the header.</summary>
    protected void SetHeader(ContentLine line)
    {
        _headerOffset = line.Offset;
        HeaderBytes = line.Bytes;
    }

    /// <summary>Reads up to <paramref name="count"/> leading content lines, for header detection.</summary>
    protected List<ContentLine> PeekContentLines(int count)
    {
        var found = new List<ContentLine>(count);
        using var lines = new LineReader(Source.Open(-1, out _), Options.MaxRecordBytes);
        while (found.Count < count && lines.ReadLine())
        {
            if (IsRecordLine(lines))
                found.Add(new ContentLine(lines.Offset, lines.Content.ToArray(), lines.TooLong));
        }
        return found;
    }

    /// <summary>Decodes a peeked line leniently; only used to sniff headers, never for records.</summary>
    protected static string DecodeForSniffing(ContentLine line)
    {
        var bytes = line.Offset == 0 && line.Bytes.AsSpan().StartsWith(Utf8Bom) ? line.Bytes.AsSpan(3) : line.Bytes;
        return Encoding.UTF8.GetString(bytes);
    }

    private IEnumerable<SourceRecord> ReadFrom(long startRecord, long startByteOffset)
    {
        var stream = Source.Open(startByteOffset, out var seeked);
        using var lines = new LineReader(stream, Options.MaxRecordBytes, seeked ? startByteOffset : 0);
        using var text = new Utf8TextBuffer();
        var parser = CreateLineParser();
        var index = seeked ? startRecord : 0;
        while (lines.ReadLine())
        {
            if (lines.Offset == _headerOffset || !IsRecordLine(lines))
                continue;
            if (index < startRecord)
            {
                index++;
                continue;
            }
            yield return CreateRecord(lines, index++, text, parser);
        }
    }

    private SourceRecord CreateRecord(LineReader lines, long index, Utf8TextBuffer text, ILineParser parser)
    {
        var record = RawRecordDecoder.Start(index, lines.Offset, lines.Content, lines.Length, lines.TooLong,
            Options.MaxRecordBytes, SourceRecord.SmilesFormat, text, out var chars);
        if (record.RejectReason != null)
            return record;
        parser.Parse(record, chars);
        return record;
    }

    /// <summary>True unless the line is blank or a '#' comment. Overlong lines always count as records.</summary>
    private static bool IsRecordLine(LineReader lines)
    {
        if (lines.TooLong)
            return true;
        var content = lines.Content;
        if (lines.Offset == 0 && content.StartsWith(Utf8Bom))
            content = content[3..];
        var i = 0;
        while (i < content.Length && content[i] is (byte)' ' or (byte)'\t')
            i++;
        return i < content.Length && content[i] != (byte)'#';
    }

    /// <summary>Turns one decoded, non-blank line into the fields of a record.</summary>
    internal interface ILineParser
    {
        void Parse(SourceRecord record, ReadOnlySpan<char> line);
    }

    /// <summary>A raw non-blank, non-comment line seen while sniffing the header.</summary>
    protected readonly record struct ContentLine(long Offset, byte[] Bytes, bool TooLong);
}
