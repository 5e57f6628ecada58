using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Chemistry.Preparation;
using MolScreen.Chemistry.Tests.OpenBabel;
using Xunit.Abstractions;

namespace MolScreen.Chemistry.Tests.Preparation;

/// <summary>
/// Our PDBQT against the real consumer: AutoDock Vina 1.2.3 (Debian autodock-vina) scores the
/// crystal ligand as we prepared it and as the Vina examples ship it (prepared by Meeko from
/// the same SD file), on the same receptor. Same torsion count and a score within 0.1 kcal/mol
/// show that Vina reads our atom types, merged hydrogens and torsion tree as it reads Meeko's.
/// </summary>
[Collection(OpenBabelCollection.Name)]
public sealed class VinaInteropTests(ITestOutputHelper output)
{
    public const string Vina = "/usr/bin/vina";

    // Vina's own examples: the SD file and the PDBQT Meeko made from it. Only 1iep's PDBQT
    // keeps the crystal frame (5x72's were written around the origin, so Vina scores them 0
    // against the receptor): torsions are compared on all three, scores on 1iep. 1s63 is left
    // out (its receptor has AD4Zn TZ pseudo-atoms Vina's scoring cannot read), 1uw6 too (its
    // reference is hydrated: W atoms ride on the torsion tree).
    [SharedDataFact]
    public void Vina_examples_same_torsions_and_score_as_meeko()
    {
        Assert.True(File.Exists(Vina), $"{Vina} missing: scripts/install-deps.sh installs autodock-vina");
        var failures = new List<string>();
        using var tmp = new TempDir();
        foreach (var (dir, receptor, sdf, reference, scored) in new[]
                 {
                     ("1iep", "1iep_receptor.pdbqt", "1iep_ligand.sdf", "1iep_ligand.pdbqt", true),
                     ("5x72-multi", "5x72_receptor.pdbqt", "5x72_ligand_p59.sdf", "5x72_ligand_p59.pdbqt", false),
                     ("5x72-multi", "5x72_receptor.pdbqt", "5x72_ligand_p69.sdf", "5x72_ligand_p69.pdbqt", false),
                 })
        {
            string folder = SharedData.Require("vina-examples", dir);
            Compare(sdf, File.ReadAllText(Path.Combine(folder, sdf)), Path.Combine(folder, receptor),
                Path.Combine(folder, reference), scored, tmp.Path, failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // AutoDock-GPU's set: crystal ligands as ADT prepared them. OpenBabel turns the PDBQT into
    // an SD record (bond orders perceived from the geometry); we prepare that with the crystal
    // coordinates kept and Vina scores both in the receptor.
    [SharedDataFact]
    public void Adgpu_crystal_ligands_score_like_the_reference()
    {
        Assert.True(File.Exists(Vina), $"{Vina} missing: scripts/install-deps.sh installs autodock-vina");
        var failures = new List<string>();
        using var tmp = new TempDir();
        int compared = 0, sameTorsions = 0;
        foreach (var pdb in AdgpuCases)
        {
            string folder = SharedData.Require("adgpu-set42", pdb);
            string reference = Path.Combine(folder, "flex-xray.pdbqt");
            string molblock = Obabel(reference, Path.Combine(tmp.Path, pdb + ".sdf"));
            // Bond orders guessed from a PDBQT (no bond table, merged hydrogens) are sometimes
            // chemically impossible; those records say nothing about our preparation.
            try { ObMolecule.FromMolblock(molblock).Dispose(); }
            catch (ChemistryException e)
            {
                output.WriteLine($"{pdb}: skipped, OpenBabel's conversion of the reference is unreadable ({e.Message})");
                continue;
            }
            Compare(pdb, molblock, Path.Combine(folder, "protein.pdbqt"), reference, scored: true, tmp.Path, failures,
                torsionsMustMatch: false);
            compared++;
            if (TorsDof(File.ReadAllText(Path.Combine(tmp.Path, pdb + ".ours.pdbqt"))) == TorsDof(File.ReadAllText(reference))) sameTorsions++;
        }
        Assert.True(sameTorsions >= 2, $"only {sameTorsions} ligands had the reference's torsion count");
        Assert.True(compared >= AdgpuCases.Length / 2, $"only {compared} of {AdgpuCases.Length} references could be converted");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The 3D path: imatinib built from SMILES (pH 7.4, OBBuilder + MMFF94) must be read by Vina
    // with the same torsion tree as Meeko's crystal-ligand PDBQT.
    [SharedDataFact]
    public void Vina_reads_a_ligand_built_from_smiles()
    {
        Assert.True(File.Exists(Vina), $"{Vina} missing: scripts/install-deps.sh installs autodock-vina");
        using var tmp = new TempDir();
        var ligand = new LigandPreparer(new PreparationOptions()).Prepare("imatinib", "smiles",
            "Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1");
        string path = System.IO.Path.Combine(tmp.Path, "imatinib.pdbqt");
        File.WriteAllText(path, ligand.Pdbqt);
        double score = ScoreOnly(SharedData.Require("vina-examples", "1iep", "1iep_receptor.pdbqt"), path);
        output.WriteLine($"imatinib from SMILES: {ligand.Tree.Torsions} torsions, Vina score in place {score:F3}");
        Assert.Equal(7, ligand.Tree.Torsions);
        Assert.True(double.IsFinite(score));
    }

    public static readonly string[] AdgpuCases = ["1owe", "1p62", "1nav", "1lpz", "1t40", "1gkc", "1r55", "1kzk", "1jyq"];

    private void Compare(string name, string molblock, string receptor, string reference, bool scored, string tmp,
        List<string> failures, bool torsionsMustMatch = true)
    {
        var preparer = new LigandPreparer(new PreparationOptions { Ph = null, KeepInputCoordinates = true });
        var ligand = preparer.Prepare(name, "molblock", molblock);
        string ours = System.IO.Path.Combine(tmp, name + ".ours.pdbqt");
        File.WriteAllText(ours, ligand.Pdbqt);
        int torsRef = TorsDof(File.ReadAllText(reference));
        string line = $"{name}: torsions ours {ligand.Tree.Torsions} ref {torsRef}";
        if (torsionsMustMatch && ligand.Tree.Torsions != torsRef) failures.Add($"{name}: {ligand.Tree.Torsions} torsions, reference {torsRef}");
        if (scored)
        {
            double scoreOurs = ScoreOnly(receptor, ours), scoreRef = ScoreOnly(receptor, reference);
            line += $"; vina ours {scoreOurs:F3} ref {scoreRef:F3} (Δ {scoreOurs - scoreRef:F3})";
            // Vina divides the score by a torsion-count term, so scores are comparable only
            // when the trees agree; 0.15 allows for bond orders OpenBabel re-perceived.
            if (ligand.Tree.Torsions == torsRef && Math.Abs(scoreOurs - scoreRef) > 0.15)
                failures.Add($"{name}: score {scoreOurs:F3} vs {scoreRef:F3}");
        }
        output.WriteLine(line);
    }

    private static string Obabel(string pdbqt, string sdf)
    {
        var psi = new ProcessStartInfo("obabel") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ipdbqt", pdbqt, "-osdf", "-O", sdf }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0 || !File.Exists(sdf)) throw new InvalidOperationException($"obabel could not convert {pdbqt}");
        return File.ReadAllText(sdf);
    }

    private sealed class TempDir : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("molscreen-vina-");
        public string Path => _dir.FullName;
        public void Dispose() => _dir.Delete(recursive: true);
    }

    public static int TorsDof(string pdbqt) =>
        int.Parse(Regex.Match(pdbqt, @"^TORSDOF\s+(\d+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);

    public static double ScoreOnly(string receptor, string ligand)
    {
        var psi = new ProcessStartInfo(Vina) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--score_only", "--receptor", receptor, "--ligand", ligand, "--autobox", "--cpu", "1" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var m = Regex.Match(stdout, @"Estimated Free Energy of Binding\s*:\s*(-?[0-9.]+)");
        if (p.ExitCode != 0 || !m.Success)
            throw new InvalidOperationException($"vina --score_only on {ligand} failed ({p.ExitCode}): {stdout}\n{stderr.Result}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
