using MolScreen.Docking.Compute;
using MolScreen.Docking.Grid;

namespace MolScreen.Docking.Search;

/// <summary>A local minimum found by a chain: conformation, search energy and heavy-atom coordinates (for RMSD).</summary>
public sealed record Minimum(float[] Conf, float Energy, float[] Heavy);

/// <summary>
/// One Vina Monte Carlo chain on the CPU: runs <see cref="MonteCarloCore"/> (the code the GPU docking kernel runs) on its own
/// state buffer and returns the saved minima, best first.
/// </summary>
public sealed class MonteCarloChain(PoseEnergy energy, int[] heavyAtoms)
{
    public int Evaluations { get; private set; }

    public List<Minimum> Run(long seed, int chain, int globalSteps, int localSteps, int patience, float minRmsd, int savedMinima, bool skipVisited)
    {
        var kin = energy.Kinematics;
        var rng = new Rng(seed, chain);
        var work = new ChainWork(kin);
        var layout = new ChainLayout(kin.ConfSize, kin.GradSize, heavyAtoms.Length, savedMinima, skipVisited);
        var state = new float[layout.Size];
        var objective = new CpuObjective(energy, work, state, heavyAtoms, kin.ConfSize, kin.GradSize);
        int evaluations = 0;
        int count = MonteCarloCore.Run(new FloatArray(state), layout, objective, ref rng, Bounds(energy.Maps.Box),
            Gyration(kin, heavyAtoms), globalSteps, localSteps, patience, minRmsd, ref evaluations);
        Evaluations = evaluations;
        return Minima(state, layout.Minima, count);
    }

    /// <summary>The minima of a store as records (also used for GPU chains' stores).</summary>
    public static List<Minimum> Minima(ReadOnlySpan<float> state, MinimaLayout m, int count)
    {
        var list = new List<Minimum>(count);
        for (int k = 0; k < count; k++)
        {
            int o = m.Slot(k);
            list.Add(new Minimum(state.Slice(o + 1, m.C).ToArray(), state[o], state.Slice(o + 1 + m.C, m.HC).ToArray()));
        }
        return list;
    }

    public static SearchBounds Bounds(GridBox box) => new(box.OriginX, box.OriginY, box.OriginZ, box.EndX, box.EndY, box.EndZ);

    /// <summary>Vina scales orientation moves by 1/radius of gyration of heavy atoms about the root origin (input pose).</summary>
    public static float Gyration(LigandKinematics kin, int[] heavyAtoms)
    {
        var work = new ChainWork(kin);
        var initial = new float[kin.ConfSize];
        kin.Initial(initial);
        kin.Build(initial, work.X, work.Y, work.Z, work.Frames);
        double acc = 0;
        foreach (int i in heavyAtoms)
        {
            float dx = work.X[i] - kin.RootX, dy = work.Y[i] - kin.RootY, dz = work.Z[i] - kin.RootZ;
            acc += dx * dx + dy * dy + dz * dz;
        }
        return heavyAtoms.Length > 0 ? (float)Math.Sqrt(acc / heavyAtoms.Length) : 0f;
    }

    /// <summary>Vina's add_to_output_container: replace the closest pose within minRmsd if better, else append; keep the best max.</summary>
    public static void Add(List<Minimum> list, Minimum m, float minRmsd, int max)
    {
        int closest = -1;
        float best = float.MaxValue;
        for (int k = 0; k < list.Count; k++)
        {
            float r = PoseRmsd.InOrder(list[k].Heavy, m.Heavy);
            if (r < best) { best = r; closest = k; }
        }
        if (closest >= 0 && best < minRmsd)
        {
            if (m.Energy < list[closest].Energy) list[closest] = m;
        }
        else list.Add(m);
        list.Sort((a, b) => a.Energy.CompareTo(b.Energy));
        if (list.Count > max) list.RemoveRange(max, list.Count - max);
    }
}
