using System.Diagnostics;
using System.Globalization;
using MolScreen.Chemistry;
using MolScreen.Chemistry.Conformers;
using MolScreen.Chemistry.OpenBabel;
using MolScreen.Chemistry.Preparation;

namespace MolScreen.Bench;

/// <summary>
/// prepare throughput per core: our LigandPreparer (protonation, 3D build + 250 MMFF94 steps,
/// Gasteiger charges, AD4 types, torsion tree, PDBQT text) in one thread, against
/// `obabel --gen3d` (Open Babel's own 3D builder and clean-up, no docking preparation) on the
/// same molecules, both with one OpenMP thread. CPU seconds are reported beside wall seconds
/// because the machine may be shared. Also prints the 3D quality bar on the prepared molecules.
/// </summary>
public static class PrepareBenchmark
{
    public static void Run(string smilesFile, int count, int steps)
    {
        var smiles = File.ReadLines(smilesFile).Where(l => l.Length > 0).Select(l => l.Split('\t', ' ')[0]).Take(count).ToList();
        var input = Path.Combine(Path.GetTempPath(), $"molscreen-prepare-bench-{Environment.ProcessId}.smi");
        File.WriteAllLines(input, smiles);
        try
        {
            // The checked build (the stage's default) and, back to back on the same molecules, the first build
            // taken unchecked as before the conformer checks, so the cost of the checks is read in one run.
            var arms = new (string Name, ConformerBuildPolicy Policy)[]
            {
                ($"molscreen prepare ({steps} steps, checked, 1 thread)", new ConformerBuildPolicy()),
                ($"molscreen prepare ({steps} steps, unchecked, 1 thread)", new ConformerBuildPolicy { Check = false }),
            };
            var rows = new List<string>();
            double checkedCpu = 0;
            foreach (var (name, policy) in arms)
            {
                var preparer = new LigandPreparer(new PreparationOptions { MinimizationSteps = steps, Build = policy });
                foreach (var s in smiles.Take(5)) TryPrepare(preparer, s, out _); // warm-up: JIT, force-field tables
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var prepared = new List<(string Smiles, PreparedLigand Ligand)>();
                var failures = new List<string>();
                foreach (var s in smiles)
                {
                    if (TryPrepare(preparer, s, out var ligand, out var why)) prepared.Add((s, ligand!));
                    else failures.Add(why!);
                }
                double wall = sw.Elapsed.TotalSeconds;
                double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                if (policy.Check) checkedCpu = cpu;
                rows.Add($"{name,-48} {smiles.Count,9} {failures.Count,6} {wall,8:F1} {cpu,8:F1} {smiles.Count / cpu,17:F2}");
                Console.WriteLine(name + ":");
                Quality(prepared);
                int refined = prepared.Count(p => p.Ligand.BuildAttempts == 1 && p.Ligand.RefineSteps > 0);
                int rebuilt = prepared.Count(p => p.Ligand.BuildAttempts > 1);
                int rejected = failures.Count(f => f.Contains("no acceptable conformer"));
                Console.WriteLine($"  refined {refined}, rebuilt {rebuilt}, rejected by the checks {rejected}");
            }
            var (obWall, obCpu) = ObabelGen3d(input);

            Console.WriteLine($"{"case",-48} {"molecules",9} {"failed",6} {"wall s",8} {"cpu s",8} {"mol/s/core (cpu)",17}");
            foreach (var row in rows) Console.WriteLine(row);
            Console.WriteLine($"{"obabel --gen3d (3D only, OMP_NUM_THREADS=1)",-48} {smiles.Count,9} {"-",6} {obWall,8:F1} {obCpu,8:F1} {smiles.Count / obCpu,17:F2}");
            Console.WriteLine($"ratio molscreen prepare (checked) / obabel --gen3d = {(smiles.Count / checkedCpu) / (smiles.Count / obCpu):F2}x (CPU-time throughput)");
        }
        finally { File.Delete(input); }
    }

    private static void Quality(List<(string Smiles, PreparedLigand Ligand)> prepared)
    {
        int bonds = 0, clash = 0, stereo = 0, mmff = 0;
        foreach (var (s, l) in prepared)
        {
            using var mol = ObMolecule.FromSmiles(l.Smiles);
            var q = ConformerQuality.Assess(l.Atoms.Conformer, mol.InChIKey);
            if (q.MaxBondLengthDeviation <= 0.05) bonds++;
            if (q.MinNonBondedHeavyDistance >= 1.5) clash++;
            if (q.StereoPreserved) stereo++;
            if (l.ForceField == ForceField.Mmff94) mmff++;
        }
        double n = prepared.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  3D quality on {prepared.Count} prepared: bonds within 0.05 Å of r0 {bonds / n:P1}; no heavy clash < 1.5 Å {clash / n:P1}; same InChIKey {stereo / n:P1}; MMFF94 {mmff}, UFF {prepared.Count - mmff}"));
    }

    private static (double Wall, double Cpu) ObabelGen3d(string input)
    {
        var output = Path.ChangeExtension(input, ".sdf");
        var psi = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("TIMEFORMAT='%R %U %S'; time (OMP_NUM_THREADS=1 obabel -ismi \"$1\" -osdf -O \"$2\" --gen3d >/dev/null 2>&1)");
        psi.ArgumentList.Add("bash");
        psi.ArgumentList.Add(input);
        psi.ArgumentList.Add(output);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        var times = p.StandardError.ReadToEnd().Trim().Split('\n')[^1].Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        p.WaitForExit();
        File.Delete(output);
        return (times[0], times[1] + times[2]);
    }

    private static bool TryPrepare(LigandPreparer preparer, string smiles, out PreparedLigand? ligand) =>
        TryPrepare(preparer, smiles, out ligand, out _);

    private static bool TryPrepare(LigandPreparer preparer, string smiles, out PreparedLigand? ligand, out string? why)
    {
        try
        {
            using var mol = ObMolecule.FromSmiles(smiles);
            mol.Standardize();
            ligand = preparer.Prepare("bench", "smiles", mol.CanonicalSmiles);
            _ = ligand.Pdbqt;
            why = null;
            return true;
        }
        catch (ChemistryException e) { ligand = null; why = e.Message; return false; }
    }
}
