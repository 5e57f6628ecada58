using MolScreen.Docking.Compute;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;

namespace MolScreen.Docking.Search;

/// <summary>
/// The search objective on built coordinates, generic over accessors so <see cref="PoseEnergy"/> and the GPU kernels share
/// it: grid intermolecular energy (trilinear, capped per atom by vInter) plus intramolecular pair energy (capped per pair by
/// vIntra), with the atom gradient written to gx/gy/gz. Ligand tables: xs[atom] (−1 = not scored), pairA/pairB/pairType/
/// pairGlued[pair] (glued: 1 for a macrocycle glue pair). mapOffset[xsType] locates each map in maps.
/// </summary>
public static class PoseEnergyCore
{
    public static float Eval<TI, TF, TB>(TI xs, int atoms, TI pairA, TI pairB, TI pairType, TI pairGlued, int pairs,
        TF maps, TI mapOffset, MapGeometry g, TF energy, TF dorTable, in ScoringWeights weights, float vIntra, float vInter,
        TB x, TB y, TB z, TB gx, TB gy, TB gz, out float inter)
        where TI : struct, IIntTable, allows ref struct where TF : struct, IFloatTable, allows ref struct where TB : struct, IFloatBuffer, allows ref struct
    {
        inter = 0f;
        for (int i = 0; i < atoms; i++)
        {
            int t = xs[i];
            if (t < 0) { gx[i] = 0f; gy[i] = 0f; gz[i] = 0f; continue; }
            inter += Trilinear.Eval(maps, mapOffset[t], g.NX, g.NY, g.NZ, g.OX, g.OY, g.OZ, g.Spacing, x[i], y[i], z[i], vInter,
                out float ax, out float ay, out float az);
            gx[i] = ax; gy[i] = ay; gz[i] = az;
        }
        float intra = 0f;
        const float glueCut2 = PairPotential.GlueCutoff * PairPotential.GlueCutoff;
        for (int p = 0; p < pairs; p++)
        {
            int a = pairA[p], b = pairB[p];
            float dx = x[b] - x[a], dy = y[b] - y[a], dz = z[b] - z[a];
            float r2 = dx * dx + dy * dy + dz * dz;
            float e = 0f, dor = 0f;
            if (r2 < PairTable.CutoffSqr) e = PairTable.EvalDeriv(energy, dorTable, pairType[p], r2, out dor);
            if (pairGlued[p] != 0 && r2 < glueCut2)
            {
                e += PairPotential.GlueDeriv(r2, weights, out float gd);
                dor += gd;
            }
            if (e == 0f && dor == 0f) continue;
            float c = PairPotential.CurlGradientFactor(e, vIntra);
            intra += PairPotential.Curl(e, vIntra);
            float fx = dor * c * dx, fy = dor * c * dy, fz = dor * c * dz;
            gx[a] -= fx; gy[a] -= fy; gz[a] -= fz;
            gx[b] += fx; gy[b] += fy; gz[b] += fz;
        }
        return inter + intra;
    }
}
