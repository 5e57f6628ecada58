using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

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

    /// <summary>Builds the maps needed for the given ligand types; deterministic (each point is computed independently).</summary>
    public static GridMaps Build(Receptor receptor, GridBox box, PairTable table, IEnumerable<int> ligandTypes)
    {
        var types = ligandTypes.Where(t => t >= 0).Distinct().OrderBy(t => t).ToArray();
        int nx = box.IntervalsX + 1, ny = box.IntervalsY + 1, nz = box.IntervalsZ + 1;
        int points = nx * ny * nz;
        var offset = Enumerable.Repeat(-1, XsType.Count).ToArray();
        for (int k = 0; k < types.Length; k++) offset[types[k]] = k * points;
        var data = new float[(long)types.Length * points];

        // receptor heavy atoms that can reach the box
        float reach = ScoringWeights.Cutoff;
        var idx = Enumerable.Range(0, receptor.Count).Where(i => receptor.Xs[i] >= 0
            && receptor.X[i] > box.OriginX - reach && receptor.X[i] < box.EndX + reach
            && receptor.Y[i] > box.OriginY - reach && receptor.Y[i] < box.EndY + reach
            && receptor.Z[i] > box.OriginZ - reach && receptor.Z[i] < box.EndZ + reach).ToArray();
        var rx = idx.Select(i => receptor.X[i]).ToArray();
        var ry = idx.Select(i => receptor.Y[i]).ToArray();
        var rz = idx.Select(i => receptor.Z[i]).ToArray();
        var rt = idx.Select(i => receptor.Xs[i]).ToArray();
        var cells = new CellList(rx, ry, rz, reach / 2);
        float ox = box.OriginX, oy = box.OriginY, oz = box.OriginZ, s = box.Spacing;
        var fast = table.Fast;
        int samples = PairTable.Samples;
        // per ligand type, the base index of its row for every receptor type
        var rowBase = new int[types.Length * XsType.Count];
        for (int k = 0; k < types.Length; k++)
            for (int t = 0; t < XsType.Count; t++) rowBase[k * XsType.Count + t] = XsType.PairIndex(types[k], t) * samples;

        Parallel.For(0, nx, () => (new List<int>(1024), new float[types.Length]), (ix, _, local) =>
        {
            var (near, acc) = local;
            float px = ox + ix * s;
            for (int iy = 0; iy < ny; iy++)
            {
                float py = oy + iy * s;
                for (int iz = 0; iz < nz; iz++)
                {
                    float pz = oz + iz * s;
                    near.Clear();
                    cells.Within(px, py, pz, reach, near);
                    Array.Clear(acc);
                    foreach (int a in near)
                    {
                        float dx = px - rx[a], dy = py - ry[a], dz = pz - rz[a];
                        float r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 >= PairTable.CutoffSqr) continue;
                        int bin = (int)(PairTable.Factor * r2);
                        int ta = rt[a];
                        for (int k = 0; k < acc.Length; k++) acc[k] += fast[rowBase[k * XsType.Count + ta] + bin];
                    }
                    int p = (ix * ny + iy) * nz + iz;
                    for (int k = 0; k < acc.Length; k++) data[(long)k * points + p] = acc[k];
                }
            }
            return local;
        }, _ => { });
        return new GridMaps { Box = box, NX = nx, NY = ny, NZ = nz, Data = data, MapOffset = offset };
    }
}
