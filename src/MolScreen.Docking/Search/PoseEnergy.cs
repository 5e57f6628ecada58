using MolScreen.Docking.Compute;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Search;

/// <summary>
/// The search objective: grid intermolecular energy (trilinear, capped per atom by vInter) plus intramolecular pair energy
/// (capped per pair by vIntra), with the analytic gradient. Shared, read-only; each chain brings its own <see cref="ChainWork"/>.
/// The formulas are <see cref="KinematicsCore"/> and <see cref="PoseEnergyCore"/>, which the GPU kernels run too.
/// </summary>
public sealed class PoseEnergy
{
    public LigandModel Ligand { get; }
    public LigandKinematics Kinematics { get; }
    public GridMaps Maps { get; }
    public PairTable Table { get; }
    /// <summary>Glue flags as ints, the form the shared code (and GPU buffers) take.</summary>
    public int[] PairGlued { get; }

    public PoseEnergy(LigandModel lig, LigandKinematics kin, GridMaps maps, PairTable table)
    {
        (Ligand, Kinematics, Maps, Table) = (lig, kin, maps, table);
        PairGlued = lig.PairGlued.Select(g => g ? 1 : 0).ToArray();
        CheckIndices();
    }

    /// <summary>
    /// Every index the energy core derives from these tables stays inside them, which is what lets <see cref="Eval"/> read
    /// them unchecked: scored types have a whole map, pairs name atoms of this ligand and a row of the pair table (the core
    /// reads at most sample Factor·r² + 1 &lt; Samples for r² below the cut-off), the lattice has two points per axis.
    /// </summary>
    void CheckIndices()
    {
        var lig = Ligand;
        int n = lig.AtomCount, points = Maps.PointsPerMap;
        if (Maps.NX < 2 || Maps.NY < 2 || Maps.NZ < 2) throw new DockingException($"grid maps: {Maps.NX}×{Maps.NY}×{Maps.NZ} points, need ≥ 2 per axis");
        if (lig.Xs.Length != n || Kinematics.Atoms != n) throw new DockingException($"ligand {lig.Name}: per-atom tables disagree on the atom count");
        for (int i = 0; i < n; i++)
        {
            int t = lig.Xs[i];
            if (t < 0) continue;
            if (t >= Maps.MapOffset.Length || Maps.MapOffset[t] < 0 || (long)Maps.MapOffset[t] + points > Maps.Data.Length)
                throw new DockingException($"ligand {lig.Name}: atom {i + 1} has type {t} without a grid map");
        }
        int pairs = lig.PairA.Length;
        if (lig.PairB.Length != pairs || lig.PairType.Length != pairs || PairGlued.Length != pairs)
            throw new DockingException($"ligand {lig.Name}: pair tables disagree on the pair count");
        for (int p = 0; p < pairs; p++)
            if ((uint)lig.PairA[p] >= (uint)n || (uint)lig.PairB[p] >= (uint)n || (uint)lig.PairType[p] >= XsType.PairCount)
                throw new DockingException($"ligand {lig.Name}: intramolecular pair {p} names atoms {lig.PairA[p]}, {lig.PairB[p]} or type {lig.PairType[p]} out of range");
        if (Table.EnergyDor.Length < 2 * XsType.PairCount * PairTable.Samples)
            throw new DockingException("pair table shorter than its type count");
    }

    /// <summary>Energy at conf; gradient into grad when it is not empty. Coordinates stay in work.X/Y/Z.</summary>
    public float Eval(ReadOnlySpan<float> conf, Span<float> grad, ChainWork w, float vIntra, float vInter, out float inter)
    {
        var lig = Ligand;
        int n = lig.AtomCount;
        if (w.X.Length < n || w.Y.Length < n || w.Z.Length < n || w.GX.Length < n || w.GY.Length < n || w.GZ.Length < n)
            throw new ArgumentException($"chain scratch holds fewer than the ligand's {n} atoms", nameof(w));
        Kinematics.Build(conf, w.X, w.Y, w.Z, w.Frames);
        // unchecked reads: CheckIndices proved the table indices, the line above the scratch sizes
        float e = PoseEnergyCore.Eval(new UncheckedInts(lig.Xs), n, new UncheckedInts(lig.PairA), new UncheckedInts(lig.PairB),
            new UncheckedInts(lig.PairType), new UncheckedInts(PairGlued), lig.PairA.Length, new UncheckedFloats(Maps.Data),
            new UncheckedInts(Maps.MapOffset), Maps.Geometry, new UncheckedFloats(Table.EnergyDor),
            Table.Weights, vIntra, vInter, new UncheckedFloats(w.X), new UncheckedFloats(w.Y), new UncheckedFloats(w.Z),
            new UncheckedFloats(w.GX), new UncheckedFloats(w.GY), new UncheckedFloats(w.GZ), out inter);
        if (!grad.IsEmpty) Kinematics.Project(w.X, w.Y, w.Z, w.GX, w.GY, w.GZ, w.Frames, grad);
        return e;
    }
}

/// <summary>Scratch arrays of one Monte Carlo chain (no allocation inside the search loop).</summary>
public sealed class ChainWork
{
    public readonly float[] X, Y, Z, GX, GY, GZ, Frames;

    public ChainWork(LigandKinematics kin)
    {
        int n = kin.Atoms;
        X = new float[n]; Y = new float[n]; Z = new float[n]; GX = new float[n]; GY = new float[n]; GZ = new float[n];
        Frames = kin.NewFrameScratch();
    }
}
