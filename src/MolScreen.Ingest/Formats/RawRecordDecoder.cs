namespace MolScreen.Ingest.Formats;

/// <summary>
/// The first steps every text format takes with a record's raw bytes: reject it as too long or as
/// invalid UTF-8, else hand its text (without a byte-order mark at the start of the file) to the
/// format's parser. One place, so every reader rejects the same way.
/// </summary>
internal static class RawRecordDecoder
{
    public static SourceRecord Start(long index, long offset, ReadOnlySpan<byte> bytes, long length, bool tooLong,
        int maxRecordBytes, string format, Utf8TextBuffer text, out ReadOnlySpan<char> chars)
    {
        chars = default;
        var record = new SourceRecord { RecordIndex = index, ByteOffset = offset, Raw = bytes.ToArray(), RawLength = length, Format = format };
        if (tooLong)
        {
            record.RejectReason = RejectReasons.TooLong(length, maxRecordBytes);
            return record;
        }
        var invalidAt = text.Decode(bytes, out chars);
        if (invalidAt >= 0)
        {
            record.RejectReason = RejectReasons.InvalidUtf8(invalidAt);
            chars = default;
            return record;
        }
        if (offset == 0 && chars.Length > 0 && chars[0] == '\uFEFF')
            chars = chars[1..];
        return record;
    }
}
