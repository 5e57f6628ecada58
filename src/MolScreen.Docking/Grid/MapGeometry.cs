namespace MolScreen.Docking.Grid;

/// <summary>The map lattice as plain numbers (points per axis, origin, spacing), passed by value to CPU and GPU energy code.</summary>
public readonly struct MapGeometry
{
    public readonly int NX, NY, NZ;
    public readonly float OX, OY, OZ, Spacing;

    public MapGeometry(int nx, int ny, int nz, float ox, float oy, float oz, float spacing)
    {
        NX = nx; NY = ny; NZ = nz; OX = ox; OY = oy; OZ = oz; Spacing = spacing;
    }
}
