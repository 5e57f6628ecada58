using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using Xunit.Abstractions;

namespace MolScreen.Docking.Tests;

/// <summary>
/// Redocking slice for CI: a small complex docked from its crystal conformation (position, orientation and torsions
/// randomised by the search), exhaustiveness 8, the baseline's box; top-1 heavy-atom RMSD (symmetry-aware) must be below
/// 2 Å, as it is for Vina 1.2.3. One complex keeps CI under a minute on 2 cores; the full set runs in the bench
/// harness (`bench dock`), see docs/benchmarks.md, "Docking: redocking success and speed".
/// </summary>
public sealed class RedockTests(ITestOutputHelper log)
{
    public static DockingResult Redock(Complex c, DockingOptions options, out LigandModel lig, string work)
    {
        lig = LigandReader.Read(c.Ligand.EndsWith(".pdbqt") ? c.Ligand : Peers.ObabelLigand(c.Ligand, work));
        var receptor = ReceptorReader.Read(c.Receptor);
        var box = c.Center.Length == 3
            ? new GridBox((float)c.Center[0], (float)c.Center[1], (float)c.Center[2], (float)c.Size[0], (float)c.Size[1], (float)c.Size[2])
            : GridBox.FromLigand(lig);
        return new DockingEngine(receptor, box, ScoringWeights.Vina).Dock(lig, options);
    }

    [SharedDataFact]
    public void Small_complexes_redock_below_2_angstrom()
    {
        string work = Directory.CreateTempSubdirectory("dock-redock-").FullName;
        var failures = new List<string>();
        // quick mode too: its skipped local searches and early-ending chains must still find the crystal pose
        foreach (var (id, mode) in new[] { ("1IA1_TQ3", SearchMode.Balance), ("1IA1_TQ3", SearchMode.Quick) })
        {
            var c = Complex.Get(id);
            var result = Redock(c, new DockingOptions { Exhaustiveness = 8, Seed = 1, Mode = mode }, out var lig, work);
            var top = result.Poses[0];
            float rmsd = SymmetricRmsd.Compute(lig, top.X, top.Y, top.Z, lig.X, lig.Y, lig.Z);
            log.WriteLine($"{id} {mode}: top-1 score {top.Score:F3} RMSD {rmsd:F2} Å, {result.Poses.Count} poses, {result.Seconds:F1} s, {result.Evaluations} evaluations");
            if (rmsd >= 2f) failures.Add($"{id} {mode}: top-1 RMSD {rmsd:F2} Å");
        }
        Directory.Delete(work, true);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
