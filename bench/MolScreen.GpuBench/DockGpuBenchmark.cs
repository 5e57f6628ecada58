using System.Diagnostics;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Kernels.Docking;

namespace MolScreen.GpuBench;

/// <summary>
/// Screening throughput of the batched docking kernel on the DUD-E def set: grid maps on the device, N ligands docked
/// (chains on the device, merge/re-score/cluster on the host with the CPU engine's code), ligands/s; then the CPU path on a
/// sample of the same ligands (same seed and steps) beside it, and the per-pose agreement of the scoring kernel with the
/// CPU objective on the docked poses. lanes: threads per chain (<see cref="GpuDocker.LanesPerChain"/>; null = the device's
/// default), so one device session can compare the thread-per-chain kernel with lane groups of 8, 16 and 32.
/// </summary>
public static class DockGpuBenchmark
{
    public static int Run(string dir, int n, int exhaustiveness, SearchMode mode, int? steps, int sample, bool preferGpu, int? lanes = null)
    {
        var sw = Stopwatch.StartNew();
        var set = DudeDefSet.Load(dir, n);
        Console.WriteLine($"def set: {set.Ligands.Count} ligands read ({set.Rejects.Count} rejected) in {sw.Elapsed.TotalSeconds:F1} s; " +
            $"box {set.Box.SizeX:F1}×{set.Box.SizeY:F1}×{set.Box.SizeZ:F1} Å");
        foreach (var r in set.Rejects.Take(5)) Console.WriteLine($"  rejected {r}");
        if (set.Ligands.Count == 0) return 1;
        var options = new DockingOptions { Exhaustiveness = exhaustiveness, Mode = mode, Steps = steps, Seed = 1 };
        var engine = new DockingEngine(set.Receptor, set.Box, ScoringWeights.Vina);
        var table = engine.Tables.Weighted;
        var types = set.Ligands.SelectMany(l => l.Xs).Where(t => t >= 0).Distinct().ToArray();

        using var device = new DockingAccelerator(preferGpu);
        Console.WriteLine($"device: {device.Device} ({(device.IsGpu ? $"CUDA, {device.FreeMemory / (1 << 20):N0} MiB free" : "ILGPU CPU accelerator")})");
        GpuGridMaps.Build(device, set.Receptor, set.Box, table, types); // kernel compile outside the timing
        sw.Restart();
        var gpuMaps = GpuGridMaps.Build(device, set.Receptor, set.Box, table, types);
        double gpuMapS = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var cpuMaps = engine.MapsFor(set.Ligands);
        double cpuMapS = sw.Elapsed.TotalSeconds;
        float mapDiff = MaxMapDifference(cpuMaps, gpuMaps);
        Console.WriteLine($"grid maps: {types.Length} maps × {gpuMaps.PointsPerMap:N0} points; device {gpuMapS * 1e3:F0} ms, CPU path {cpuMapS * 1e3:F0} ms " +
            $"({Environment.ProcessorCount} cores); max |Δ| {mapDiff:E1}");

        using var dmaps = new DeviceMaps(device.Accelerator, cpuMaps, table);
        var docker = new GpuDocker(device, dmaps, lanes);
        docker.Run([set.Ligands[0]], options with { Exhaustiveness = 1, Steps = 1 }); // kernel compile outside the timing
        sw.Restart();
        var chains = docker.Run(set.Ligands, options);
        double chainS = sw.Elapsed.TotalSeconds;
        var results = set.Ligands.Select((l, i) => engine.Finish(l, chains[i].PerChain, chains[i].Evaluations, options, 0)).ToList();
        double totalS = sw.Elapsed.TotalSeconds;
        long evals = chains.Sum(c => (long)c.Evaluations);
        double gpuRate = set.Ligands.Count / totalS;
        Console.WriteLine($"GPU docking: {set.Ligands.Count} ligands × {exhaustiveness} chains ({(steps is int s ? $"{s} steps" : mode.ToString())}), {docker.LanesPerChain} lane(s) per chain, {docker.Launches - 1} launch(es): " +
            $"chains {chainS:F1} s + host merge/cluster {totalS - chainS:F1} s = {gpuRate:F2} ligands/s, {evals / chainS / 1e6:F2} M evaluations/s");

        // the scoring kernel on the docked poses (best minimum of each ligand) against the CPU objective
        var best = chains.Select(c => c.PerChain.SelectMany(p => p).OrderBy(m => m.Energy).First().Conf).ToList();
        var scored = new GpuPoseScorer(device, dmaps).Score(set.Ligands, best.Select(c => new[] { c }).ToList());
        float scoreDiff = 0;
        for (int l = 0; l < set.Ligands.Count; l++)
        {
            var kin = new LigandKinematics(set.Ligands[l]);
            float e = new PoseEnergy(set.Ligands[l], kin, cpuMaps, table).Eval(best[l], [], new ChainWork(kin), 1000f, 1000f, out _);
            scoreDiff = MathF.Max(scoreDiff, MathF.Abs(e - scored[l][0].Total));
        }
        Console.WriteLine($"pose scoring kernel vs CPU objective on the {set.Ligands.Count} docked poses: max |Δ| {scoreDiff:E1} kcal/mol");

        int k = Math.Min(sample, set.Ligands.Count);
        if (k == 0) return 0;
        sw.Restart();
        var cpu = set.Ligands.Take(k).Select(l => engine.Dock(l, options)).ToList();
        double cpuS = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"CPU path on {k} of them ({Environment.ProcessorCount} cores): {k / cpuS:F2} ligands/s; GPU/CPU throughput ratio {gpuRate / (k / cpuS):F1}x");
        Console.WriteLine("| ligand | atoms | torsions | GPU top-1 | CPU top-1 | Δ | GPU-vs-CPU top pose RMSD (Å) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (int i = 0; i < k; i++)
        {
            var g = results[i].Poses[0]; var c = cpu[i].Poses[0];
            double rmsd = 0; int heavy = 0;
            for (int a = 0; a < g.X.Length; a++)
            {
                if (set.Ligands[i].Xs[a] < 0) continue;
                rmsd += Sq(g.X[a] - c.X[a]) + Sq(g.Y[a] - c.Y[a]) + Sq(g.Z[a] - c.Z[a]); heavy++;
            }
            Console.WriteLine($"| {set.Ligands[i].Name} | {set.Ligands[i].AtomCount} | {set.Ligands[i].TorsionCount} | {g.Score:F3} | {c.Score:F3} | {g.Score - c.Score:+0.000;-0.000} | {Math.Sqrt(rmsd / heavy):F2} |");
        }
        return 0;
    }

    static double Sq(double v) => v * v;

    static float MaxMapDifference(GridMaps a, GridMaps b)
    {
        float worst = 0;
        for (int t = 0; t < a.MapOffset.Length; t++)
        {
            if (a.MapOffset[t] < 0 || b.MapOffset[t] < 0) continue;
            for (int p = 0; p < a.PointsPerMap; p++) worst = MathF.Max(worst, MathF.Abs(a.Data[a.MapOffset[t] + p] - b.Data[b.MapOffset[t] + p]));
        }
        return worst;
    }
}
