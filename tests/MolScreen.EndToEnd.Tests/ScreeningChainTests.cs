namespace MolScreen.EndToEnd.Tests;

/// <summary>Skips when datasets/fetch-rna-targets.sh has not run (build.sh and test.sh run it).</summary>
public sealed class LambdaNTargetFactAttribute : FactAttribute
{
    public static string Dir => Path.Combine(SchemaDocsTests.RepoRoot(), "datasets", "targets", "lambdaN-boxB");

    public LambdaNTargetFactAttribute()
    {
        if (!File.Exists(Path.Combine(Dir, "complex.pdb"))) Skip = "datasets/targets/lambdaN-boxB not fetched (run datasets/fetch-rna-targets.sh)";
    }
}

/// <summary>
/// The example's whole chain (ingest → featurize → predict → prepare → dock → rank) on a handful of molecules through
/// `molscreen run`, checked from outside with DuckDB.
/// </summary>
public class ScreeningChainTests
{
    // aspirin, paracetamol, caffeine; decanol (9 rotatable bonds: prepare rejects it at max_torsions 4); a broken SMILES (ingest rejects it)
    const string Library = "CC(=O)Oc1ccccc1C(=O)O aspirin\nCC(=O)Nc1ccc(O)cc1 paracetamol\nCn1cnc2c1c(=O)n(C)c(=O)n2C caffeine\nCCCCCCCCCCO decanol\nC1CC(C broken\n";

    static string Workflow(string root) => MiniChain.Workflow("chain", 3);

    [LambdaNTargetFact]
    public void Whole_chain_ranks_every_docked_compound_and_accounts_for_the_rest()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), Library);
        File.WriteAllText(dir.Combine("wf.yaml"), Workflow(SchemaDocsTests.RepoRoot()));
        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        string ranked = dir.Combine("out", "ranked.parquet"), rejects = dir.Combine("out", "rejects.parquet");
        using var db = new DuckDb();
        long n = db.Scalar($"SELECT count(*) FROM '{ranked}'");
        Assert.Equal(3, n);
        // ranks are a permutation of 1..n
        Assert.Equal((n, n), db.Pair($"SELECT count(DISTINCT rank), max(rank) FROM '{ranked}' WHERE rank >= 1"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM '{ranked}' WHERE dock_score IS NULL OR isnan(dock_score) OR isnan(desirability)"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM '{ranked}' WHERE interface_occupancy IS NULL OR interface_occupancy < 0 OR interface_occupancy > 1"));
        // every input record is ranked or rejected (the broken line has no id of its own: count records, not ids)
        Assert.Equal(5, n + db.Scalar($"SELECT count(*) FROM '{rejects}'"));
        Assert.Equal(1, db.Scalar($"SELECT count(*) FROM '{rejects}' WHERE stage = 'prepare' AND id = 'lib:3'"));
        Assert.Equal(1, db.Scalar($"SELECT count(*) FROM '{rejects}' WHERE stage = 'ingest'"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM '{ranked}' r JOIN '{rejects}' j ON r.id = j.id"));
        // the pose sits at the RNA interface: its contacts name λN's arginine-rich face
        Assert.True(db.Scalar($"SELECT count(*) FROM '{ranked}' WHERE interface_contacts LIKE '%R%'") > 0);
        Assert.True(File.Exists(dir.Combine("out", "poses", "top-3.sdf")), "poses/top-3.sdf");
        Assert.Contains("Interface residues", File.ReadAllText(dir.Combine("out", "report.html")));
    }

    [LambdaNTargetFact]
    public void Target_keys_belong_under_target_and_dock_needs_one()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), Library);
        var good = Workflow(SchemaDocsTests.RepoRoot());
        File.WriteAllText(dir.Combine("ok.yaml"), good);
        Assert.Equal(0, CliProcess.Run(dir.Path, "validate", "ok.yaml").ExitCode);
        File.WriteAllText(dir.Combine("misplaced.yaml"), good.Replace("    params: { mode: fast", "    params: { mode: fast, padding: 6"));
        var r = CliProcess.Run(dir.Path, "validate", "misplaced.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'padding' belongs under 'target'", r.Stderr + r.Stdout);
        var i = good.IndexOf("    target:", StringComparison.Ordinal);
        var j = good.IndexOf("    params: { mode: fast", StringComparison.Ordinal);
        File.WriteAllText(dir.Combine("none.yaml"), good[..i] + good[j..]);
        r = CliProcess.Run(dir.Path, "validate", "none.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("needs 'target'", r.Stderr + r.Stdout);
    }

    [LambdaNTargetFact]
    public void Dock_stage_searches_on_the_gpu_kernels_when_a_device_is_chosen()
    {
        // ilgpu-cpu runs the GPU kernels on ILGPU's CPU accelerator: the device path without a GPU
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), Library);
        File.WriteAllText(dir.Combine("wf.yaml"), Workflow(SchemaDocsTests.RepoRoot()).Replace("mode: fast, exhaustiveness: 2", "mode: fast, exhaustiveness: 2, device: ilgpu-cpu"));
        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var db = new DuckDb();
        string dock = dir.Combine("out", "dock", "*.parquet");
        Assert.Equal((3L, 3L), db.Pair($"SELECT count(*), count(*) FILTER (WHERE dock_device = 'ilgpu-cpu') FROM read_parquet('{dock}')"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM read_parquet('{dock}') WHERE isnan(dock_score) OR dock_score >= 0 OR interface_occupancy NOT BETWEEN 0 AND 1"));
    }
}
