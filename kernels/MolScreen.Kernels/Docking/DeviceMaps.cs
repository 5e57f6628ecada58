using ILGPU;
using ILGPU.Runtime;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;

namespace MolScreen.Kernels.Docking;

/// <summary>Grid maps and the scoring tables uploaded once per receptor/box and shared by every batch.</summary>
public sealed class DeviceMaps : IDisposable
{
    readonly MemoryBuffer1D<float, Stride1D.Dense> _data, _energy, _dor;
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
        _energy = acc.Allocate1D(table.Energy);
        _dor = acc.Allocate1D(table.Dor);
        View = new MapsView(_data.View, _offset.View, maps.Geometry, _energy.View, _dor.View);
    }

    public long Bytes => 4L * (_data.Length + _offset.Length + _energy.Length + _dor.Length);

    public void Dispose()
    {
        _data.Dispose(); _offset.Dispose(); _energy.Dispose(); _dor.Dispose();
    }
}

/// <summary>Device views of <see cref="DeviceMaps"/> as one kernel argument.</summary>
public readonly struct MapsView(ArrayView<float> data, ArrayView<int> offset, MapGeometry geometry, ArrayView<float> energy, ArrayView<float> dor)
{
    public readonly ArrayView<float> Data = data;
    public readonly ArrayView<int> Offset = offset;
    public readonly MapGeometry Geometry = geometry;
    public readonly ArrayView<float> Energy = energy, Dor = dor;
}
