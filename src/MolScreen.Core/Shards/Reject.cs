using System.Text;
using MolScreen.Core.IO;
using Parquet.Schema;

namespace MolScreen.Core.Shards;

/// <summary>An input record that did not make it into a stage's output, and why.</summary>
public sealed record Reject(string? Id, string Source, long? RecordIndex, string? Raw, string Stage, string Reason)
{
    public const int MaxRawBytes = 1024;

    /// <summary>Keeps the first 1 kB of a raw record as text; undecodable bytes become U+FFFD.</summary>
    public static string RawPreview(ReadOnlySpan<byte> raw)
    {
        var cut = raw.Length > MaxRawBytes ? raw[..MaxRawBytes] : raw;
        // Don't leave half a UTF-8 sequence at the cut: back up to a lead byte.
        if (raw.Length > MaxRawBytes)
        {
            int end = cut.Length;
            while (end > 0 && (cut[end - 1] & 0xC0) == 0x80) end--;
            if (end > 0 && cut[end - 1] >= 0xC0) end--;
            cut = cut[..end];
        }
        return Encoding.UTF8.GetString(cut);
    }

    public static string RawPreview(string? raw) =>
        raw == null ? "" : raw.Length <= MaxRawBytes / 4 ? raw : RawPreview(Encoding.UTF8.GetBytes(raw));
}

/// <summary>Collects a shard's rejects and writes them as one Parquet file (schema in docs/parquet-schemas.md).</summary>
public sealed class RejectSink
{
    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), true),
        new DataField("source", typeof(string), false),
        new DataField<long?>("record_index"),
        new DataField("raw", typeof(string), true),
        new DataField("stage", typeof(string), false),
        new DataField("reason", typeof(string), false));

    private readonly List<Reject> _rejects = new();
    public IReadOnlyList<Reject> Items => _rejects;
    public int Count => _rejects.Count;

    public void Add(Reject r) => _rejects.Add(r);

    public static ColumnData[] ToColumns(IReadOnlyList<Reject> rows)
    {
        var f = Schema.DataFields;
        return
        [
            new(f[0], rows.Select(r => r.Id).ToArray()),
            new(f[1], rows.Select(r => r.Source).ToArray()),
            new(f[2], rows.Select(r => r.RecordIndex).ToArray()),
            new(f[3], rows.Select(r => r.Raw).ToArray()),
            new(f[4], rows.Select(r => r.Stage).ToArray()),
            new(f[5], rows.Select(r => r.Reason).ToArray()),
        ];
    }

    public static IEnumerable<Reject> FromColumns(ColumnData[] c)
    {
        var id = (string?[])c[0].Values; var src = (string?[])c[1].Values; var idx = (long?[])c[2].Values;
        var raw = (string?[])c[3].Values; var st = (string?[])c[4].Values; var why = (string?[])c[5].Values;
        for (int i = 0; i < id.Length; i++) yield return new Reject(id[i], src[i]!, idx[i], raw[i], st[i]!, why[i]!);
    }

    public async Task<FileDigest> WriteAsync(string target)
    {
        await using var w = await TableWriter.CreateAsync(target, Schema);
        if (_rejects.Count > 0) await w.WriteRowGroupAsync(ToColumns(_rejects));
        return await w.CommitAsync();
    }
}
