namespace MolScreen.Docking.Typing;

/// <summary>Uniform spatial hash for neighbour queries within a fixed reach (bond perception, grid maps, receptor cropping).</summary>
public sealed class CellList
{
    readonly float _cell, _minX, _minY, _minZ;
    readonly int _nx, _ny, _nz;
    readonly int[] _start, _items;

    public CellList(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, float cell)
    {
        _cell = cell;
        int n = x.Length;
        float minX = float.MaxValue, minY = float.MaxValue, minZ = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue, maxZ = float.MinValue;
        for (int i = 0; i < n; i++)
        {
            minX = MathF.Min(minX, x[i]); maxX = MathF.Max(maxX, x[i]);
            minY = MathF.Min(minY, y[i]); maxY = MathF.Max(maxY, y[i]);
            minZ = MathF.Min(minZ, z[i]); maxZ = MathF.Max(maxZ, z[i]);
        }
        if (n == 0) { minX = minY = minZ = maxX = maxY = maxZ = 0; }
        (_minX, _minY, _minZ) = (minX, minY, minZ);
        _nx = (int)((maxX - minX) / cell) + 1; _ny = (int)((maxY - minY) / cell) + 1; _nz = (int)((maxZ - minZ) / cell) + 1;
        var count = new int[_nx * _ny * _nz + 1];
        var cellOf = new int[n];
        for (int i = 0; i < n; i++) { cellOf[i] = CellIndex(x[i], y[i], z[i]); count[cellOf[i] + 1]++; }
        for (int c = 1; c < count.Length; c++) count[c] += count[c - 1];
        _start = (int[])count.Clone();
        _items = new int[n];
        var fill = (int[])count.Clone();
        for (int i = 0; i < n; i++) _items[fill[cellOf[i]]++] = i;
    }

    /// <summary>Geometry and flat arrays for walking the list without it (GPU kernels, shared generic code).</summary>
    public CellGrid Grid => new(_cell, _minX, _minY, _minZ, _nx, _ny, _nz);
    /// <summary>Items of cell c are CellItems[CellStart[c] .. CellStart[c + 1]).</summary>
    public int[] CellStart => _start;
    public int[] CellItems => _items;

    int Clamp(int v, int max) => v < 0 ? 0 : v >= max ? max - 1 : v;
    int CellIndex(float x, float y, float z) =>
        (Clamp((int)((x - _minX) / _cell), _nx) * _ny + Clamp((int)((y - _minY) / _cell), _ny)) * _nz + Clamp((int)((z - _minZ) / _cell), _nz);

    /// <summary>Adds every item in the 27 cells around the point (a superset of those within one cell length).</summary>
    public void Near(float x, float y, float z, List<int> into) => Within(x, y, z, _cell, into);

    /// <summary>Adds every item in cells overlapping the cube of half-width reach around the point (a superset of the sphere).</summary>
    public void Within(float x, float y, float z, float reach, List<int> into)
    {
        var g = Grid;
        g.AxisRange(x, _minX, reach, _nx, out int x0, out int x1);
        g.AxisRange(y, _minY, reach, _ny, out int y0, out int y1);
        g.AxisRange(z, _minZ, reach, _nz, out int z0, out int z1);
        for (int a = x0; a <= x1; a++)
            for (int b = y0; b <= y1; b++)
                for (int c = z0; c <= z1; c++)
                {
                    int cell = (a * _ny + b) * _nz + c;
                    for (int k = _start[cell]; k < _start[cell + 1]; k++) into.Add(_items[k]);
                }
    }
}
