using System.Buffers;
using System.Text.Unicode;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Decodes a record's bytes into a reused pooled char buffer, reporting where invalid UTF-8
/// starts instead of silently substituting U+FFFD: a mangled structure must be rejected,
/// not screened.
/// </summary>
internal sealed class Utf8TextBuffer : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(1024);

    /// <summary>
    /// Decodes <paramref name="bytes"/>; returns -1 when valid, else the offset of the first
    /// invalid byte. <paramref name="text"/> is valid until the next call.
    /// </summary>
    public int Decode(ReadOnlySpan<byte> bytes, out ReadOnlySpan<char> text)
    {
        if (_chars.Length < bytes.Length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        }
        var status = Utf8.ToUtf16(bytes, _chars, out var read, out var written, replaceInvalidSequences: false);
        text = _chars.AsSpan(0, written);
        return status == OperationStatus.Done ? -1 : read;
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        if (chars.Length > 0)
            ArrayPool<char>.Shared.Return(chars);
    }
}
