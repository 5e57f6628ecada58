using System.Runtime.CompilerServices;
using MolScreen.Docking.Compute;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;

namespace MolScreen.Docking.Search;

/// <summary>
/// The search objective on built coordinates, generic over accessors so <see cref="PoseEnergy"/> and the GPU kernels share
/// it: grid intermolecular energy (trilinear, capped per atom by vInter) plus intramolecular pair energy (capped per pair by
/// vIntra), with the atom gradient written to gx/gy/gz. Ligand tables: xs[atom] (−1 = not scored), pairA/pairB/pairType/
/// pairGlued[pair] (glued: 1 for a macrocycle glue pair). mapOffset[xsType] locates each map in maps; energyDor is
/// <see cref="PairTable.EnergyDor"/>.
/// </summary>
public static class PoseEnergyCore
{
    public static float Eval<TI, TF, TB>(TI xs, int atoms, TI pairA, TI pairB, TI pairType, TI pairGlued, int pairs,
        TF maps, TI mapOffset, MapGeometry g, TF energyDor, in ScoringWeights weights, float vIntra, float vInter,
        TB x, TB y, TB z, TB gx, TB gy, TB gz, out float inter)
        where TI : struct, IIntTable, allows ref struct where TF : struct, IFloatTable, allows ref struct where TB : struct, IFloatBuffer, allows ref struct
    {
        inter = Inter(xs, atoms, maps, mapOffset, g, vInter, x, y, z, gx, gy, gz);
        return inter + Intra(pairA, pairB, pairType, pairGlued, pairs, energyDor, weights.Glue, vIntra, x, y, z, gx, gy, gz);
    }

    /// <summary>Grid energy of every scored atom; sets (not adds) each atom's gradient, 0 for unscored atoms.</summary>
    // Kept out of line (like Intra): one method holding both loops' variables made the JIT spill most of them to the stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float Inter<TI, TF, TB>(TI xs, int atoms, TF maps, TI mapOffset, MapGeometry g, float vInter,
        TB x, TB y, TB z, TB gx, TB gy, TB gz)
        where TI : struct, IIntTable, allows ref struct where TF : struct, IFloatTable, allows ref struct where TB : struct, IFloatBuffer, allows ref struct
    {
        float inter = 0f;
        for (int i = 0; i < atoms; i++)
        {
            int t = xs[i];
            if (t < 0) { gx[i] = 0f; gy[i] = 0f; gz[i] = 0f; continue; }
            inter += AtomTerm(maps, mapOffset, g, vInter, t, x[i], y[i], z[i], out float ax, out float ay, out float az);
            gx[i] = ax; gy[i] = ay; gz[i] = az;
        }
        return inter;
    }

    /// <summary>Intramolecular pair energy (each pair capped by vIntra); adds each pair's force to the atom gradients.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float Intra<TI, TF, TB>(TI pairA, TI pairB, TI pairType, TI pairGlued, int pairs, TF energyDor,
        float glueWeight, float vIntra, TB x, TB y, TB z, TB gx, TB gy, TB gz)
        where TI : struct, IIntTable, allows ref struct where TF : struct, IFloatTable, allows ref struct where TB : struct, IFloatBuffer, allows ref struct
    {
        float intra = 0f;
        // Pairs come grouped by their first atom (the reader emits them so); while it stays the same, its position and
        // gradient live in registers instead of a store and reload per pair. The subtractions happen in the same order on
        // the same float values, so the result is bit-identical to updating gx[a] in place (b never equals a).
        int cur = -1;
        float xa = 0f, ya = 0f, za = 0f, gax = 0f, gay = 0f, gaz = 0f;
        for (int p = 0; p < pairs; p++)
        {
            int a = pairA[p], b = pairB[p];
            if (a != cur)
            {
                if (cur >= 0) { gx[cur] = gax; gy[cur] = gay; gz[cur] = gaz; }
                cur = a;
                xa = x[a]; ya = y[a]; za = z[a];
                gax = gx[a]; gay = gy[a]; gaz = gz[a];
            }
            if (!PairTerm(pairType, pairGlued, p, energyDor, glueWeight, vIntra, x[b] - xa, y[b] - ya, z[b] - za,
                    out float e, out float fx, out float fy, out float fz)) continue;
            intra += e;
            gax -= fx; gay -= fy; gaz -= fz;
            gx[b] += fx; gy[b] += fy; gz[b] += fz;
        }
        if (cur >= 0) { gx[cur] = gax; gy[cur] = gay; gz[cur] = gaz; }
        return intra;
    }

    /// <summary>
    /// Grid energy of one scored atom (xs type t ≥ 0) at (x, y, z) and its gradient: the term <see cref="Inter"/> sums, also
    /// evaluated atom by atom across the lanes of a GPU chain group, so both paths share the one formula.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AtomTerm<TI, TF>(TF maps, TI mapOffset, MapGeometry g, float vInter, int t, float x, float y, float z,
        out float ax, out float ay, out float az)
        where TI : struct, IIntTable, allows ref struct where TF : struct, IFloatTable, allows ref struct =>
        Trilinear.Eval(maps, mapOffset[t], g.NX, g.NY, g.NZ, g.OX, g.OY, g.OZ, g.Spacing, x, y, z, vInter, out ax, out ay, out az);

    /// <summary>
    /// Pair p at separation (dx, dy, dz) = b − a: its capped energy and the force (fx, fy, fz) it adds to b and takes from a
    /// (the term <see cref="Intra"/> sums, shared with the GPU chain group). False when the pair contributes nothing; the
    /// caller then must not touch the sums (adding +0 would turn a −0 gradient into +0 and break bit-equality).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool PairTerm<TI, TF>(TI pairType, TI pairGlued, int p, TF energyDor, float glueWeight, float vIntra,
        float dx, float dy, float dz, out float energy, out float fx, out float fy, out float fz)
        where TI : struct, IIntTable, allows ref struct where TF : struct, IFloatTable, allows ref struct
    {
        const float glueCut2 = PairPotential.GlueCutoff * PairPotential.GlueCutoff;
        float r2 = dx * dx + dy * dy + dz * dz;
        float e = 0f, dor = 0f;
        if (r2 < PairTable.CutoffSqr) e = PairTable.EvalDeriv(energyDor, pairType[p], r2, out dor);
        if (pairGlued[p] != 0 && r2 < glueCut2)
        {
            e += PairPotential.GlueDeriv(r2, glueWeight, out float gd);
            dor += gd;
        }
        if (e == 0f && dor == 0f) { energy = fx = fy = fz = 0f; return false; }
        energy = PairPotential.Curl(e, vIntra, out float c);
        fx = dor * c * dx; fy = dor * c * dy; fz = dor * c * dz;
        return true;
    }
}
