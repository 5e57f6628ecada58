using System.Globalization;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Core.Structures;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Stage;
using MolScreen.Docking.Target;
using MolScreen.Interactions.Interface;
using Parquet.Schema;
using Xunit.Abstractions;

namespace MolScreen.Docking.Tests;

/// <summary>Skips when datasets/fetch-rna-targets.sh has not fetched 6zu5.cif (build.sh and test.sh run it).</summary>
public sealed class SixZu5FactAttribute : FactAttribute
{
    public SixZu5FactAttribute()
    {
        if (!File.Exists(SixZu5.Cif)) Skip = "datasets/targets/6zu5.cif not fetched (run datasets/fetch-rna-targets.sh)";
    }
}

/// <summary>
/// The eS8 cut of the 6ZU5 ribosome (author chain SI0, 169 modelled residues, 76 of them within 4.5 Å of rRNA), made once
/// per test run with the same code as `molscreen target cut --protein SI0 --rna-within 10`.
/// </summary>
public static class SixZu5
{
    public static string Cif => Path.Combine(SharedData.RepoRoot(), "datasets", "targets", "6zu5.cif");
    static readonly Lazy<string> CutDir = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), $"molscreen-6zu5-eS8-{Environment.ProcessId}");
        ComplexCut.Cut(StructureReader.Read(Cif), "SI0", 10).Write(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, true); } catch (IOException) { } };
        return dir;
    });
    public static string Protein => Path.Combine(CutDir.Value, "protein.pdb");
    public static string Complex => Path.Combine(CutDir.Value, "complex.pdb");
    /// <summary>The longest contiguous rRNA stretch next to eS8: the RNA partner given as a sequence.</summary>
    public static string RnaSequence => File.ReadAllLines(Path.Combine(CutDir.Value, "rna.fasta")).Where(l => !l.StartsWith('>')).MaxBy(l => l.Length)!;
}

/// <summary>Predicted vs geometric RNA-interface pockets on a real ribosomal protein, and the dock stage on the predicted one.</summary>
public sealed class RibosomeTargetTests(ITestOutputHelper log)
{
    static readonly DockStage Stage = new();

    static StageParameters Params(params (string Key, object? Value)[] values) =>
        StageParameters.Defaults(Stage.Parameters).With(values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)));

    static (float X, float Y, float Z) Centre(GridBox b) => (b.CenterX, b.CenterY, b.CenterZ);
    static double Distance((float X, float Y, float Z) a, (float X, float Y, float Z) b) =>
        Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y) + (a.Z - b.Z) * (a.Z - b.Z));

    [SixZu5Fact]
    public void Geometric_interface_from_the_whole_mmcif_equals_the_one_from_the_cut()
    {
        var fromCut = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Protein), ("rna_complex", SixZu5.Complex))));
        var fromCif = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Protein), ("rna_complex", SixZu5.Cif))));
        // 76 = the residues python/scipy found within 4.5 Å of any rRNA heavy atom of the whole file (see docs/workflow.md)
        Assert.Equal(76, fromCif.Interface!.Residues.Count);
        Assert.Equal(fromCif.Interface.Residues.Select(r => r.Label), fromCut.Interface!.Residues.Select(r => r.Label));
        Assert.Equal(fromCif.Box, fromCut.Box);
    }

    [SixZu5Fact]
    public void One_chain_of_the_whole_mmcif_as_receptor_equals_the_cut()
    {
        var cut = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Protein), ("rna_complex", SixZu5.Complex))));
        var whole = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Cif), ("receptor_chains", new[] { "SI0" }), ("rna_complex", SixZu5.Cif))));
        Assert.Equal(cut.Receptor.Count, whole.Receptor.Count);
        Assert.Equal(cut.Box, whole.Box);
        Assert.Equal(cut.Interface!.Residues.Select(r => r.Label), whole.Interface!.Residues.Select(r => r.Label));
        Assert.Contains(whole.Notes, n => n.Contains("SI0→A"));
        var e = Assert.Throws<DockingException>(() => TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Protein), ("receptor_chains", new[] { "Q" }), ("rna_complex", SixZu5.Complex)))));
        Assert.Contains("no chain Q (receptor_chains); its chains: A", e.Message);
    }

    [SixZu5Fact]
    public void Predicted_pocket_lies_on_the_real_rRNA_interface()
    {
        var geometric = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Protein), ("rna_complex", SixZu5.Complex))));
        var predicted = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Protein), ("rna_sequence", SixZu5.RnaSequence))));
        Assert.Equal("predicted", predicted.Interface!.Source);
        var truth = geometric.Interface!.Residues.Select(r => r.Label).ToHashSet();
        var chosen = predicted.Interface.Residues.Select(r => r.Label).ToList();
        int protein = StructureReader.Read(SixZu5.Protein).OfKind(ResidueKind.Protein).Count();
        double baseRate = (double)truth.Count / protein, precision = (double)chosen.Count(truth.Contains) / chosen.Count, recall = (double)chosen.Count(truth.Contains) / truth.Count;
        double boxShift = Distance(Centre(predicted.Box), Centre(geometric.Box));
        log.WriteLine($"eS8: {protein} residues, {truth.Count} geometric interface (base rate {baseRate:F2}); predicted {chosen.Count}: precision {precision:F2}, recall {recall:F2}; whole-interface box centres {boxShift:F1} Å apart");
        // A random pick of residues would have precision = base rate (0.45): the model must do clearly better.
        Assert.InRange(precision, baseRate + 0.2, 1);
        Assert.InRange(recall, 0.6, 1);
        Assert.InRange(boxShift, 0, 5);

        var patch = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", SixZu5.Protein), ("rna_sequence", SixZu5.RnaSequence), ("interface_patch", 10.0))));
        var patchLabels = patch.Interface!.Residues.Select(r => r.Label).ToList();
        double patchPrecision = (double)patchLabels.Count(truth.Contains) / patchLabels.Count;
        double nearestTrue = geometric.Interface.Residues.SelectMany(r => r.X.Select((x, i) => Distance(Centre(patch.Box), (x, r.Y[i], r.Z[i])))).Min();
        log.WriteLine($"patch (10 Å): {patchLabels.Count} residues, {patchPrecision:F2} on the geometric interface; box {patch.Box.SizeX:F0}×{patch.Box.SizeY:F0}×{patch.Box.SizeZ:F0} Å, centre {nearestTrue:F1} Å from the nearest interface atom");
        Assert.InRange(patchPrecision, 0.8, 1);
        Assert.InRange(nearestTrue, 0, 6);
        Assert.True(patch.Box.SizeX * patch.Box.SizeY * patch.Box.SizeZ < 0.5 * predicted.Box.SizeX * predicted.Box.SizeY * predicted.Box.SizeZ, "the patch box is not smaller than the whole-interface box");
        // the patch keeps the model's probabilities: they differ, so occupancy weighting is observable on this target
        Assert.True(patch.Interface.Residues.Max(r => r.Probability) - patch.Interface.Residues.Min(r => r.Probability) > 0.1);
    }

    [SixZu5Fact]
    public async Task Dock_stage_docks_into_the_predicted_patch_with_probability_weighted_occupancy()
    {
        var dir = Directory.CreateTempSubdirectory("dock6zu5").FullName;
        try
        {
            var p = Params(("receptor", SixZu5.Protein), ("rna_sequence", SixZu5.RnaSequence), ("interface_patch", 10.0), ("padding", 4.0),
                ("mode", "fast"), ("exhaustiveness", 2L), ("num_poses", 1L));
            var input = Path.Combine(dir, "prepare.parquet");
            var schema = new ParquetSchema(new DataField("id", typeof(string), false), new DataField("pdbqt", typeof(string), true));
            // an alkane and a rigid hexitol-like polyol: the RNA-binding face is polar and Arg/Lys-rich, so acceptors go there
            string?[] ids = ["chain6", "polyol6", "polyol8"];
            string?[] ligands = [string.Join("\n", SyntheticInputs.ChainLigand(6)), Polyol(6), Polyol(8)];
            await using (var w = await TableWriter.CreateAsync(input, schema))
            {
                await w.WriteRowGroupAsync([new(schema.DataFields[0], ids), new(schema.DataFields[1], ligands)]);
                await w.CommitAsync();
            }
            var rejects = new RejectSink();
            var result = await Stage.RunShardAsync(new ShardContext("dock", 0, 1, p, 42, rejects, CancellationToken.None), input, Path.Combine(dir, "dock.parquet"));
            Assert.Equal((3L, 3L), (result.RecordsIn, result.RecordsOut));

            var target = TargetBuilder.Build(TargetDefinition.From(p));
            var site = target.Interface!.Residues;
            await using var r = await TableReader.OpenAsync(Path.Combine(dir, "dock.parquet"));
            var cols = await r.ReadRowGroupAsync(0, "id", "interface_occupancy", "interface_contacts", "pose_sdf");
            int partial = 0;
            for (int row = 0; row < ids.Length; row++)
            {
                double reported = ((double?[])cols[1].Values)[row]!.Value;
                var contacts = ((string?[])cols[2].Values)[row]!.Split(',', StringSplitOptions.RemoveEmptyEntries);
                var atoms = SdfAtoms(((string?[])cols[3].Values)[row]!);
                Assert.All(atoms, a => Assert.True(target.Box.Contains(a.X, a.Y, a.Z), $"pose atom {a} outside the predicted pocket"));
                // Independent recount: residues with a heavy atom within 4 Å of the pose, weighted by predicted probability.
                bool Hit(InterfaceSiteResidue s) => Enumerable.Range(0, s.X.Length).Any(i => atoms.Any(a => Distance((s.X[i], s.Y[i], s.Z[i]), a) <= InterfaceOccupancy.ContactCutoff));
                var hit = site.Where(Hit).ToList();
                double weighted = hit.Sum(s => s.Probability) / site.Sum(s => s.Probability), unweighted = (double)hit.Count / site.Count;
                log.WriteLine($"{((string?[])cols[0].Values)[row]}: contacts {hit.Count} of {site.Count} patch residues: occupancy {reported:F3} (probability-weighted {weighted:F3}, unweighted {unweighted:F3})");
                Assert.Equal(hit.Select(s => s.Label), contacts);
                Assert.Equal(weighted, reported, 4); // pose coordinates come back through SDF's 4 decimals
                if (hit.Count > 0 && hit.Count < site.Count && Math.Abs(unweighted - reported) > 1e-3) partial++;
            }
            // at least one pose touches part of the patch, where weighting by probability changes the figure
            Assert.True(partial > 0, "no pose touched part of the patch: the weighting was not exercised");
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A rigid zig-zag of n carbons, each carrying an acceptor oxygen (OA) on its outer side: one PDBQT ROOT, no torsions.</summary>
    static string Polyol(int n)
    {
        var lines = new List<string> { "ROOT" };
        int serial = 0;
        string Atom(string name, float x, float y, string type) => string.Create(CultureInfo.InvariantCulture,
            $"ATOM  {++serial,5} {name,-4} LIG L   1    {x,8:F3}{y,8:F3}{0f,8:F3}  1.00  0.00     0.000 {type,-2}");
        for (int i = 0; i < n; i++)
        {
            float y = i % 2 == 0 ? 0f : 0.85f;
            lines.Add(Atom($"C{i + 1}", 1.25f * i, y, "C"));
            lines.Add(Atom($"O{i + 1}", 1.25f * i, i % 2 == 0 ? y - 1.43f : y + 1.43f, "OA"));
        }
        lines.Add("ENDROOT");
        lines.Add("TORSDOF 0");
        return string.Join("\n", lines);
    }

    static List<(float X, float Y, float Z)> SdfAtoms(string sdf)
    {
        var lines = sdf.Split('\n');
        int n = int.Parse(lines[3][..3].Trim(), CultureInfo.InvariantCulture);
        return lines.Skip(4).Take(n).Select(l =>
        {
            var f = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (float.Parse(f[0], CultureInfo.InvariantCulture), float.Parse(f[1], CultureInfo.InvariantCulture), float.Parse(f[2], CultureInfo.InvariantCulture));
        }).ToList();
    }
}

/// <summary>mmCIF targets: the λN–boxB complex written as mmCIF (three-letter chain ids) must give the PDB target.</summary>
public sealed class MmcifTargetTests
{
    static StageParameters Params(params (string Key, object? Value)[] values) =>
        StageParameters.Defaults(new DockStage().Parameters).With(values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)));

    /// <summary>An atom_site loop for the structure, chain ids replaced (mmCIF allows longer ones than PDB).</summary>
    static string ToMmcif(MacromolecularStructure s, IReadOnlyDictionary<string, string> chains)
    {
        var b = new System.Text.StringBuilder("data_TEST\nloop_\n");
        foreach (var tag in new[] { "group_PDB", "id", "type_symbol", "label_atom_id", "label_alt_id", "label_comp_id", "label_seq_id", "Cartn_x", "Cartn_y", "Cartn_z", "auth_seq_id", "auth_asym_id", "pdbx_PDB_model_num" })
            b.Append("_atom_site.").Append(tag).Append('\n');
        int id = 0;
        foreach (var r in s.Residues)
            foreach (var a in r.Atoms)
                b.Append(string.Create(CultureInfo.InvariantCulture,
                    $"ATOM {++id} {a.Element} \"{a.Name}\" . {r.Name} . {a.X:F3} {a.Y:F3} {a.Z:F3} {r.Number} {chains[r.ChainId]} 1\n"));
        return b.ToString();
    }

    [LambdaNFact]
    public void Mmcif_receptor_and_complex_give_the_pdb_target()
    {
        var dir = Directory.CreateTempSubdirectory("cif-target").FullName;
        try
        {
            var cif = Path.Combine(dir, "complex.cif");
            File.WriteAllText(cif, ToMmcif(PdbReader.Read(LambdaN.Complex), new Dictionary<string, string> { ["A"] = "PEP", ["B"] = "RNA" }));
            var pdb = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", LambdaN.Protein), ("rna_complex", LambdaN.Complex))));
            var fromCif = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", cif), ("rna_complex", cif))));
            Assert.Equal(pdb.Receptor.Count, fromCif.Receptor.Count);
            Assert.Equal(pdb.Box, fromCif.Box);
            Assert.Equal(pdb.Interface!.Residues.Select(r => r.Label), fromCif.Interface!.Residues.Select(r => r.Label));
            Assert.Contains(fromCif.Notes, n => n.Contains("PEP→A"));
            Assert.Contains(fromCif.Notes, n => n.Contains("RNA/DNA residues removed"));
            // the mmCIF complex as the interface source of the PDB receptor
            var mixed = TargetBuilder.Build(TargetDefinition.From(Params(("receptor", LambdaN.Protein), ("rna_complex", cif))));
            Assert.Equal(pdb.Box, mixed.Box);
        }
        finally { Directory.Delete(dir, true); }
    }

    [LambdaNFact]
    public void A_complex_in_another_frame_is_a_clear_error()
    {
        var dir = Directory.CreateTempSubdirectory("cif-frame").FullName;
        try
        {
            var moved = Path.Combine(dir, "moved.pdb");
            var s = PdbReader.Read(LambdaN.Complex);
            var shifted = s.Residues.Select(r => r with { Atoms = r.Atoms.Select(a => a with { X = a.X + 100 }).ToList() }).ToList();
            PdbWriter.Write(moved, shifted, PdbWriter.ChainMap(s.ChainIds));
            var e = Assert.Throws<DockingException>(() => TargetBuilder.Build(TargetDefinition.From(Params(("receptor", LambdaN.Protein), ("rna_complex", moved)))));
            Assert.Contains("same frame", e.Message);
            var bad = Path.Combine(dir, "bad.cif");
            File.WriteAllText(bad, "data_X\nloop_\n_atom_site.id\n_atom_site.Cartn_x\n1 2.0\n");
            e = Assert.Throws<DockingException>(() => TargetBuilder.Build(TargetDefinition.From(Params(("receptor", bad), ("rna_sequence", "GGCC")))));
            Assert.Contains("bad.cif:2:", e.Message);
            Assert.Contains("no Cartn_y", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}

public sealed class InterfacePatchTests
{
    static InterfaceSiteResidue At(string label, double p, float x) => new(label, p, [x, x + 1], [0f, 0f], [0f, 0f]);

    [Fact]
    public void Patch_is_where_the_interface_probability_is_densest_not_where_residues_are_most_numerous()
    {
        // three low-probability residues around x = 0, two confident ones around x = 50
        var site = new InterfaceSite("predicted", [At("K1", 0.3, 0), At("K2", 0.3, 3), At("K3", 0.3, 6), At("R9", 0.9, 50), At("R10", 0.8, 54)]);
        Assert.Equal(["R9", "R10"], InterfacePatch.Of(site, 8).Residues.Select(r => r.Label));
        // on a geometric interface (p = 1 each) the numerous side wins
        var geometric = new InterfaceSite("geometric", site.Residues.Select(r => r with { Probability = 1 }).ToList());
        Assert.Equal(["K1", "K2", "K3"], InterfacePatch.Of(geometric, 8).Residues.Select(r => r.Label));
        Assert.Same(site, InterfacePatch.Of(site, 0));
    }
}
