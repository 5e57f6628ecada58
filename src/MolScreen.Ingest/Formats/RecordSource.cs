using System.IO.Compression;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// The file behind a reader. Each enumeration opens its own stream so that readers are
/// restartable and never share a read position; gzip is recognised by its magic bytes,
/// not its name, because extensions lie more often than headers do.
/// </summary>
internal sealed class RecordSource
{
    // The line reader buffers itself, so the file stream only needs a buffer when gzip reads
    // from it in small blocks.
    private const int GzipInputBufferBytes = 64 * 1024;

    public RecordSource(string path)
    {
        Path = path;
        IsGzip = HasGzipMagic(path);
    }

    public string Path { get; }

    public bool IsGzip { get; }

    /// <summary>
    /// Opens the decompressed byte stream. When <paramref name="offset"/> is non-negative and
    /// the file is plain, the stream is positioned there and <paramref name="seeked"/> is true.
    /// </summary>
    public Stream Open(long offset, out bool seeked)
    {
        seeked = false;
        FileStream file;
        try
        {
            file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read,
                IsGzip ? GzipInputBufferBytes : 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(Path, e.Message, e);
        }

        if (IsGzip)
            return new CorruptionGuardStream(new GZipStream(file, CompressionMode.Decompress), Path);

        if (offset >= 0)
        {
            var length = file.Length;
            if (offset > length)
            {
                file.Dispose();
                throw new InputFormatException(Path, $"start offset {offset} is past the end of the file ({length} bytes)");
            }
            file.Seek(offset, SeekOrigin.Begin);
            seeked = true;
        }
        return file;
    }

    private static bool HasGzipMagic(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Span<byte> magic = stackalloc byte[2];
            return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(path, e.Message, e);
        }
    }

    /// <summary>
    /// Turns a corrupt compressed stream into an <see cref="InputFormatException"/> naming the
    /// file: it is a whole-file failure, not a bad record, and callers should see which file.
    /// </summary>
    private sealed class CorruptionGuardStream(Stream inner, string path) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw new InputFormatException(path, $"corrupt gzip data: {e.Message}", e);
            }
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
