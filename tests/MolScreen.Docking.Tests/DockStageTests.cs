using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Docking.Stage;
using MolScreen.Docking.Target;
using Parquet.Schema;

namespace MolScreen.Docking.Tests;

/// <summary>Skips when datasets/fetch-rna-targets.sh has not run (build.sh and test.sh run it).</summary>
public sealed class LambdaNFactAttribute : FactAttribute
{
    public LambdaNFactAttribute()
    {
        if (!File.Exists(LambdaN.Complex)) Skip = "datasets/targets/lambdaN-boxB not fetched (run datasets/fetch-rna-targets.sh)";
    }
}

public static class LambdaN
{
    public static string Dir => Path.Combine(SharedData.RepoRoot(), "datasets", "targets", "lambdaN-boxB");
    public static string Protein => Path.Combine(Dir, "protein.pdb");
    public static string Complex => Path.Combine(Dir, "complex.pdb");
}

/// <summary>The RNA-interface pocket and the dock stage on the λN–boxB target.</summary>
public sealed class DockStageTests
{
    static readonly DockStage Stage = new();

    static StageParameters Params(params (string Key, object? Value)[] values) =>
        StageParameters.Defaults(Stage.Parameters).With(values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)));

    [LambdaNFact]
    public void Geometric_interface_pocket_on_lambdaN_boxB_is_the_arginine_rich_face()
    {
        var target = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", LambdaN.Protein), ("rna_complex", LambdaN.Complex))));
        Assert.Equal("geometric", target.Interface!.Source);
        // Checked by hand (heavy atoms ≤ 4.5 Å from the RNA, computed independently from complex.pdb):
        Assert.Equal(["M1", "D2", "A3", "Q4", "R6", "R7", "R8", "R10", "R11", "K14", "Q15", "W18", "K19"], target.Interface.Residues.Select(r => r.Label));
        Assert.All(target.Interface.Residues, r => Assert.Equal(1.0, r.Probability));
        foreach (var r in target.Interface.Residues)
            for (int i = 0; i < r.X.Length; i++) Assert.True(target.Box.Contains(r.X[i], r.Y[i], r.Z[i]), $"{r.Label} atom {i} outside the box");
        Assert.DoesNotContain(target.Receptor.Records, a => a.ResidueName is "A" or "C" or "G" or "U");
    }

    [LambdaNFact]
    public void A_complex_given_as_receptor_loses_its_rna_before_docking()
    {
        var fromProtein = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", LambdaN.Protein), ("rna_complex", LambdaN.Complex))));
        var fromComplex = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", LambdaN.Complex), ("rna_complex", LambdaN.Complex))));
        Assert.Equal(fromProtein.Receptor.Count, fromComplex.Receptor.Count);
        Assert.Contains(fromComplex.Notes, n => n.Contains("RNA/DNA residues removed"));
        Assert.Equal(fromProtein.Box, fromComplex.Box);
    }

    [Fact]
    public void Target_definition_errors_name_what_is_missing()
    {
        var e = Assert.Throws<ArgumentException>(() => TargetDefinition.From(Params(("receptor", "r.pdb"), ("center", new[] { "0", "0", "0" }))));
        Assert.Contains("needs both center and size", e.Message);
        e = Assert.Throws<ArgumentException>(() => TargetDefinition.From(Params(("receptor", "r.pdb"))));
        Assert.Contains("no pocket", e.Message);
        e = Assert.Throws<ArgumentException>(() => TargetDefinition.From(Params(("center", new[] { "0", "0", "0" }))));
        Assert.Contains("'receptor'", e.Message);
        Assert.Equal(PocketSource.RnaInterface, TargetDefinition.From(Params(("receptor", "r.pdb"), ("rna_sequence", "GCCCUGAAAAAGGGC"))).Pocket);
    }

    [Fact]
    public void Occupancy_weights_contacted_residues_by_interface_probability()
    {
        var site = new InterfaceSite("predicted",
        [
            new InterfaceSiteResidue("R1", 0.9, [0f], [0f], [0f]),
            new InterfaceSiteResidue("K2", 0.3, [10f], [0f], [0f]),
            new InterfaceSiteResidue("Q3", 0.6, [3.9f], [0f], [0f]),
        ]);
        var (occ, contacts) = InterfaceOccupancy.Of(site, [0.5f, 30f], [0f, 0f], [0f, 0f], [0]);
        Assert.Equal((0.9 + 0.6) / 1.8, occ, 12);
        Assert.Equal(["R1", "Q3"], contacts);
        // the second atom is a hydrogen (not in the heavy list): it touches K2 but must not count
        (occ, contacts) = InterfaceOccupancy.Of(site, [0.5f, 10f], [0f, 0f], [0f, 0f], [0]);
        Assert.DoesNotContain("K2", contacts);
    }

    static async Task<string> PrepareInput(string dir)
    {
        var path = Path.Combine(dir, "prepare.parquet");
        var schema = new ParquetSchema(new DataField("id", typeof(string), false), new DataField("pdbqt", typeof(string), true));
        await using var w = await TableWriter.CreateAsync(path, schema);
        await w.WriteRowGroupAsync(
        [
            new(schema.DataFields[0], new string?[] { "lig:0", "lig:1", "lig:2", "lig:3" }),
            new(schema.DataFields[1], new string?[]
            {
                string.Join("\n", SyntheticInputs.ChainLigand(2)), "", "ROOT\nENDROOT\nENDBRANCH   1   2\nTORSDOF 0", string.Join("\n", SyntheticInputs.ChainLigand(1)),
            }),
        ]);
        await w.CommitAsync();
        return path;
    }

    static async Task<(ShardResult Result, RejectSink Rejects, byte[] Bytes)> Run(string dir, string name, StageParameters p)
    {
        var rejects = new RejectSink();
        var ctx = new ShardContext("dock", 0, 1, p, 42, rejects, CancellationToken.None);
        var output = Path.Combine(dir, name);
        var result = await Stage.RunShardAsync(ctx, await PrepareInput(dir), output);
        return (result, rejects, File.ReadAllBytes(output));
    }

    [LambdaNFact]
    public async Task Stage_rejects_bad_ligands_with_reasons_and_same_seed_gives_the_same_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("dockstage").FullName;
        try
        {
            var p = Params(("receptor", LambdaN.Protein), ("rna_complex", LambdaN.Complex), ("mode", "fast"), ("exhaustiveness", 2L), ("num_poses", 2L));
            var a = await Run(dir, "a.parquet", p);
            Assert.Equal((4L, 2L), (a.Result.RecordsIn, a.Result.RecordsOut));
            Assert.Equal(["lig:1", "lig:2"], a.Rejects.Items.Select(r => r.Id));
            Assert.Contains("empty pdbqt", a.Rejects.Items[0].Reason);
            Assert.StartsWith("dock: ", a.Rejects.Items[1].Reason);
            Assert.All(a.Rejects.Items, r => Assert.Equal("dock", r.Stage));

            await using (var r = await TableReader.OpenAsync(Path.Combine(dir, "a.parquet")))
            {
                var cols = await r.ReadRowGroupAsync(0, "id", "dock_score", "interface_occupancy", "interface_contacts", "dock_seed", "pose_sdf");
                Assert.Equal(["lig:0", "lig:3"], (string?[])cols[0].Values);
                Assert.All((double[])cols[1].Values, s => Assert.True(double.IsFinite(s) && s < 0, $"score {s}"));
                Assert.All((double?[])cols[2].Values, o => Assert.InRange(o!.Value, 0, 1));
                Assert.All((long[])cols[4].Values, s => Assert.Equal(42L, s));
                Assert.All((string?[])cols[5].Values, m => Assert.Contains("M  END", m));
            }

            var b = await Run(dir, "b.parquet", p.With([new("threads", 2L)]));
            Assert.Equal(a.Bytes, b.Bytes);
            var c = await Run(dir, "c.parquet", p.With([new("seed", 7L)]));
            Assert.NotEqual(a.Bytes, c.Bytes);
        }
        finally { Directory.Delete(dir, true); }
    }
}
