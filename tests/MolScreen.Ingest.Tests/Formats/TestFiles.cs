using System.IO.Compression;
using System.Text;
using MolScreen.Ingest.Formats;

namespace MolScreen.Ingest.Tests.Formats;

/// <summary>A temporary directory of fixture files, deleted on dispose.</summary>
internal sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "molscreen-ingest-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> gzip-compressed, split over several gzip members when asked.</summary>
    public string WriteGzip(string name, byte[] content, int members = 1)
    {
        var path = Path.Combine(Directory, name);
        using var file = File.Create(path);
        var chunk = Math.Max(1, (content.Length + members - 1) / Math.Max(1, members));
        var offset = 0;
        do
        {
            using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
            var count = Math.Min(chunk, content.Length - offset);
            gzip.Write(content, offset, count);
            offset += count;
        }
        while (offset < content.Length);
        return path;
    }

    public string WriteGzip(string name, string content, int members = 1) =>
        WriteGzip(name, Encoding.UTF8.GetBytes(content), members);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test run.
        }
    }

    public static List<Snapshot> ReadAll(string path, InputOptions? options = null, long startRecord = 0, long startByteOffset = -1)
    {
        using var reader = RecordReaderFactory.Open(path, options ?? new InputOptions());
        return reader.Read(startRecord, startByteOffset).Select(Snapshot.Of).ToList();
    }
}

/// <summary>A value copy of a <see cref="SourceRecord"/> that compares by content.</summary>
internal sealed record Snapshot(
    long Index, long Offset, string Raw, long RawLength, string Format,
    string? Structure, string? Name, string? Properties, string? Reason)
{
    public static Snapshot Of(SourceRecord r) => new(
        r.RecordIndex, r.ByteOffset, Convert.ToHexString(r.Raw.Span), r.RawLength, r.Format,
        r.Structure, r.Name, r.PropertiesJson, r.RejectReason);

    public string RawText => Encoding.UTF8.GetString(Convert.FromHexString(Raw));
}
