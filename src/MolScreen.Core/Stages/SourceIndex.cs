using MolScreen.Core.IO;

namespace MolScreen.Core.Stages;

/// <summary>A run of consecutive records of one input file that belongs to a shard.</summary>
public sealed record SourceSegment(int Input, long StartRecord, long StartByte, long Count);

/// <summary>
/// One shard of a source stage: its segments and the hash of the raw records it covers, so that an
/// edit to one input record invalidates only the shard holding it.
/// </summary>
public sealed record SourceShard(int Index, long RecordCount, string InputHash, IReadOnlyList<SourceSegment> Segments);

/// <summary>What an input looked like when indexed: a cheap fingerprint to decide if the index is still good.</summary>
public sealed record InputFingerprint(string Path, long Bytes, DateTime LastWriteUtc, long Records)
{
    public static InputFingerprint Of(string path, long records)
    {
        var fi = new FileInfo(path);
        return new InputFingerprint(fi.FullName, fi.Length, fi.LastWriteTimeUtc, records);
    }

    public bool StillMatches()
    {
        var fi = new FileInfo(Path);
        return fi.Exists && fi.Length == Bytes && fi.LastWriteTimeUtc == LastWriteUtc;
    }
}

public sealed record SourceIndex(string Key, int ShardSize, IReadOnlyList<InputFingerprint> Inputs, IReadOnlyList<SourceShard> Shards)
{
    public long RecordCount => Shards.Sum(s => s.RecordCount);

    public void Save(string path) => JsonFile.Save(path, this);

    /// <summary>Loads a cached index if it was built for the same key and its inputs are unchanged.</summary>
    public static SourceIndex? TryLoad(string path, string key) =>
        JsonFile.TryLoad<SourceIndex>(path) is { } idx && idx.Key == key && idx.Inputs.All(i => i.StillMatches()) ? idx : null;
}
