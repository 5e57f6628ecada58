namespace MolScreen.Core.Shards;

/// <summary>
/// Where a stage's shard files live in a run directory. Data files sit alone in OUT/STAGE so that
/// `read_parquet('OUT/STAGE/*.parquet')` or `pandas.read_parquet('OUT/STAGE')` read exactly the
/// stage output; rejects, manifests and failure markers go to OUT/STAGE/_shards, which Arrow-based
/// readers skip because of the leading underscore.
/// </summary>
public sealed class ShardLayout(string outDir, string stage)
{
    public string StageDir { get; } = Path.Combine(outDir, stage);
    public string ShardsDir => Path.Combine(StageDir, "_shards");
    public string Name(int shard) => $"part-{shard:D5}";
    public string DataPath(int shard) => Path.Combine(StageDir, Name(shard) + ".parquet");
    public string RejectsPath(int shard) => Path.Combine(ShardsDir, Name(shard) + ".rejects.parquet");
    public string ManifestPath(int shard) => Path.Combine(ShardsDir, Name(shard) + ".manifest.json");
    public string FailurePath(int shard) => Path.Combine(ShardsDir, Name(shard) + ".failed.json");
    public string JournalPath(int shard) => Path.Combine(ShardsDir, Name(shard) + ".inflight");
    public string CrashesPath(int shard) => Path.Combine(ShardsDir, Name(shard) + ".crashes");
    public ShardManifest? Manifest(int shard) => ShardManifest.TryLoad(ManifestPath(shard));

    /// <summary>True when the manifest's data and rejects files are on disk with the recorded SHA-256.</summary>
    public bool FilesIntact(ShardManifest m) => m.Data.Matches(StageDir) && m.Rejects.Matches(ShardsDir);

    /// <summary>Shard files beyond the current count (after shard_size shrank the plan).</summary>
    public IEnumerable<string> FilesBeyond(int shardCount)
    {
        foreach (var dir in new[] { StageDir, ShardsDir })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir, "part-*"))
            {
                var name = Path.GetFileName(f);
                if (name.Length >= 10 && int.TryParse(name.AsSpan(5, 5), out var k) && k >= shardCount) yield return f;
            }
        }
    }
}
