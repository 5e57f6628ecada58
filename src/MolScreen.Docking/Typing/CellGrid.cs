namespace MolScreen.Docking.Typing;

/// <summary>
/// The geometry of a <see cref="CellList"/> (origin, cell length, cell counts) as a plain struct, so the same neighbour walk
/// runs over the list's flat start/item arrays on the CPU and inside GPU kernels.
/// </summary>
public readonly struct CellGrid
{
    public readonly float Cell, MinX, MinY, MinZ;
    public readonly int NX, NY, NZ;

    public CellGrid(float cell, float minX, float minY, float minZ, int nx, int ny, int nz)
    {
        Cell = cell; MinX = minX; MinY = minY; MinZ = minZ; NX = nx; NY = ny; NZ = nz;
    }

    /// <summary>Cell index range [lo, hi] along one axis of the cube of half-width reach around v (clamped to the grid).</summary>
    public void AxisRange(float v, float min, float reach, int n, out int lo, out int hi)
    {
        lo = (int)MathF.Floor((v - reach - min) / Cell);
        hi = (int)MathF.Floor((v + reach - min) / Cell);
        if (lo < 0) lo = 0;
        if (hi > n - 1) hi = n - 1;
    }
}
