using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;
using MolScreen.Docking.Typing;

namespace MolScreen.Kernels.Docking;

/// <summary>Host side of <see cref="GridMapKernel"/>: uploads the map inputs, launches one thread per lattice point, downloads.</summary>
public static class GpuGridMaps
{
    public static GridMaps Build(DockingAccelerator device, Receptor receptor, GridBox box, PairTable table, IEnumerable<int> ligandTypes)
    {
        var inp = GridMapInputs.Create(receptor, box, table, ligandTypes);
        var acc = device.Accelerator;
        int points = inp.PointsPerMap, maps = inp.Types.Length;
        var kernel = acc.LoadAutoGroupedStreamKernel<Index1D, MapLattice, CellGrid, ArrayView<int>, ArrayView<int>, ArrayView<float>,
            ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>>(GridMapKernel.Fill);
        // empty inputs still need a non-empty buffer to bind
        using var start = acc.Allocate1D(inp.Cells.CellStart);
        using var items = acc.Allocate1D(NonEmpty(inp.Cells.CellItems));
        using var rx = acc.Allocate1D(NonEmpty(inp.RX));
        using var ry = acc.Allocate1D(NonEmpty(inp.RY));
        using var rz = acc.Allocate1D(NonEmpty(inp.RZ));
        using var rt = acc.Allocate1D(NonEmpty(inp.RType));
        using var typeRows = acc.Allocate1D(NonEmpty(inp.TypeRows));
        using var data = acc.Allocate1D<float>(Math.Max(1L, (long)maps * points));
        data.MemSetToZero();
        var lat = new MapLattice(box.OriginX, box.OriginY, box.OriginZ, box.Spacing, inp.NY, inp.NZ, maps, points);
        if (maps > 0)
            kernel(points, lat, inp.Cells.Grid, start.View, items.View, rx.View, ry.View, rz.View, rt.View, typeRows.View, data.View);
        acc.Synchronize();
        var host = maps == 0 ? [] : data.GetAsArray1D();
        return new GridMaps { Box = box, NX = inp.NX, NY = inp.NY, NZ = inp.NZ, Data = host, MapOffset = inp.MapOffset };
    }

    static T[] NonEmpty<T>(T[] a) where T : unmanaged => a.Length > 0 ? a : new T[1];
}
