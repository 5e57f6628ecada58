using MolScreen.Core.Shards;
using MolScreen.Ingest;

namespace MolScreen.EndToEnd.Tests;

/// <summary>Our Parquet as another engine sees it, and the documented schema kept in step with the code.</summary>
public class SchemaDocsTests
{
    private static string Docs() => File.ReadAllText(Path.Combine(RepoRoot(), "docs", "parquet-schemas.md"));

    [Fact]
    public void EveryColumnIsDocumented()
    {
        var docs = Docs();
        foreach (var f in IngestStage.Schema.DataFields.Concat(RejectSink.Schema.DataFields).Concat(MolScreen.Chemistry.Featurize.FeatureRows.Schema.DataFields)
                     .Concat(MolScreen.Chemistry.Preparation.PreparedRows.Schema.DataFields).Concat(MolScreen.Ranking.RankedRows.Fixed)
                     .Concat(MolScreen.Docking.Stage.DockRows.Schema.DataFields)
                     .Concat(MolScreen.Campaign.LookupStage.Schema.DataFields).Concat(MolScreen.Campaign.AcquireStage.Schema.DataFields)
                     .Concat(MolScreen.Campaign.CampaignPublisher.AcquiredSchema.DataFields.Where(f => f.Name == "score")))
            Assert.Contains($"| `{f.Name}` |", docs);
        Assert.Contains("| `workflow_hash` |", docs);
    }

    [Fact]
    public void DuckDbReadsIngestAndRejectsWithTheDocumentedTypes()
    {
        using var dir = new TempDir();
        Library.Write(dir.Combine("lib.smi"), 500);
        File.WriteAllText(dir.Combine("wf.yaml"), "name: s\nshard_size: 200\nstages:\n  ingest:\n    inputs: [lib.smi]\n");
        Assert.Equal(0, CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out")).ExitCode);
        using var db = new DuckDb();
        var ingest = db.Schema(dir.Combine("out", "ingest", "part-00000.parquet"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["id"] = "VARCHAR", ["source"] = "VARCHAR", ["record_index"] = "BIGINT", ["name"] = "VARCHAR",
            ["format"] = "VARCHAR", ["structure"] = "VARCHAR", ["properties"] = "VARCHAR",
        }, ingest);
        var rejects = db.Schema(dir.Combine("out", "rejects.parquet"));
        Assert.Equal(["id", "source", "record_index", "raw", "stage", "reason"], rejects.Keys);
        var row = db.Query($"SELECT id, name, structure, record_index FROM read_parquet('{dir.Combine("out")}/ingest/*.parquet') WHERE record_index = 42")[0];
        Assert.Equal(("lib:42", "cmpd-42", Library.Smiles(42), 42L), ((string)row[0]!, (string)row[1]!, (string)row[2]!, Convert.ToInt64(row[3])));
        var total = db.Scalar($"SELECT count(*) FROM read_parquet('{dir.Combine("out")}/ingest/*.parquet')")
                  + db.Scalar($"SELECT count(*) FROM read_parquet('{dir.Combine("out")}/rejects.parquet')");
        Assert.Equal(500, total);
    }

    public static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "MolScreen.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repo root not found");
    }
}
