using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace MolScreen.Kernels.Prediction;

/// <summary>One exported network as the kernels need it (plain arrays; weights [input][output] per layer).</summary>
public sealed record MlpArrays(int[] Dims, float[][] Weights, float[][] Biases, float[] DescriptorMean, float[] DescriptorStd,
    float[] OutputMean, float[] OutputStd, int Kind);

/// <summary>
/// Host side of the property-network kernels: uploads the ensemble members once, then runs batches.
/// CUDA when a GPU is present; otherwise ILGPU's CPU accelerator, which is for testing the kernels only
/// (the CPU path in MolScreen.Prediction is much faster than the emulator).
/// </summary>
public sealed class GpuMlp : IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly List<Member> _members = [];
    private readonly Action<Index2D, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, ArrayView<float>> _first;
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, int, ArrayView<float>> _dense;
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>> _outputs;
    private readonly int _bitCount;

    public string Device => _accelerator.Name;
    public bool IsGpu => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    private sealed record Member(MlpArrays Net, MemoryBuffer1D<float, Stride1D.Dense>[] W, MemoryBuffer1D<float, Stride1D.Dense>[] B,
        MemoryBuffer1D<float, Stride1D.Dense> DMean, MemoryBuffer1D<float, Stride1D.Dense> DStd,
        MemoryBuffer1D<float, Stride1D.Dense> OMean, MemoryBuffer1D<float, Stride1D.Dense> OStd);

    /// <param name="bitCount">fingerprint bits (the first layer's rows before the descriptor rows)</param>
    /// <param name="preferGpu">false forces the CPU accelerator (tests)</param>
    public GpuMlp(IReadOnlyList<MlpArrays> members, int bitCount, bool preferGpu = true)
    {
        _bitCount = bitCount;
        _context = Context.Create(b => b.Default().EnableAlgorithms());
        var cuda = preferGpu && _context.GetCudaDevices().Count > 0 ? _context.GetCudaDevices()[0] : null;
        _accelerator = cuda != null ? cuda.CreateAccelerator(_context) : _context.GetCPUDevice(0).CreateAccelerator(_context);
        foreach (var m in members)
            _members.Add(new Member(m, m.Weights.Select(w => _accelerator.Allocate1D(w)).ToArray(), m.Biases.Select(b => _accelerator.Allocate1D(b)).ToArray(),
                _accelerator.Allocate1D(m.DescriptorMean), _accelerator.Allocate1D(m.DescriptorStd),
                _accelerator.Allocate1D(m.OutputMean), _accelerator.Allocate1D(m.OutputStd)));
        _first = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, ArrayView<float>>(MlpKernels.FirstLayer);
        _dense = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, int, ArrayView<float>>(MlpKernels.DenseLayer);
        _outputs = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>>(MlpKernels.Outputs);
    }

    /// <summary>Each member's predictions for a batch of <paramref name="count"/> compounds, row-major [compound][output].</summary>
    /// <param name="offsets">count + 1 offsets into <paramref name="bits"/></param>
    /// <param name="descriptors">count × descriptors raw values</param>
    public float[][] Forward(int[] offsets, int[] bits, float[] descriptors, int count)
    {
        if (offsets.Length != count + 1) throw new ArgumentException($"{count} compounds need {count + 1} offsets, got {offsets.Length}");
        if (count == 0) return _members.Select(_ => Array.Empty<float>()).ToArray();
        using var dOffsets = _accelerator.Allocate1D(offsets);
        using var dBits = _accelerator.Allocate1D(bits.Length == 0 ? new int[1] : bits);
        using var dDesc = _accelerator.Allocate1D(descriptors.Length == 0 ? new float[1] : descriptors);
        var result = new float[_members.Count][];
        for (int k = 0; k < _members.Count; k++)
        {
            var m = _members[k];
            var dims = m.Net.Dims;
            var layers = new List<MemoryBuffer1D<float, Stride1D.Dense>>();
            try
            {
                var cur = _accelerator.Allocate1D<float>((long)count * dims[1]);
                layers.Add(cur);
                _first(new Index2D(count, dims[1]), dOffsets.View, dBits.View, dDesc.View, m.DMean.View, m.DStd.View, m.W[0].View, m.B[0].View, _bitCount, dims[1], cur.View);
                for (int l = 1; l < dims.Length - 1; l++)
                {
                    var next = _accelerator.Allocate1D<float>((long)count * dims[l + 1]);
                    layers.Add(next);
                    _dense(new Index2D(count, dims[l + 1]), cur.View, dims[l], m.W[l].View, m.B[l].View, dims[l + 1], next.View);
                    cur = next;
                }
                var outputs = _accelerator.Allocate1D<float>((long)count * dims[^1]);
                layers.Add(outputs);
                _outputs(new Index2D(count, dims[^1]), cur.View, m.Net.Kind, m.OMean.View, m.OStd.View, outputs.View);
                _accelerator.Synchronize();
                result[k] = outputs.GetAsArray1D();
            }
            finally { foreach (var b in layers) b.Dispose(); }
        }
        return result;
    }

    public void Dispose()
    {
        foreach (var m in _members)
        {
            foreach (var b in m.W.Concat(m.B).Append(m.DMean).Append(m.DStd).Append(m.OMean).Append(m.OStd)) b.Dispose();
        }
        _accelerator.Dispose();
        _context.Dispose();
    }
}
