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
    public int Evaluations => _evaluations;
    int _evaluations;
    float[] _state = [];
    ChainLayout _layout;
    Rng _rng;
    ChainProgress _progress;
    ChainWork? _work;
    float _gyration;
    int _localSteps, _patience;
    float _minRmsd;

    public List<Minimum> Run(long seed, int chain, int globalSteps, int localSteps, int patience, float minRmsd, int savedMinima, bool skipVisited)
    {
        Start(seed, chain, localSteps, patience, minRmsd, savedMinima, skipVisited);
        Advance(globalSteps);
        return Minima();
    }

    /// <summary>Seeds the chain (generator (seed, chain)) and places it; <see cref="Advance"/> runs it in pieces.</summary>
    public void Start(long seed, int chain, int localSteps, int patience, float minRmsd, int savedMinima, bool skipVisited)
    {
        var kin = energy.Kinematics;
        _rng = new Rng(seed, chain);
        _work = new ChainWork(kin);
        _layout = new ChainLayout(kin.ConfSize, kin.GradSize, heavyAtoms.Length, savedMinima, skipVisited);
        _state = new float[_layout.Size];
        _gyration = Gyration(kin, heavyAtoms);
        (_localSteps, _patience, _minRmsd, _evaluations) = (localSteps, patience, minRmsd, 0);
        _progress = MonteCarloCore.Start(new FloatArray(_state), _layout, ref _rng, Bounds(energy.Maps.Box));
    }

    /// <summary>Runs steps up to <paramref name="untilStep"/> (exclusive) unless the chain's patience ends it first.</summary>
    public void Advance(int untilStep)
    {
        var kin = energy.Kinematics;
        var objective = new CpuObjective(energy, _work!, _state, heavyAtoms, kin.ConfSize, kin.GradSize);
        MonteCarloCore.Advance(new FloatArray(_state), _layout, objective, ref _rng, ref _progress, _gyration, untilStep,
            _localSteps, _patience, _minRmsd, ref _evaluations);
    }

    /// <summary>Next step to run, step of the last improvement of the best, and whether patience ended the chain.</summary>
    public ChainProgress Progress => _progress;

    /// <summary>The chain's best minimum so far (null before its first), for <see cref="ChainConsensus"/>.</summary>
    public Minimum? Best => _progress.Count > 0 ? Minima(_state, _layout.Minima, 1)[0] : null;

    public List<Minimum> Minima() => Minima(_state, _layout.Minima, _progress.Count);

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
