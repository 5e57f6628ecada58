using System.Diagnostics;
using System.Globalization;
using MolScreen.Docking.Compute;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Bench;

/// <summary>
/// The per-evaluation yardstick of the CPU docking path: on fixed complexes, the grid-map build (CPU seconds, all threads)
/// and then a fixed number of energy + gradient evaluations (kinematics, grid and intramolecular energy, projection) on one
/// thread over a fixed set of seeded random poses. CPU time, not wall time, because the dev VM is shared and loaded. The
/// checksum (sum of energies and gradients over every evaluation) must not change when only the speed of the code changes.
/// </summary>
public static class DockEvalRate
{
    public static readonly string[] DefaultIds = ["1IA1_TQ3", "1nav", "2bsm"];
    const int Poses = 256;

    public static int Run(string shared, IReadOnlyCollection<string> only, int evaluations, int repeats)
    {
        var ids = only.Count > 0 ? only : DefaultIds;
        string work = Directory.CreateTempSubdirectory("molscreen-evalrate-").FullName;
        Console.WriteLine($"{"complex",-10} {"atoms",5} {"pairs",5} {"tors",4} {"maps",4} {"grid CPU s",10} {"grid wall s",11} {"evals",8} {"eval CPU s",10} {"evals/CPU-s",11} {"grid ns",7} {"pairs ns",8}  checksum");
        double totalEvals = 0, totalCpu = 0;
        foreach (var c in DockBenchmark.Cases(shared).Where(c => ids.Contains(c.Id)))
        {
            string ligPath = c.Ligand.EndsWith(".pdbqt") ? c.Ligand : DockBenchmark.Obabel($"\"{c.Ligand}\" -h -p 7.4", Path.Combine(work, c.Id + "_lig.pdbqt"));
            var lig = LigandReader.Read(ligPath);
            var box = c.Center != null ? new GridBox(c.Center[0], c.Center[1], c.Center[2], c.Size![0], c.Size[1], c.Size[2]) : GridBox.FromLigand(lig);
            var engine = new DockingEngine(ReceptorReader.Read(c.Receptor), box, ScoringWeights.Vina);

            var (cpu0, wall) = (CpuSeconds(), Stopwatch.StartNew());
            var maps = engine.MapsFor([lig]);
            double gridCpu = CpuSeconds() - cpu0, gridWall = wall.Elapsed.TotalSeconds;

            var kin = new LigandKinematics(lig);
            var energy = new PoseEnergy(lig, kin, maps, engine.Tables.Weighted);
            var chainWork = new ChainWork(kin);
            var confs = RandomPoses(kin, box);
            var grad = new float[kin.GradSize];
            double best = double.MaxValue, checksum = 0;
            Measure(energy, chainWork, confs, grad, Math.Min(evaluations, 20_000)); // reach the optimised JIT tier first
            for (int r = 0; r < repeats; r++)
            {
                double t0 = CpuSeconds();
                checksum = Measure(energy, chainWork, confs, grad, evaluations);
                best = Math.Min(best, CpuSeconds() - t0);
            }
            totalEvals += evaluations; totalCpu += best;
            Breakdown(energy, chainWork, confs, Math.Min(evaluations, 20_000)); // warm-up, as above
            var (gridNs, pairNs) = Breakdown(energy, chainWork, confs, evaluations);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Id,-10} {lig.AtomCount,5} {lig.PairA.Length,5} {lig.TorsionCount,4} {maps.MapOffset.Count(o => o >= 0),4} {gridCpu,10:F2} {gridWall,11:F2} {evaluations,8} {best,10:F3} {evaluations / best,11:F0} {gridNs,7:F0} {pairNs,8:F0}  {checksum:R}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all: {totalEvals / totalCpu:F0} evals/CPU-s (best of {repeats} repeats per complex)"));
        Directory.Delete(work, true);
        return 0;
    }

    static double Measure(PoseEnergy energy, ChainWork w, float[][] confs, float[] grad, int evaluations)
    {
        double sum = 0;
        for (int k = 0; k < evaluations; k++)
        {
            sum += energy.Eval(confs[k % confs.Length], grad, w, MonteCarloCore.Authentic, MonteCarloCore.Authentic, out _);
            for (int j = 0; j < grad.Length; j++) sum += grad[j] * 1e-6;
        }
        return sum;
    }

    /// <summary>
    /// CPU nanoseconds per evaluation of the two halves of the energy core alone, on the built coordinates of the same poses:
    /// the grid (trilinear) part and the intramolecular pairs (the rest of an evaluation is kinematics and projection).
    /// Unchecked accessors like the search's: PoseEnergy validated these tables when it was built.
    /// </summary>
    static (double GridNs, double PairNs) Breakdown(PoseEnergy energy, ChainWork w, float[][] confs, int evaluations)
    {
        var lig = energy.Ligand;
        var maps = energy.Maps;
        int n = lig.AtomCount;
        var coords = confs.Select(c =>
        {
            energy.Kinematics.Build(c, w.X, w.Y, w.Z, w.Frames);
            return ((float[])w.X.Clone(), (float[])w.Y.Clone(), (float[])w.Z.Clone());
        }).ToArray();
        double t0 = CpuSeconds();
        float sink = 0;
        for (int k = 0; k < evaluations; k++)
        {
            var (x, y, z) = coords[k % coords.Length];
            sink += PoseEnergyCore.Inter(new UncheckedInts(lig.Xs), n, new UncheckedFloats(maps.Data), new UncheckedInts(maps.MapOffset), maps.Geometry,
                MonteCarloCore.Authentic, new UncheckedFloats(x), new UncheckedFloats(y), new UncheckedFloats(z), new UncheckedFloats(w.GX), new UncheckedFloats(w.GY), new UncheckedFloats(w.GZ));
        }
        double t1 = CpuSeconds();
        for (int k = 0; k < evaluations; k++)
        {
            var (x, y, z) = coords[k % coords.Length];
            sink += PoseEnergyCore.Intra(new UncheckedInts(lig.PairA), new UncheckedInts(lig.PairB), new UncheckedInts(lig.PairType), new UncheckedInts(energy.PairGlued),
                lig.PairA.Length, new UncheckedFloats(energy.Table.EnergyDor), energy.Table.Weights.Glue, MonteCarloCore.Authentic,
                new FloatArray(x), new FloatArray(y), new FloatArray(z), new FloatArray(w.GX), new FloatArray(w.GY), new FloatArray(w.GZ));
        }
        double t2 = CpuSeconds();
        GC.KeepAlive(sink);
        return ((t1 - t0) * 1e9 / evaluations, (t2 - t1) * 1e9 / evaluations);
    }

    /// <summary>Seeded poses: the root within 3 Å of the box centre, a uniform orientation and uniform torsions.</summary>
    static float[][] RandomPoses(LigandKinematics kin, GridBox box)
    {
        var rng = new Rng(1, 0);
        var confs = new float[Poses][];
        for (int p = 0; p < Poses; p++)
        {
            var c = confs[p] = new float[kin.ConfSize];
            rng.InsideSphere(out float x, out float y, out float z);
            c[0] = box.CenterX + 3 * x; c[1] = box.CenterY + 3 * y; c[2] = box.CenterZ + 3 * z;
            float qw = rng.Normal(), qx = rng.Normal(), qy = rng.Normal(), qz = rng.Normal();
            float n = MathF.Sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
            c[3] = qw / n; c[4] = qx / n; c[5] = qy / n; c[6] = qz / n;
            for (int t = 7; t < c.Length; t++) c[t] = rng.Uniform(-MathF.PI, MathF.PI);
        }
        return confs;
    }

    static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
