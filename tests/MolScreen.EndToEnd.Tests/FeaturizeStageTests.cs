namespace MolScreen.EndToEnd.Tests;

/// <summary>The featurize stage through the real CLI: workflow run, direct command, drop rules, DuckDB view.</summary>
public class FeaturizeStageTests
{
    private const string Library = "smiles\tname\n" +
        "CC(=O)Oc1ccccc1C(=O)O\taspirin\n" +
        "[Na+].[O-]C(=O)c1ccccc1\tsodium benzoate\n" +
        "OC(=O)c1ccccc1\tbenzoic acid\n" +                 // duplicate of sodium benzoate once standardized
        "C[N+](C)(C)C\ttetramethylammonium\n" +
        "O=C1C=CC(=O)C=C1\tquinone\n" +                    // PAINS-free but reactive? flagged only
        "CC(C)(C)C(=O)Cl\tpivaloyl chloride\n" +          // reactive: acyl halide
        "C1=CC=C[N+](=O)(=O)C1\tbad valence\n" +           // OpenBabel rejects
        "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC(=O)O\tlong acid\n"; // fails Ro5 (cLogP) only once

    [Fact]
    public void WorkflowRunFeaturizesAndAccountsForEveryRecord()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), Library);
        File.WriteAllText(dir.Combine("wf.yaml"), "name: feat\nshard_size: 3\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n");
        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in = out + rejected: 8 = 6 + 2 ok", run.Stdout);

        using var db = new DuckDb();
        var data = $"read_parquet('{dir.Combine("out")}/featurize/*.parquet')";
        var schema = db.Schema(dir.Combine("out", "featurize", "part-00000.parquet"));
        Assert.Equal(("VARCHAR", "DOUBLE", "INTEGER", "BLOB", "BOOLEAN"), (schema["inchikey"], schema["clogp"], schema["hbd"], schema["ecfp4"], schema["pass_ro5"]));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {data} WHERE octet_length(ecfp4) <> 256"));
        var aspirin = db.Query($"SELECT inchikey, round(mw, 3), round(clogp, 4), tpsa, hbd, hba, rotb, aromatic_rings FROM {data} WHERE name = 'aspirin'")[0];
        Assert.Equal("BSYNRYMUTXBXSQ-UHFFFAOYSA-N", aspirin[0]);
        Assert.Equal((180.159, 1.3101, 63.6), (Convert.ToDouble(aspirin[1]), Convert.ToDouble(aspirin[2]), Math.Round(Convert.ToDouble(aspirin[3]), 2)));
        Assert.Equal((1, 4, 2, 1), (Convert.ToInt32(aspirin[4]), Convert.ToInt32(aspirin[5]), Convert.ToInt32(aspirin[6]), Convert.ToInt32(aspirin[7])));
        // RDKit 2022.09: QED.qed(aspirin) = 0.55012.
        Assert.Equal(0.5501, Math.Round(Convert.ToDouble(db.Query($"SELECT qed FROM {data} WHERE name = 'aspirin'")[0][0]), 4));
        var benzoate = db.Query($"SELECT canonical_smiles, standardization FROM {data} WHERE name = 'sodium benzoate'")[0];
        Assert.Equal("OC(=O)c1ccccc1", benzoate[0]);
        Assert.Contains("fragments_removed", (string)benzoate[1]!);
        Assert.Contains("reactive:acyl_halide", (string)db.Query($"SELECT filter_reasons FROM {data} WHERE name = 'pivaloyl chloride'")[0][0]!);
        Assert.False((bool)db.Query($"SELECT pass_ro5 FROM {data} WHERE name = 'long acid'")[0][0]!);

        var rejects = db.Query($"SELECT id, reason FROM read_parquet('{dir.Combine("out")}/rejects.parquet') WHERE stage = 'featurize' ORDER BY id")
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        Assert.Equal(["lib:2", "lib:6"], rejects.Select(r => r.Item1));
        Assert.Equal("duplicate of lib:1", rejects[0].Item2);
        Assert.Contains("valence", rejects[1].Item2);
    }

    [Fact]
    public void DirectCommandDropsWhatTheWorkflowAsks()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), Library);
        Assert.Equal(0, CliProcess.Run(dir.Path, "ingest", "lib.smi", "--out", "lib.parquet").ExitCode);
        var r = CliProcess.Run(dir.Path, "featurize", "lib.parquet", "--out", "feat.parquet", "--drop-on", "reactive,ro5");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("featurize: in 8 = out 4 + rejected 4", r.Stdout);
        using var db = new DuckDb();
        var reasons = db.Query($"SELECT reason FROM read_parquet('{dir.Combine("feat.rejects.parquet")}') ORDER BY id").Select(x => (string)x[0]!).ToList();
        Assert.Contains(reasons, x => x.StartsWith("filtered (reactive)") && x.Contains("acyl_halide"));
        Assert.Contains(reasons, x => x.StartsWith("filtered (ro5)"));
        Assert.Equal(2, CliProcess.Run(dir.Path, "featurize", "lib.parquet", "--out", "x.parquet", "--dedupe", "maybe").ExitCode);
    }

    [Fact]
    public void AcceptsAMinimalUpstreamFileWrittenByAnotherEngine()
    {
        using var dir = new TempDir();
        using (var db = new DuckDb())
            db.Query($"COPY (SELECT * FROM (VALUES ('x:0', 'smiles', 'CCO'), ('x:1', 'smiles', 'C1CC')) t(id, format, structure)) TO '{dir.Combine("min.parquet")}' (FORMAT parquet)");
        var r = CliProcess.Run(dir.Path, "featurize", "min.parquet", "--out", "f.parquet");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("featurize: in 2 = out 1 + rejected 1", r.Stdout);
    }
}
