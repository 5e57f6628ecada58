using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Search;

/// <summary>
/// The search objective: grid intermolecular energy (trilinear, capped per atom by vInter) plus intramolecular pair energy
/// (capped per pair by vIntra), with the analytic gradient. Shared, read-only; each chain brings its own <see cref="ChainWork"/>.
/// </summary>
public sealed class PoseEnergy(LigandModel lig, LigandKinematics kin, GridMaps maps, PairTable table)
{
    public LigandModel Ligand { get; } = lig;
    public LigandKinematics Kinematics { get; } = kin;
    public GridMaps Maps { get; } = maps;
    public PairTable Table { get; } = table;

    /// <summary>Energy at conf; gradient into grad when it is not empty. Coordinates stay in work.X/Y/Z.</summary>
    public float Eval(ReadOnlySpan<float> conf, Span<float> grad, ChainWork w, float vIntra, float vInter, out float inter)
    {
        Kinematics.Build(conf, w.X, w.Y, w.Z, w.Frames);
        var lig = Ligand;
        var m = Maps;
        var data = m.Data.AsSpan();
        int points = m.PointsPerMap;
        var box = m.Box;
        float ox = box.OriginX, oy = box.OriginY, oz = box.OriginZ, s = box.Spacing;
        inter = 0f;
        for (int i = 0; i < lig.AtomCount; i++)
        {
            int t = lig.Xs[i];
            if (t < 0) { w.GX[i] = w.GY[i] = w.GZ[i] = 0; continue; }
            inter += Trilinear.Eval(data.Slice(m.MapOffset[t], points), m.NX, m.NY, m.NZ, ox, oy, oz, s, w.X[i], w.Y[i], w.Z[i], vInter,
                out w.GX[i], out w.GY[i], out w.GZ[i]);
        }
        float intra = 0f;
        var energy = Table.Energy.AsSpan();
        var dorT = Table.Dor.AsSpan();
        var weights = Table.Weights;
        const float glueCut2 = PairPotential.GlueCutoff * PairPotential.GlueCutoff;
        for (int p = 0; p < lig.PairA.Length; p++)
        {
            int a = lig.PairA[p], b = lig.PairB[p];
            float dx = w.X[b] - w.X[a], dy = w.Y[b] - w.Y[a], dz = w.Z[b] - w.Z[a];
            float r2 = dx * dx + dy * dy + dz * dz;
            float e = 0f, dor = 0f;
            if (r2 < PairTable.CutoffSqr) e = PairTable.EvalDeriv(energy, dorT, lig.PairType[p], r2, out dor);
            if (lig.PairGlued[p] && r2 < glueCut2)
            {
                e += PairPotential.GlueDeriv(r2, weights, out float gd);
                dor += gd;
            }
            if (e == 0f && dor == 0f) continue;
            float c = PairPotential.CurlGradientFactor(e, vIntra);
            intra += PairPotential.Curl(e, vIntra);
            float fx = dor * c * dx, fy = dor * c * dy, fz = dor * c * dz;
            w.GX[a] -= fx; w.GY[a] -= fy; w.GZ[a] -= fz;
            w.GX[b] += fx; w.GY[b] += fy; w.GZ[b] += fz;
        }
        if (!grad.IsEmpty) Kinematics.Project(w.X, w.Y, w.Z, w.GX, w.GY, w.GZ, w.Frames, grad);
        return inter + intra;
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
