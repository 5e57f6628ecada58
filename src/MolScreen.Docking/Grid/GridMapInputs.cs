using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Docking.Grid;

/// <summary>
/// Everything a grid-map build reads, as flat arrays: the lattice, the map layout, the receptor heavy atoms that can reach
/// the box with their cell list, and the pair energies per receptor type for all maps. Built once and handed to the CPU
/// loop (<see cref="GridMaps.Build"/>) or uploaded to a GPU kernel, so both walk identical data in identical order.
/// </summary>
public sealed class GridMapInputs
{
    public required GridBox Box { get; init; }
    public required int NX { get; init; }
    public required int NY { get; init; }
    public required int NZ { get; init; }
    /// <summary>Ligand X-Score types that get a map, ascending; map k is <see cref="Types"/>[k].</summary>
    public required int[] Types { get; init; }
    /// <summary>Offset of each X-Score type's map in the flat data, −1 for types without a map.</summary>
    public required int[] MapOffset { get; init; }
    public required float[] RX { get; init; }
    public required float[] RY { get; init; }
    public required float[] RZ { get; init; }
    public required int[] RType { get; init; }
    public required CellList Cells { get; init; }
    /// <summary>
    /// The pair table's piecewise-constant samples (<see cref="PairTable.Fast"/>) regrouped per receptor type:
    /// TypeRows[(t · Samples + bin) · maps + k] is map k's ligand type against receptor type t at sample bin, so one receptor
    /// atom adds to every map from consecutive floats instead of one table row per map.
    /// </summary>
    public required float[] TypeRows { get; init; }
    public int PointsPerMap => NX * NY * NZ;

    public static GridMapInputs Create(Receptor receptor, GridBox box, PairTable table, IEnumerable<int> ligandTypes)
    {
        var types = ligandTypes.Where(t => t >= 0).Distinct().OrderBy(t => t).ToArray();
        int nx = box.IntervalsX + 1, ny = box.IntervalsY + 1, nz = box.IntervalsZ + 1;
        int points = nx * ny * nz;
        var offset = Enumerable.Repeat(-1, XsType.Count).ToArray();
        for (int k = 0; k < types.Length; k++) offset[types[k]] = k * points;

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
        int samples = PairTable.Samples, maps = types.Length;
        var typeRows = new float[XsType.Count * samples * maps];
        for (int t = 0; t < XsType.Count; t++)
            for (int k = 0; k < maps; k++)
            {
                int row = XsType.PairIndex(types[k], t) * samples;
                for (int bin = 0; bin < samples; bin++) typeRows[(t * samples + bin) * maps + k] = table.Fast[row + bin];
            }
        return new GridMapInputs
        {
            Box = box, NX = nx, NY = ny, NZ = nz, Types = types, MapOffset = offset, RX = rx, RY = ry, RZ = rz, RType = rt,
            Cells = new CellList(rx, ry, rz, reach / 2), TypeRows = typeRows,
        };
    }
}
