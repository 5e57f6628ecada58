namespace MolScreen.Core.Shards;

/// <summary>Where a stage's shard files live in a run directory: OUT/STAGE/part-NNNNN.*</summary>
public sealed class ShardLayout(string outDir, string stage)
{
    public string StageDir { get; } = Path.Combine(outDir, stage);
    public string Name(int shard) => $"part-{shard:D5}";
    public string DataPath(int shard) => Path.Combine(StageDir, Name(shard) + ".parquet");
    public string RejectsPath(int shard) => Path.Combine(StageDir, Name(shard) + ".rejects.parquet");
    public string ManifestPath(int shard) => Path.Combine(StageDir, Name(shard) + ".manifest.json");
    public ShardManifest? Manifest(int shard) => ShardManifest.TryLoad(ManifestPath(shard));

    /// <summary>Shard files beyond the current count (after shard_size shrank the plan).</summary>
    public IEnumerable<string> FilesBeyond(int shardCount)
    {
        if (!Directory.Exists(StageDir)) yield break;
        foreach (var f in Directory.EnumerateFiles(StageDir, "part-*"))
        {
            var name = Path.GetFileName(f);
            if (name.Length >= 10 && int.TryParse(name.AsSpan(5, 5), out var k) && k >= shardCount) yield return f;
        }
    }
}
