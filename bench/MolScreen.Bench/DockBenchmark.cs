using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Bench;

/// <summary>
/// Redocking side by side: our CPU engine and AutoDock Vina 1.2.3 (Debian `vina`) on the crystal complexes of
/// shared/data, exhaustiveness 8, seed 1, the baseline's boxes (docs/vina-baseline.md). Prints one row per complex:
/// top-1 score, symmetry-aware heavy-atom RMSD to the crystal pose and wall time for both, and the time ratio.
/// </summary>
public static class DockBenchmark
{
    internal sealed record Case(string Id, string Receptor, string Ligand, float[]? Center, float[]? Size);

    /// <summary>
    /// Docks every case with both tools (cheapest ligands first, so a cut-short run still covers most complexes). With
    /// <paramref name="dumpPath"/>, appends one JSON line per complex (all our ranking candidates with their features and
    /// RMSDs, all of Vina's modes) so that pose rankings can be compared offline with <see cref="RerankEvaluation"/>.
    /// </summary>
    /// <param name="mode">our search mode (balance = Vina's search; quick = skipped revisits and stalled chains ending)</param>
    public static int Run(string shared, IReadOnlyCollection<string> only, int exhaustiveness, int cpus, SearchMode mode = SearchMode.Balance,
        string? dumpPath = null, bool peer = true, Func<DockingOptions, DockingOptions>? tweak = null, long seed = 1)
    {
        var options = new DockingOptions { Exhaustiveness = exhaustiveness, Seed = seed, MaxThreads = cpus, Mode = mode };
        options = (tweak ?? (o => o))(options).Validate();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed} (both tools); ours: mode {mode}, skip visited {options.SkipVisited}, patience {options.Patience}, " +
            $"consensus {options.Consensus} (rmsd {options.ConsensusRmsd} Å, energy {options.ConsensusEnergy}, round {options.ConsensusRound})"));
        string work = Directory.CreateTempSubdirectory("molscreen-dockbench-").FullName;
        var cases = Cases(shared).Where(c => only.Count == 0 || only.Contains(c.Id))
            .Select(c => (Case: c, LigPath: c.Ligand.EndsWith(".pdbqt") ? c.Ligand : Obabel($"\"{c.Ligand}\" -h -p 7.4", Path.Combine(work, c.Id + "_lig.pdbqt"))))
            .Select(c => (c.Case, c.LigPath, Lig: LigandReader.Read(c.LigPath)))
            .OrderBy(c => c.Lig.TorsionCount).ThenBy(c => c.Lig.AtomCount).ThenBy(c => c.Case.Id, StringComparer.Ordinal).ToList();
        Console.WriteLine($"{"complex",-16} {"ours score",10} {"ours rmsd",9} {"best9",6} {"ours s",7} {"vina score",10} {"vina rmsd",9} {"best9",6} {"vina s",7} {"time ours/vina",14} {"ours evals",10}");
        int oursOk = 0, vinaOk = 0, oursAny = 0, vinaAny = 0;
        long oursEvals = 0;
        double oursT = 0, vinaT = 0;
        foreach (var (c, ligPath, lig) in cases)
        {
            var box = c.Center != null ? new GridBox(c.Center[0], c.Center[1], c.Center[2], c.Size![0], c.Size[1], c.Size[2]) : GridBox.FromLigand(lig);
            var sw = Stopwatch.StartNew();
            var receptor = ReceptorReader.Read(c.Receptor);
            var ours = new DockingEngine(receptor, box, ScoringWeights.Vina).Dock(lig, options);
            double tOurs = sw.Elapsed.TotalSeconds;
            var top = ours.Poses[0];
            float rOurs = SymmetricRmsd.Compute(lig, top.X, top.Y, top.Z, lig.X, lig.Y, lig.Z);
            float bOurs = ours.Poses.Min(p => SymmetricRmsd.Compute(lig, p.X, p.Y, p.Z, lig.X, lig.Y, lig.Z));

            var vina = new List<(float Score, float Rmsd)>();
            double tVina = double.NaN;
            if (peer)
            {
                string recPath = Path.Combine(work, c.Id + "_rec.pdbqt");
                if (c.Receptor.EndsWith(".pdbqt")) File.WriteAllText(recPath, receptor.ToPdbqt());
                else VinaReceptorFromPdb(c.Receptor, recPath, work);
                string outPath = Path.Combine(work, c.Id + "_vina.pdbqt");
                string args = string.Create(CultureInfo.InvariantCulture,
                    $"--receptor \"{recPath}\" --ligand \"{ligPath}\" --center_x {box.CenterX} --center_y {box.CenterY} --center_z {box.CenterZ} --size_x {box.SizeX} --size_y {box.SizeY} --size_z {box.SizeZ} --exhaustiveness {exhaustiveness} --seed {seed} --cpu {cpus} --num_modes 9 --out \"{outPath}\"");
                sw.Restart();
                Exec("vina", args);
                tVina = sw.Elapsed.TotalSeconds;
                vina = VinaPoses(outPath, lig).Select(p => (p.Score, Rmsd: SymmetricRmsd.Compute(lig, p.X, p.Y, p.Z, lig.X, lig.Y, lig.Z))).ToList();
            }
            else vina.Add((float.NaN, float.NaN));
            float rVina = vina[0].Rmsd, bVina = vina.Min(v => v.Rmsd);
            if (rOurs < 2) oursOk++;
            if (rVina < 2) vinaOk++;
            if (bOurs < 2) oursAny++;
            if (bVina < 2) vinaAny++;
            oursT += tOurs; oursEvals += ours.Evaluations; vinaT += peer ? tVina : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Id,-16} {top.Score,10:F3} {rOurs,9:F2} {bOurs,6:F2} {tOurs,7:F1} {vina[0].Score,10:F3} {rVina,9:F2} {bVina,6:F2} {tVina,7:F1} {tOurs / tVina,14:F2} {ours.Evaluations,10}"));
            if (dumpPath != null) RerankDump.Append(dumpPath, c.Id, lig, ours, tOurs, peer ? vina : [], peer ? tVina : 0);
        }
        Console.WriteLine($"top-1 < 2 Å: ours {oursOk}/{cases.Count}, vina {vinaOk}/{cases.Count}; best of reported poses < 2 Å: ours {oursAny}/{cases.Count}, vina {vinaAny}/{cases.Count}");
        Console.WriteLine($"total time ours {oursT:F0} s, vina {vinaT:F0} s, ratio {oursT / vinaT:F2}; ours {oursEvals} evaluations");
        Directory.Delete(work, true);
        return 0;
    }

    static IEnumerable<(float Score, float[] X, float[] Y, float[] Z)> VinaPoses(string path, LigandModel lig)
    {
        var x = new float[lig.AtomCount]; var y = new float[lig.AtomCount]; var z = new float[lig.AtomCount];
        float score = float.NaN;
        int k = 0;
        foreach (var l in File.ReadLines(path))
        {
            if (l.StartsWith("REMARK VINA RESULT:"))
                score = float.Parse(l[19..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
            if (l.StartsWith("ENDMDL"))
            {
                if (k != lig.AtomCount) throw new InvalidOperationException($"{path}: a Vina mode has {k} atoms, the ligand {lig.AtomCount}");
                yield return (score, x, y, z);
                x = new float[lig.AtomCount]; y = new float[lig.AtomCount]; z = new float[lig.AtomCount];
                k = 0;
            }
            if ((l.StartsWith("ATOM") || l.StartsWith("HETATM")) && k < lig.AtomCount)
            {
                x[k] = float.Parse(l.AsSpan(30, 8), CultureInfo.InvariantCulture);
                y[k] = float.Parse(l.AsSpan(38, 8), CultureInfo.InvariantCulture);
                z[k] = float.Parse(l.AsSpan(46, 8), CultureInfo.InvariantCulture);
                k++;
            }
        }
    }

    static void VinaReceptorFromPdb(string pdb, string outPath, string work)
    {
        string clean = Path.Combine(work, Path.GetFileNameWithoutExtension(pdb) + "_clean.pdb");
        File.WriteAllLines(clean, File.ReadLines(pdb)
            .Where(l => (l.StartsWith("ATOM  ") || l.StartsWith("HETATM")) && !(l.Length > 20 && l[17..20] == "HOH"))
            .Where(l => l.Length < 17 || l[16] == ' ' || l[16] == 'A')
            .Select(l => l.Length > 16 ? l[..16] + " " + l[17..] : l));
        string raw = Obabel($"\"{clean}\" -xr -p 7.4", Path.Combine(work, Path.GetFileNameWithoutExtension(pdb) + "_raw.pdbqt"));
        File.WriteAllLines(outPath, File.ReadLines(raw).Where(l => l.StartsWith("ATOM  ") || l.StartsWith("HETATM")));
    }

    internal static string Obabel(string input, string output)
    {
        Exec("obabel", $"{input} -O \"{output}\"");
        return output;
    }

    static void Exec(string exe, string args)
    {
        var psi = new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync(); var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {args}: {o.Result}{e.Result}");
    }

    internal static IEnumerable<Case> Cases(string shared)
    {
        string V(string p) => Path.Combine(shared, "vina-examples", p);
        yield return new("1iep", V("1iep/1iep_receptor.pdbqt"), V("1iep/1iep_ligand.pdbqt"), [15.190f, 53.903f, 16.917f], [20, 20, 20]);
        // macrocycle opened by Meeko (G0/CG0 closure atoms, glued back by the intramolecular glue term); box from the tutorial
        yield return new("bace1-macrocycle", V("bace1-macrocycle/BACE_1_receptor.pdbqt"), V("bace1-macrocycle/BACE_1_ligand.pdbqt"), [30.103f, 6.152f, 15.584f], [20, 20, 20]);
        foreach (var dir in Directory.GetDirectories(Path.Combine(shared, "adgpu-set42")).OrderBy(d => d, StringComparer.Ordinal))
        {
            float spacing = 0; int[] n = []; float[] center = [];
            foreach (var l in File.ReadLines(Path.Combine(dir, "protein.maps.fld")))
            {
                var parts = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (l.StartsWith("#SPACING")) spacing = float.Parse(parts[1], CultureInfo.InvariantCulture);
                if (l.StartsWith("#NELEMENTS")) n = parts[1..].Select(int.Parse).ToArray();
                if (l.StartsWith("#CENTER")) center = parts[1..].Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            }
            string id = Path.GetFileName(dir);
            if (id == "3er5") continue; // baseline: Vina needs ~2,700 s, excluded from the success rates
            yield return new(id, Path.Combine(dir, "protein.pdbqt"), Path.Combine(dir, "flex-xray.pdbqt"), center, n.Select(k => (k - 1) * spacing).ToArray());
        }
        string P(string p) => Path.Combine(shared, "posebusters-cases", p);
        foreach (var (id, rec) in new[] { ("1G9V_RQ3", "1G9V_RQ3_protein.pdb"), ("1IA1_TQ3", "1IA1_TQ3_no_ligand_no_solvent.pdb"), ("1W1P_GIO", "1W1P_GIO_protein.pdb"),
                     ("7ZTL_BCN", "7ZTL_BCN_protein.pdb"), ("1s3v", "1s3v_protein_one_lig_removed.pdb"), ("1uou", "1uou_protein_one_lig_removed.pdb") })
            yield return new(id, P($"{id}/{rec}"), P($"{id}/{id}_ligand.sdf"), null, null);
        string U(string p) => Path.Combine(shared, "unidock-examples", p);
        yield return new("1a30", U("1a30/1a30_protein.pdbqt"), U("1a30/1a30_ligand.sdf"), null, null);
        using var grid = JsonDocument.Parse(File.ReadAllText(U("8AJX/docking_grid.json")));
        var g = grid.RootElement;
        float G(string k) => (float)g.GetProperty(k).GetDouble();
        yield return new("8AJX", U("8AJX/8AJX_receptor.pdb"), U("8AJX/8AJX_ligand_ori.sdf"), [G("center_x"), G("center_y"), G("center_z")], [G("size_x"), G("size_y"), G("size_z")]);
    }
}
