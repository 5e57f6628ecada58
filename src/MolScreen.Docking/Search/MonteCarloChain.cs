using MolScreen.Docking.Grid;

namespace MolScreen.Docking.Search;

/// <summary>A local minimum found by a chain: conformation, search energy and heavy-atom coordinates (for RMSD).</summary>
public sealed record Minimum(float[] Conf, float Energy, float[] Heavy);

/// <summary>
/// One Vina Monte Carlo chain (monte_carlo.cpp): start from a random pose in the box; each step mutates the position, the
/// orientation or one torsion, minimises with BFGS under capped energies, and accepts by the Metropolis rule (T = 1.2);
/// accepted poses that beat the chain's best (or while fewer than 50 are kept) are re-minimised with near-uncapped energies
/// and kept if more than 1 Å from the others.
/// </summary>
public sealed class MonteCarloChain(PoseEnergy energy, int[] heavyAtoms)
{
    const float Temperature = 1.2f, MutationAmplitude = 2f;
    const int SavedMinima = 50;
    // Vina's energy caps: hunt_cap (intra 10, inter 1.5) during the search, 1000 when refining.
    const float HuntIntra = 10f, HuntInter = 1.5f, Authentic = 1000f;

    public int Evaluations { get; private set; }

    public List<Minimum> Run(long seed, int chain, int globalSteps, int localSteps, float minRmsd)
    {
        var kin = energy.Kinematics;
        var rng = new Rng(seed, chain);
        var work = new ChainWork(kin);
        var bfgs = new Bfgs(kin.ConfSize, kin.GradSize);
        var current = new float[kin.ConfSize];
        var candidate = new float[kin.ConfSize];
        Randomize(current, ref rng, energy.Maps.Box);
        float currentE = float.MaxValue, bestE = float.MaxValue;
        var saved = new List<Minimum>(SavedMinima + 1);
        float gyration = Gyration(work);
        for (int step = 0; step < globalSteps; step++)
        {
            current.CopyTo(candidate, 0);
            Mutate(candidate, ref rng, gyration);
            float e = bfgs.Minimize(candidate, energy, work, localSteps, HuntIntra, HuntInter);
            if (step == 0 || Accept(currentE, e, ref rng))
            {
                candidate.CopyTo(current, 0);
                currentE = e;
                if (e < bestE || saved.Count < SavedMinima)
                {
                    // as in Vina the chain continues from the refined pose and its uncapped energy
                    float re = bfgs.Minimize(current, energy, work, localSteps, Authentic, Authentic);
                    currentE = re;
                    energy.Eval(current, [], work, Authentic, Authentic, out _);
                    Add(saved, new Minimum((float[])current.Clone(), re, HeavyCoords(work)), minRmsd, SavedMinima);
                    if (re < bestE) bestE = re;
                }
            }
        }
        Evaluations = bfgs.Evaluations;
        return saved;
    }

    float Gyration(ChainWork work)
    {
        // Vina scales orientation moves by 1/radius of gyration of heavy atoms about the root origin
        var kin = energy.Kinematics;
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

    static void Randomize(float[] conf, ref Rng rng, GridBox box)
    {
        conf[0] = rng.Uniform(box.OriginX, box.EndX);
        conf[1] = rng.Uniform(box.OriginY, box.EndY);
        conf[2] = rng.Uniform(box.OriginZ, box.EndZ);
        float w = rng.Normal(), x = rng.Normal(), y = rng.Normal(), z = rng.Normal();
        float n = 1f / MathF.Sqrt(w * w + x * x + y * y + z * z);
        conf[3] = w * n; conf[4] = x * n; conf[5] = y * n; conf[6] = z * n;
        for (int k = 7; k < conf.Length; k++) conf[k] = rng.Uniform(-MathF.PI, MathF.PI);
    }

    static void Mutate(float[] conf, ref Rng rng, float gyration)
    {
        int torsions = conf.Length - 7;
        int which = rng.NextInt(2 + torsions);
        if (which == 0)
        {
            rng.InsideSphere(out float x, out float y, out float z);
            conf[0] += MutationAmplitude * x; conf[1] += MutationAmplitude * y; conf[2] += MutationAmplitude * z;
        }
        else if (which == 1)
        {
            if (gyration > 1e-6f)
            {
                rng.InsideSphere(out float x, out float y, out float z);
                float s = MutationAmplitude / gyration;
                Quat.Increment(conf.AsSpan(3, 4), s * x, s * y, s * z);
            }
        }
        else conf[7 + which - 2] = rng.Uniform(-MathF.PI, MathF.PI);
    }

    static bool Accept(float oldE, float newE, ref Rng rng) =>
        newE < oldE || rng.NextFloat() < MathF.Exp((oldE - newE) / Temperature);

    float[] HeavyCoords(ChainWork w)
    {
        var c = new float[heavyAtoms.Length * 3];
        for (int k = 0; k < heavyAtoms.Length; k++)
        {
            int i = heavyAtoms[k];
            c[3 * k] = w.X[i]; c[3 * k + 1] = w.Y[i]; c[3 * k + 2] = w.Z[i];
        }
        return c;
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
