using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;

namespace MolScreen.Kernels.Docking;

/// <summary>Grid maps and the scoring tables uploaded once per receptor/box and shared by every batch.</summary>
public sealed class DeviceMaps : IDisposable
{
    readonly MemoryBuffer1D<float, Stride1D.Dense> _data, _energyDor;
    readonly MemoryBuffer1D<int, Stride1D.Dense> _offset;

    public GridMaps Host { get; }
    public ScoringWeights Weights { get; }
    public MapsView View { get; }

    public DeviceMaps(Accelerator acc, GridMaps maps, PairTable table)
    {
        Host = maps;
        Weights = table.Weights;
        _data = acc.Allocate1D(maps.Data.Length > 0 ? maps.Data : new float[1]);
        _offset = acc.Allocate1D(maps.MapOffset);
        _energyDor = acc.Allocate1D(table.EnergyDor);
        View = new MapsView(_data.View, _offset.View, maps.Geometry, _energyDor.View);
    }

    public long Bytes => 4L * (_data.Length + _offset.Length + _energyDor.Length);

    public void Dispose()
    {
        _data.Dispose(); _offset.Dispose(); _energyDor.Dispose();
    }
}

/// <summary>Device views of <see cref="DeviceMaps"/> as one kernel argument.</summary>
public readonly struct MapsView(ArrayView<float> data, ArrayView<int> offset, MapGeometry geometry, ArrayView<float> energyDor)
{
    public readonly ArrayView<float> Data = data;
    public readonly ArrayView<int> Offset = offset;
    public readonly MapGeometry Geometry = geometry;
    /// <summary>The pair table's interleaved energy and dor samples (<see cref="PairTable.EnergyDor"/>).</summary>
    public readonly ArrayView<float> EnergyDor = energyDor;
}
