using MolScreen.Docking.Compute;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Search;

/// <summary>
/// The search objective: grid intermolecular energy (trilinear, capped per atom by vInter) plus intramolecular pair energy
/// (capped per pair by vIntra), with the analytic gradient. Shared, read-only; each chain brings its own <see cref="ChainWork"/>.
/// The formulas are <see cref="KinematicsCore"/> and <see cref="PoseEnergyCore"/>, which the GPU kernels run too.
/// </summary>
public sealed class PoseEnergy(LigandModel lig, LigandKinematics kin, GridMaps maps, PairTable table)
{
    public LigandModel Ligand { get; } = lig;
    public LigandKinematics Kinematics { get; } = kin;
    public GridMaps Maps { get; } = maps;
    public PairTable Table { get; } = table;
    /// <summary>Glue flags as ints, the form the shared code (and GPU buffers) take.</summary>
    public int[] PairGlued { get; } = lig.PairGlued.Select(g => g ? 1 : 0).ToArray();

    /// <summary>Energy at conf; gradient into grad when it is not empty. Coordinates stay in work.X/Y/Z.</summary>
    public float Eval(ReadOnlySpan<float> conf, Span<float> grad, ChainWork w, float vIntra, float vInter, out float inter)
    {
        Kinematics.Build(conf, w.X, w.Y, w.Z, w.Frames);
        var lig = Ligand;
        var weights = Table.Weights;
        float e = PoseEnergyCore.Eval(new IntArray(lig.Xs), lig.AtomCount, new IntArray(lig.PairA), new IntArray(lig.PairB),
            new IntArray(lig.PairType), new IntArray(PairGlued), lig.PairA.Length, new FloatArray(Maps.Data), new IntArray(Maps.MapOffset),
            Maps.Geometry, new FloatArray(Table.Energy), new FloatArray(Table.Dor), weights, vIntra, vInter,
            new FloatArray(w.X), new FloatArray(w.Y), new FloatArray(w.Z), new FloatArray(w.GX), new FloatArray(w.GY), new FloatArray(w.GZ),
            out inter);
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
