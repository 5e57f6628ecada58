using MolScreen.Core.IO;

namespace MolScreen.Core.Shards;

/// <summary>
/// Written last, after a shard's outputs are in place: its presence marks the shard complete, and its
/// hashes decide whether a rerun may reuse the shard.
/// </summary>
public sealed record ShardManifest
{
    public required string Stage { get; init; }
    public required string Kind { get; init; }
    public required int Shard { get; init; }
    public required int ShardCount { get; init; }
    public required string InputHash { get; init; }
    public required string ParamHash { get; init; }
    public required string MolScreenVersion { get; init; }
    public required string StageVersion { get; init; }
    public required long RecordsIn { get; init; }
    public required long RecordsOut { get; init; }
    public required long RecordsRejected { get; init; }
    public required double WallSeconds { get; init; }
    public required FileDigest Data { get; init; }
    public required FileDigest Rejects { get; init; }
    public required DateTime FinishedUtc { get; init; }
    public string? Host { get; init; }

    public void Save(string path) => JsonFile.Save(path, this);

    /// <summary>Null when absent or unreadable: either way the shard counts as not done.</summary>
    public static ShardManifest? TryLoad(string path) => JsonFile.TryLoad<ShardManifest>(path);

    /// <summary>True when this manifest describes exactly the work asked for and its files are intact.</summary>
    public bool IsValidFor(string inputHash, string paramHash, string stageVersion, ShardLayout layout) =>
        InputHash == inputHash && ParamHash == paramHash && StageVersion == stageVersion
        && MolScreenVersion == MolScreenInfo.Version && layout.FilesIntact(this);
}
