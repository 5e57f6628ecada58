using MolScreen.Docking.Compute;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Grid;

/// <summary>
/// Precomputed receptor energy maps, one per ligand X-Score type, on the box lattice: the value at a lattice point is the
/// intermolecular energy a ligand atom of that type would feel there (Vina's cache). All maps share one flat array,
/// map t at offset <see cref="MapOffset"/>[t] (−1 when the ligand has no atom of type t), points ordered x-major, z fastest.
/// </summary>
public sealed class GridMaps
{
    public required GridBox Box { get; init; }
    public required int NX { get; init; }
    public required int NY { get; init; }
    public required int NZ { get; init; }
    public required float[] Data { get; init; }
    public required int[] MapOffset { get; init; }
    public int PointsPerMap => NX * NY * NZ;
    public MapGeometry Geometry => new(NX, NY, NZ, Box.OriginX, Box.OriginY, Box.OriginZ, Box.Spacing);

    /// <summary>Builds the maps needed for the given ligand types; deterministic (each point is computed independently).</summary>
    public static GridMaps Build(Receptor receptor, GridBox box, PairTable table, IEnumerable<int> ligandTypes)
    {
        var inp = GridMapInputs.Create(receptor, box, table, ligandTypes);
        int nx = inp.NX, ny = inp.NY, nz = inp.NZ, maps = inp.Types.Length;
        var data = new float[(long)maps * inp.PointsPerMap];
        float ox = box.OriginX, oy = box.OriginY, oz = box.OriginZ, s = box.Spacing;
        var grid = inp.Cells.Grid;
        IntArray start = new(inp.Cells.CellStart), items = new(inp.Cells.CellItems), rtype = new(inp.RType);
        FloatArray rx = new(inp.RX), ry = new(inp.RY), rz = new(inp.RZ), typeRows = new(inp.TypeRows);
        int points = inp.PointsPerMap;

        Parallel.For(0, nx, () => new float[maps], (ix, _, acc) =>
        {
            float px = ox + ix * s;
            var accumulator = new FloatArray(acc);
            for (int iy = 0; iy < ny; iy++)
            {
                float py = oy + iy * s;
                for (int iz = 0; iz < nz; iz++)
                {
                    float pz = oz + iz * s;
                    Array.Clear(acc);
                    GridPoint.Accumulate(px, py, pz, grid, start, items, rx, ry, rz, rtype, typeRows, maps, accumulator);
                    int p = (ix * ny + iy) * nz + iz;
                    for (int k = 0; k < maps; k++) data[(long)k * points + p] = acc[k];
                }
            }
            return acc;
        }, _ => { });
        return new GridMaps { Box = box, NX = nx, NY = ny, NZ = nz, Data = data, MapOffset = inp.MapOffset };
    }
}
