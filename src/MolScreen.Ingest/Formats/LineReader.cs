using System.Buffers;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Splits a byte stream into lines ending in '\n' or "\r\n" while tracking each line's byte
/// offset. The buffer grows at most to the line-length limit, so memory is bounded by
/// <c>maxLineBytes</c> whatever the file size; a longer line is streamed past through the
/// same buffer and reported with only its first <see cref="PrefixBytes"/> bytes.
/// </summary>
/// <remarks>
/// The span returned by <see cref="Content"/> is only valid until the next <see cref="ReadLine"/>.
/// </remarks>
internal sealed class LineReader : IDisposable
{
    /// <summary>Bytes kept of a line that exceeds the limit.</summary>
    public const int PrefixBytes = 1024;

    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;       // first unconsumed byte in _buffer
    private int _end;         // one past the last valid byte in _buffer
    private long _bufferOffset; // stream offset of _buffer[0]
    private bool _eof;
    private readonly byte[] _prefix = new byte[PrefixBytes];
    private int _contentStart;
    private int _contentLength;

    public LineReader(Stream stream, int maxLineBytes, long startOffset = 0)
    {
        _stream = stream;
        _maxLineBytes = Math.Max(1, maxLineBytes);
        _bufferOffset = startOffset;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, BufferCap));
    }

    /// <summary>Byte offset of the current line's first byte.</summary>
    public long Offset { get; private set; }

    /// <summary>True length of the current line in bytes, without its terminator.</summary>
    public long Length { get; private set; }

    /// <summary>Bytes of the terminator that ended the current line: 0 (end of stream), 1 or 2.</summary>
    public int TerminatorLength { get; private set; }

    /// <summary>True if the current line exceeded the limit and only its prefix is available.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The whole line, or its first <see cref="PrefixBytes"/> bytes when <see cref="TooLong"/>.</summary>
    public ReadOnlySpan<byte> Content => TooLong
        ? _prefix.AsSpan(0, _contentLength)
        : _buffer.AsSpan(_contentStart, _contentLength);

    // Room for a maximal line plus "\r\n", so a line exactly at the limit is still seen whole.
    private int BufferCap => _maxLineBytes > Array.MaxLength - 2 ? Array.MaxLength : _maxLineBytes + 2;

    /// <summary>Advances to the next line; false at end of stream.</summary>
    public bool ReadLine()
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = scanFrom + newline;
                var withCr = lineEnd > _start && _buffer[lineEnd - 1] == (byte)'\r';
                SetLine(_start, lineEnd - _start - (withCr ? 1 : 0), withCr ? 2 : 1);
                _start = lineEnd + 1;
                return true;
            }
            if (_eof)
            {
                if (_start == _end)
                    return false;
                SetLine(_start, _end - _start, 0);
                _start = _end;
                return true;
            }

            scanFrom = _end - _start;
            if (!MakeRoom())
                return ReadOverlongLine();
            scanFrom += _start;
            Fill();
        }
    }

    private void SetLine(int start, int length, int terminator)
    {
        Offset = _bufferOffset + start;
        Length = length;
        TerminatorLength = terminator;
        TooLong = length > _maxLineBytes;
        if (TooLong)
        {
            _contentLength = Math.Min(PrefixBytes, length);
            _buffer.AsSpan(start, _contentLength).CopyTo(_prefix);
        }
        else
        {
            _contentStart = start;
            _contentLength = length;
        }
    }

    /// <summary>Moves pending bytes to the buffer front or grows it; false if the line cannot fit.</summary>
    private bool MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end < _buffer.Length)
            return true;
        if (_buffer.Length >= BufferCap)
            return false;

        // Jump straight to the cap: intermediate sizes would cost more allocation in total.
        var grown = ArrayPool<byte>.Shared.Rent(BufferCap);
        _buffer.AsSpan(0, _end).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
        return true;
    }

    private void Fill()
    {
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    /// <summary>The buffer is full with no newline: keep the prefix and stream to the line's end.</summary>
    private bool ReadOverlongLine()
    {
        Offset = _bufferOffset;
        TooLong = true;
        _contentLength = 0;

        long length = 0;
        var lastWasCr = false;
        while (true)
        {
            var newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            KeepPrefix(_buffer.AsSpan(0, newline >= 0 ? newline : _end));
            if (newline >= 0)
            {
                var withCr = newline > 0 ? _buffer[newline - 1] == (byte)'\r' : lastWasCr;
                Length = length + newline - (withCr ? 1 : 0);
                TerminatorLength = withCr ? 2 : 1;
                // A prefix shorter than PrefixBytes may have picked up the '\r' of "\r\n".
                _contentLength = (int)Math.Min(_contentLength, Length);
                _start = newline + 1;
                return true;
            }
            if (_end > 0)
            {
                length += _end;
                lastWasCr = _buffer[_end - 1] == (byte)'\r';
                _bufferOffset += _end;
                _end = 0;
            }
            if (_eof)
            {
                Length = length;
                TerminatorLength = 0;
                _start = 0;
                return true;
            }
            Fill();
        }
    }

    private void KeepPrefix(ReadOnlySpan<byte> bytes)
    {
        var count = Math.Min(PrefixBytes - _contentLength, bytes.Length);
        if (count <= 0)
            return;
        bytes[..count].CopyTo(_prefix.AsSpan(_contentLength));
        _contentLength += count;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        _stream.Dispose();
    }
}
