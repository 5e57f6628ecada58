namespace MolScreen.EndToEnd.Tests;

/// <summary>The prepare stage through the real CLI: a workflow with `kind: prepare` after featurize, read back with DuckDB.</summary>
public class PrepareStageTests
{
    private const string Library = "smiles\tname\n" +
        "CC(=O)Oc1ccccc1C(=O)O\taspirin\n" +
        "NCCc1ccc(O)c(O)c1\tdopamine\n" +
        "C[Si](C)(C)C\ttetramethylsilane\n"; // no AutoDock type for Si

    [Fact]
    public void WorkflowPreparesLigandsAndAccountsForEveryRecord()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("lib.smi"), Library);
        File.WriteAllText(dir.Combine("wf.yaml"),
            "name: prep\nshard_size: 2\nstages:\n  ingest:\n    inputs: [lib.smi]\n  featurize:\n    input: ingest\n" +
            "  ligands:\n    kind: prepare\n    input: featurize\n    params:\n      max_torsions: 10\n");
        var run = CliProcess.Run(dir.Path, "run", "wf.yaml", "--out", dir.Combine("out"), "--workers", "2");
        Assert.True(run.ExitCode == 0, run.ToString());

        using var db = new DuckDb();
        var data = $"read_parquet('{dir.Combine("out")}/ligands/*.parquet')";
        Assert.Equal(2, db.Scalar($"SELECT count(*) FROM {data}"));
        var dopamine = db.Query($"SELECT torsions, force_field, pdbqt, prepared_smiles FROM {data} WHERE id = 'lib:1'")[0];
        // Protonated at pH 7.4. Five torsions, as Meeko counts them: ring-CH2, CH2-CH2, and the three
        // that turn donor hydrogens (CH2-NH3+ and the two phenol C-O).
        Assert.Equal(5, Convert.ToInt32(dopamine[0]));
        Assert.Equal("mmff94", dopamine[1]);
        Assert.Contains("TORSDOF 5", (string)dopamine[2]!);
        Assert.Contains("[NH3+]", (string)dopamine[3]!);
        var reject = db.Query($"SELECT id, reason FROM read_parquet('{dir.Combine("out", "rejects.parquet")}') WHERE stage = 'ligands'");
        Assert.Equal("lib:2", Assert.Single(reject)[0]);
        Assert.Equal("unsupported element(s) for docking: Si", reject[0][1]);
    }
}
