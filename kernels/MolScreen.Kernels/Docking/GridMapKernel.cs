using ILGPU;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Typing;

namespace MolScreen.Kernels.Docking;

/// <summary>The lattice a map kernel fills: origin, spacing, points per axis and map count.</summary>
public readonly struct MapLattice(float ox, float oy, float oz, float spacing, int ny, int nz, int maps, int points)
{
    public readonly float OX = ox, OY = oy, OZ = oz, Spacing = spacing;
    public readonly int NY = ny, NZ = nz, Maps = maps, Points = points;
}

/// <summary>
/// Grid maps on the device: one thread per lattice point computes every map's value there with <see cref="GridPoint.Accumulate"/>,
/// the same code (and summation order) as the CPU build, so the maps agree to rounding.
/// </summary>
public static class GridMapKernel
{
    /// <param name="point">lattice point index (x-major, z fastest)</param>
    /// <param name="data">maps × points, zeroed before the launch</param>
    public static void Fill(Index1D point, MapLattice lat, CellGrid cells, ArrayView<int> cellStart, ArrayView<int> cellItems,
        ArrayView<float> rx, ArrayView<float> ry, ArrayView<float> rz, ArrayView<int> rtype, ArrayView<float> typeRows,
        ArrayView<float> data)
    {
        int p = point.X;
        int iz = p % lat.NZ, iy = p / lat.NZ % lat.NY, ix = p / (lat.NZ * lat.NY);
        float px = lat.OX + ix * lat.Spacing, py = lat.OY + iy * lat.Spacing, pz = lat.OZ + iz * lat.Spacing;
        GridPoint.Accumulate(px, py, pz, cells, new IntView(cellStart), new IntView(cellItems), new FloatView(rx), new FloatView(ry),
            new FloatView(rz), new IntView(rtype), new FloatView(typeRows), lat.Maps, new StridedView(data, p, lat.Points));
    }
}
