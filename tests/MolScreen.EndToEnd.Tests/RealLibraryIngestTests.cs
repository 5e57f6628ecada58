using System.Text;

namespace MolScreen.EndToEnd.Tests;

/// <summary>
/// Ingest of the real libraries in ../shared/data (DUD-E 20 targets, MUV, MoleculeNet HIV: 236,050
/// records in 42 files, plain and gzip, SMILES and CSV): every record accounted for, counts equal to
/// those stated in each SOURCES.md, names carried over.
/// </summary>
public class RealLibraryIngestTests
{
    [SharedDataFact]
    public void SharedLibrariesIngestCompletelyWithTheStatedCounts()
    {
        var dude = SharedData.Require("dude-ism-20");
        var muv = SharedData.Require("muv", "muv.csv.gz");
        var hiv = SharedData.Require("moleculenet", "hiv.csv.gz");
        using var dir = new TempDir();
        var yaml = new StringBuilder("name: shared\nshard_size: 20000\nstages:\n  ingest:\n    inputs:\n");
        foreach (var target in Directory.GetDirectories(dude).Order(StringComparer.Ordinal))
            foreach (var set in new[] { "actives", "decoys" })
                yaml.Append($"      - {{ path: {Path.Combine(target, set + "_final.ism")}, id_prefix: {Path.GetFileName(target)}-{set} }}\n");
        yaml.Append($"      - {{ path: {muv}, name_column: mol_id }}\n      - {hiv}\n");
        File.WriteAllText(dir.Combine("wf.yaml"), yaml.ToString());

        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());

        using var db = new DuckDb();
        var data = $"read_parquet('{dir.Combine("out")}/ingest/*.parquet')";
        var rejects = $"read_parquet('{dir.Combine("out")}/rejects.parquet')";
        long Count(string where) => db.Scalar($"SELECT count(*) FROM {data} WHERE {where}") + db.Scalar($"SELECT count(*) FROM {rejects} WHERE {where}");
        Assert.Equal(1_640, Count("id LIKE '%-actives:%'"));
        Assert.Equal(100_156, Count("id LIKE '%-decoys:%'"));
        Assert.Equal(5_700, Count("id LIKE 'def-decoys:%'"));
        Assert.Equal(93_127, Count("source = 'muv.csv.gz'"));
        Assert.Equal(41_127, Count("source = 'hiv.csv.gz'"));
        Assert.Equal(236_050, db.Scalar($"SELECT count(DISTINCT id) FROM {data}") + db.Scalar($"SELECT count(*) FROM {rejects}"));

        // Published libraries are syntactically valid SMILES: any reject here is a bug in our reader.
        var rejected = db.Query($"SELECT id, reason FROM {rejects} LIMIT 5").Select(r => $"{r[0]}: {r[1]}").ToList();
        Assert.True(rejected.Count == 0, "unexpected rejects: " + string.Join("; ", rejected));

        var first = db.Query($"SELECT name, structure FROM {data} WHERE id = 'ada-decoys:0'")[0];
        var line = File.ReadLines(Path.Combine(dude, "ada", "decoys_final.ism")).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal((line[1], line[0]), ((string)first[0]!, (string)first[1]!));
        Assert.Equal("CID2999678", (string)db.Query($"SELECT name FROM {data} WHERE id = 'muv:0'")[0][0]!);
        Assert.Contains("\"MUV-712\":\"0\",\"MUV-713\":\"\"", (string)db.Query($"SELECT properties FROM {data} WHERE id = 'muv:0'")[0][0]!);
    }
}
