using MolScreen.Docking.Compute;

namespace MolScreen.Docking.Search;

/// <summary>The search box as plain numbers (lattice origin and far corner), for random starting positions.</summary>
public readonly struct SearchBounds(float ox, float oy, float oz, float ex, float ey, float ez)
{
    public readonly float OX = ox, OY = oy, OZ = oz, EX = ex, EY = ey, EZ = ez;
}

/// <summary>
/// One chain's state buffer: the BFGS state (its x is the candidate), the current conformation, the saved minima, and the
/// visited-point history when local searches may be skipped.
/// </summary>
public readonly struct ChainLayout
{
    public readonly BfgsLayout Bfgs;
    public readonly int Current;
    public readonly MinimaLayout Minima;
    public readonly HistoryLayout History;
    public readonly int Size;

    public ChainLayout(int confSize, int gradSize, int heavyAtoms, int saved, bool skipVisited = false)
    {
        Bfgs = new BfgsLayout(confSize, gradSize, 0);
        Current = Bfgs.Size;
        Minima = new MinimaLayout(Current + confSize, confSize, 3 * heavyAtoms, saved);
        History = new HistoryLayout(Minima.Offset + Minima.Size, gradSize, skipVisited);
        Size = History.Offset + History.Size;
    }
}

/// <summary>
/// Where a chain stands between calls of <see cref="MonteCarloCore.Advance"/>: next step, the step of its last
/// improvement, minima kept, current and best energies, and whether its patience ran out (1) or not (0).
/// </summary>
public struct ChainProgress
{
    public int Step, Improved, Count, Ended;
    public float CurrentE, BestE;
}

/// <summary>
/// One Vina Monte Carlo chain (monte_carlo.cpp) over a flat state buffer, shared by <see cref="MonteCarloChain"/> (CPU) and
/// the GPU docking kernel: start from a random pose in the box; each step mutates the position, the orientation or one
/// torsion, minimises with BFGS under capped energies (unless the history says the start point lies in a basin already
/// descended, <see cref="VisitedHistory"/>), and accepts by the Metropolis rule (T = 1.2); accepted poses that
/// beat the chain's best (or while fewer than the store's capacity, num-poses as in Vina 1.2, are kept) are re-minimised with near-uncapped energies and kept if more
/// than minRmsd from the others.
/// </summary>
public static class MonteCarloCore
{
    public const float Temperature = 1.2f, MutationAmplitude = 2f;
    // Vina 1.2's energy caps: hunt_cap (10 for intra and inter) during the search, 1000 when refining.
    public const float HuntIntra = 10f, HuntInter = 10f, Authentic = 1000f;

    /// <summary>
    /// Runs the chain; returns how many minima the store holds (best first). With patience &gt; 0 the chain ends once that
    /// many steps have passed without improving its best refined energy (the rest of its budget would most likely only
    /// revisit the basins it knows).
    /// </summary>
    public static int Run<TS, TE>(TS s, ChainLayout L, TE objective, ref Rng rng, SearchBounds box, float gyration,
        int globalSteps, int localSteps, int patience, float minRmsd, ref int evaluations)
        where TS : struct, IFloatBuffer where TE : struct, IConformationObjective
    {
        var p = Start(s, L, ref rng, box);
        Advance(s, L, objective, ref rng, ref p, gyration, globalSteps, localSteps, patience, minRmsd, ref evaluations);
        return p.Count;
    }

    /// <summary>Puts the chain at a random pose in the box with an empty history; <see cref="Advance"/> then runs it.</summary>
    public static ChainProgress Start<TS>(TS s, ChainLayout L, ref Rng rng, SearchBounds box) where TS : struct, IFloatBuffer
    {
        Randomize(s, L.Current, L.Bfgs.C, ref rng, box);
        VisitedHistory.Clear(s, L.History);
        return new ChainProgress { CurrentE = float.MaxValue, BestE = float.MaxValue };
    }

    /// <summary>
    /// Runs the chain's steps up to (not including) <paramref name="untilStep"/>, or until its patience runs out (then
    /// <see cref="ChainProgress.Ended"/> is set). Everything a step needs lives in the state buffer, the generator and the
    /// progress, so running in pieces gives the same trajectory as running at once.
    /// </summary>
    public static void Advance<TS, TE>(TS s, ChainLayout L, TE objective, ref Rng rng, ref ChainProgress p, float gyration,
        int untilStep, int localSteps, int patience, float minRmsd, ref int evaluations)
        where TS : struct, IFloatBuffer where TE : struct, IConformationObjective
    {
        int c = L.Bfgs.C, x = L.Bfgs.X;
        for (; p.Step < untilStep && p.Ended == 0; p.Step++)
        {
            int step = p.Step;
            if (patience > 0 && step - p.Improved > patience) { p.Ended = 1; break; }
            BfgsCore.Copy(s, L.Current, x, c);
            Mutate(s, x, c, ref rng, gyration);
            // only the capped search consults the history: its energies are comparable with one another
            float e = BfgsCore.Minimize(s, L.Bfgs, L.History, objective, localSteps, HuntIntra, HuntInter, ref evaluations);
            if (step == 0 || Accept(p.CurrentE, e, ref rng))
            {
                BfgsCore.Copy(s, x, L.Current, c);
                p.CurrentE = e;
                if (e < p.BestE || p.Count < L.Minima.Capacity)
                {
                    // as in Vina the chain continues from the refined pose and its uncapped energy
                    float re = BfgsCore.Minimize(s, L.Bfgs, objective, localSteps, Authentic, Authentic, ref evaluations);
                    BfgsCore.Copy(s, x, L.Current, c);
                    p.CurrentE = re;
                    objective.Eval(L.Current, -1, Authentic, Authentic);
                    int slot = L.Minima.Slot(p.Count);
                    s[slot] = re;
                    BfgsCore.Copy(s, L.Current, slot + 1, c);
                    for (int k = 0; k < L.Minima.HC; k++) s[slot + 1 + c + k] = objective.Heavy(k);
                    p.Count = MinimaStore.Add(s, L.Minima, p.Count, minRmsd);
                    if (re < p.BestE) { p.BestE = re; p.Improved = step; }
                }
            }
        }
    }

    static void Randomize<TS>(TS s, int o, int c, ref Rng rng, SearchBounds box) where TS : struct, IFloatBuffer
    {
        s[o] = rng.Uniform(box.OX, box.EX);
        s[o + 1] = rng.Uniform(box.OY, box.EY);
        s[o + 2] = rng.Uniform(box.OZ, box.EZ);
        float w = rng.Normal(), qx = rng.Normal(), qy = rng.Normal(), qz = rng.Normal();
        float n = 1f / MathF.Sqrt(w * w + qx * qx + qy * qy + qz * qz);
        s[o + 3] = w * n; s[o + 4] = qx * n; s[o + 5] = qy * n; s[o + 6] = qz * n;
        for (int k = 7; k < c; k++) s[o + k] = rng.Uniform(-MathF.PI, MathF.PI);
    }

    static void Mutate<TS>(TS s, int o, int c, ref Rng rng, float gyration) where TS : struct, IFloatBuffer
    {
        int torsions = c - 7;
        int which = rng.NextInt(2 + torsions);
        if (which == 0)
        {
            rng.InsideSphere(out float x, out float y, out float z);
            s[o] += MutationAmplitude * x; s[o + 1] += MutationAmplitude * y; s[o + 2] += MutationAmplitude * z;
        }
        else if (which == 1)
        {
            if (gyration > 1e-6f)
            {
                rng.InsideSphere(out float x, out float y, out float z);
                float f = MutationAmplitude / gyration;
                Quat.Increment(s, o + 3, f * x, f * y, f * z);
            }
        }
        else s[o + 7 + which - 2] = rng.Uniform(-MathF.PI, MathF.PI);
    }

    static bool Accept(float oldE, float newE, ref Rng rng) =>
        newE < oldE || rng.NextFloat() < MathF.Exp((oldE - newE) / Temperature);
}
