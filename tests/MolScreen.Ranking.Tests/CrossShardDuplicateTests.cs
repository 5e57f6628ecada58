namespace MolScreen.Ranking.Tests;

/// <summary>
/// Featurize removes duplicate structures only within its shard; rank sees every shard and rejects the later copies
/// (same InChIKey), so a library split into shards ranks each structure once and still accounts for every record.
/// </summary>
public class CrossShardDuplicateTests
{
    // The featurize-only run's workflow with shards of two records.
    private static readonly string Workflow = RankRun.FeaturizeOnly.Replace("shard_size: 16", "shard_size: 2");

    // Ids are the library's record numbers (lib:0 ... lib:7). Aspirin and caffeine come back in later shards, written
    // differently (and as a salt); one duplicate sits in the same shard as its first copy, which featurize itself rejects.
    private static readonly string[] Library =
    [
        "smiles\tname",
        "CC(=O)Oc1ccccc1C(=O)O\taspirin", "Cn1cnc2c1c(=O)n(C)c(=O)n2C\tcaffeine",
        "OC(=O)c1ccccc1OC(C)=O\taspirin-again", "CC(C)Cc1ccc(cc1)C(C)C(=O)O\tibuprofen",
        "Cn1c(=O)c2c(ncn2C)n(C)c1=O.Cl\tcaffeine-hcl", "CC(=O)Nc1ccc(O)cc1\tparacetamol",
        "c1ccccc1O\tphenol", "Oc1ccccc1\tphenol-same-shard",
    ];

    [Fact]
    public void LaterCopiesInOtherShardsAreRejectedAsDuplicatesOfTheFirst()
    {
        using var run = new RankRun(Workflow, Library);
        Assert.True(run.Result.Succeeded, string.Join("; ", run.Result.Failed.Select(f => f.Error)));
        using var db = new DuckDb();
        var ranked = $"read_parquet('{run.Out}/ranked.parquet')";
        var rejects = $"read_parquet('{run.Out}/rejects.parquet')";
        Assert.Equal(5, db.Scalar($"SELECT count(*) FROM {ranked}"));
        Assert.Equal(5, db.Scalar($"SELECT count(DISTINCT inchikey) FROM {ranked}"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {ranked} WHERE id IN ('lib:2', 'lib:4', 'lib:7')"));
        var all = string.Join("\n", db.Query($"SELECT id, stage, reason FROM {rejects}").Select(r => string.Join(" | ", r)));
        Assert.True(db.Scalar($"SELECT count(*) FROM {rejects} WHERE id = 'lib:2' AND stage = 'rank' AND reason LIKE 'duplicate of lib:0 (same InChIKey %'") == 1, all);
        Assert.True(db.Scalar($"SELECT count(*) FROM {rejects} WHERE id = 'lib:4' AND stage = 'rank' AND reason LIKE 'duplicate of lib:1 %'") == 1, all);
        Assert.True(db.Scalar($"SELECT count(*) FROM {rejects} WHERE id = 'lib:7' AND stage = 'featurize' AND reason = 'duplicate of lib:6'") == 1, all);
        Assert.Equal(8, db.Scalar($"SELECT count(*) FROM {ranked}") + db.Scalar($"SELECT count(*) FROM {rejects}"));
    }

    [Fact]
    public void DedupeOffKeepsEveryCopy()
    {
        using var run = new RankRun(Workflow.Replace("max_per_cluster: 2 }", "max_per_cluster: 2, dedupe: false }"), Library);
        Assert.True(run.Result.Succeeded, string.Join("; ", run.Result.Failed.Select(f => f.Error)));
        using var db = new DuckDb();
        Assert.Equal(7, db.Scalar($"SELECT count(*) FROM read_parquet('{run.Out}/ranked.parquet')"));
    }
}
