using MolScreen.Docking.Compute;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Grid;

/// <summary>
/// The value of every map at one lattice point: the sum, over receptor atoms within the cut-off, of the piecewise-constant
/// pair energy (Vina's eval_fast). The one formula behind <see cref="GridMaps.Build"/> and the GPU grid kernel; generic
/// over table accessors so both pass their own storage and run this code unchanged.
/// </summary>
public static class GridPoint
{
    /// <summary>
    /// Adds to acc[k] (k &lt; maps) the energy map k's ligand type feels at (px, py, pz); typeRows is
    /// <see cref="GridMapInputs.TypeRows"/>.
    /// </summary>
    public static void Accumulate<TF, TI, TAcc>(float px, float py, float pz, CellGrid cells, TI cellStart, TI cellItems,
        TF rx, TF ry, TF rz, TI rtype, TF typeRows, int maps, TAcc acc)
        where TF : struct, IFloatTable where TI : struct, IIntTable where TAcc : struct, IFloatBuffer
    {
        float reach = ScoringWeights.Cutoff;
        cells.AxisRange(px, cells.MinX, reach, cells.NX, out int x0, out int x1);
        cells.AxisRange(py, cells.MinY, reach, cells.NY, out int y0, out int y1);
        cells.AxisRange(pz, cells.MinZ, reach, cells.NZ, out int z0, out int z1);
        for (int a = x0; a <= x1; a++)
            for (int b = y0; b <= y1; b++)
                for (int c = z0; c <= z1; c++)
                {
                    int cell = (a * cells.NY + b) * cells.NZ + c;
                    int end = cellStart[cell + 1];
                    for (int q = cellStart[cell]; q < end; q++)
                    {
                        int atom = cellItems[q];
                        float dx = px - rx[atom], dy = py - ry[atom], dz = pz - rz[atom];
                        float r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 >= PairTable.CutoffSqr) continue;
                        int row = (rtype[atom] * PairTable.Samples + (int)(PairTable.Factor * r2)) * maps;
                        for (int k = 0; k < maps; k++) acc[k] += typeRows[row + k];
                    }
                }
    }
}
