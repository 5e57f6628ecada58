using System.Buffers;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Accumulates the exact bytes of one SD record, line by line with the original terminators,
/// up to the record-size limit. Past the limit it keeps counting but stores nothing more
/// than the first <see cref="LineReader.PrefixBytes"/> bytes, so a runaway record costs no
/// more memory than a maximal one.
/// </summary>
internal sealed class SdfRecordBuffer : IDisposable
{
    private const int InitialBytes = 64 * 1024;

    private readonly int _limit;
    private readonly int _capacity;
    private byte[] _bytes;
    private int _stored;
    private int _pendingTerminator;

    public SdfRecordBuffer(int limit)
    {
        _limit = limit;
        // Keep at least a full reject prefix even when the limit is smaller than one.
        _capacity = Math.Max(limit, LineReader.PrefixBytes);
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBytes, _capacity));
    }

    /// <summary>True until the first line of a record is appended.</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>Offset of the record's first byte.</summary>
    public long Offset { get; private set; }

    /// <summary>True length of the record so far, excluding the last line's terminator.</summary>
    public long Length { get; private set; }

    /// <summary>True once any line with a non-whitespace byte was appended.</summary>
    public bool HasContent { get; private set; }

    public bool TooLong => Length > _limit;

    /// <summary>The stored bytes: the whole record, or its first 1024 bytes when <see cref="TooLong"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, TooLong ? Math.Min(_stored, LineReader.PrefixBytes) : _stored);

    public void Clear()
    {
        IsEmpty = true;
        HasContent = false;
        Length = 0;
        _stored = 0;
        _pendingTerminator = 0;
    }

    /// <summary>Appends the current line of <paramref name="lines"/>, preceded by the previous line's terminator.</summary>
    public void Append(LineReader lines)
    {
        if (IsEmpty)
        {
            Offset = lines.Offset;
            IsEmpty = false;
        }
        ReadOnlySpan<byte> terminator = _pendingTerminator == 2 ? "\r\n"u8 : _pendingTerminator == 1 ? "\n"u8 : default;
        Store(terminator);
        Store(lines.Content);
        Length += terminator.Length + lines.Length;
        _pendingTerminator = lines.TerminatorLength;
        if (!HasContent)
            HasContent = lines.TooLong || lines.Content.IndexOfAnyExcept(" \t"u8) >= 0;
    }

    private void Store(ReadOnlySpan<byte> bytes)
    {
        // Once the record is over the limit only the prefix matters; stop copying.
        var room = (Length > _limit ? LineReader.PrefixBytes : _capacity) - _stored;
        if (room <= 0 || bytes.IsEmpty)
            return;
        if (bytes.Length > room)
            bytes = bytes[..room];
        if (_stored + bytes.Length > _bytes.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(_capacity);
            _bytes.AsSpan(0, _stored).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = grown;
        }
        bytes.CopyTo(_bytes.AsSpan(_stored));
        _stored += bytes.Length;
    }

    public void Dispose()
    {
        var bytes = _bytes;
        _bytes = [];
        if (bytes.Length > 0)
            ArrayPool<byte>.Shared.Return(bytes);
    }
}
