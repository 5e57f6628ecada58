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
/// <remarks>
/// Device buffers for inputs, activations and outputs are kept between batches and only grown: allocating and
/// freeing them per layer and member (as the first version did) cost more than the kernels on an H100. All members
/// are queued before one synchronisation. Calls are serialised, since predict shards may share one instance.
/// </remarks>
public sealed class GpuMlp : IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly List<Member> _members = [];
    private readonly Action<Index2D, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, ArrayView<float>> _first;
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, int, ArrayView<float>> _dense;
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>> _outputs;
    private readonly int _bitCount, _widest, _outputWidth;
    private readonly object _gate = new();
    private MemoryBuffer1D<int, Stride1D.Dense>? _offsets, _bits;
    private MemoryBuffer1D<float, Stride1D.Dense>? _descriptors, _ping, _pong, _results;
    private long _compoundCapacity, _bitCapacity;

    public string Device => _accelerator.Name;
    public bool IsGpu => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    private sealed record Member(MlpArrays Net, MemoryBuffer1D<float, Stride1D.Dense>[] W, MemoryBuffer1D<float, Stride1D.Dense>[] B,
        MemoryBuffer1D<float, Stride1D.Dense> DMean, MemoryBuffer1D<float, Stride1D.Dense> DStd,
        MemoryBuffer1D<float, Stride1D.Dense> OMean, MemoryBuffer1D<float, Stride1D.Dense> OStd);

    /// <param name="bitCount">fingerprint bits (the first layer's rows before the descriptor rows)</param>
    /// <param name="preferGpu">false forces the CPU accelerator (tests)</param>
    public GpuMlp(IReadOnlyList<MlpArrays> members, int bitCount, bool preferGpu = true)
    {
        if (members.Count == 0) throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        _bitCount = bitCount;
        _widest = members.Max(m => m.Dims.Skip(1).Max());
        _outputWidth = members.Sum(m => m.Dims[^1]);
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
    /// <param name="bits">set fingerprint bits, ascending per compound; only the first offsets[count] are read</param>
    /// <param name="descriptors">count × descriptors raw values</param>
    public float[][] Forward(int[] offsets, int[] bits, float[] descriptors, int count)
    {
        if (offsets.Length != count + 1) throw new ArgumentException($"{count} compounds need {count + 1} offsets, got {offsets.Length}");
        if (count == 0) return _members.Select(_ => Array.Empty<float>()).ToArray();
        int nd = _members[0].Net.DescriptorMean.Length, setBits = offsets[count];
        if (setBits > bits.Length) throw new ArgumentException($"offsets end at {setBits} but only {bits.Length} bits were given");
        if (descriptors.Length < (long)count * nd) throw new ArgumentException($"{count} compounds need {count * nd} descriptor values, got {descriptors.Length}");
        lock (_gate)
        {
            Reserve(count, setBits, nd);
            Slice(_offsets!, 0, count + 1).CopyFromCPU(offsets.AsSpan(0, count + 1));
            if (setBits > 0) Slice(_bits!, 0, setBits).CopyFromCPU(bits.AsSpan(0, setBits));
            if (nd > 0) Slice(_descriptors!, 0, (long)count * nd).CopyFromCPU(descriptors.AsSpan(0, count * nd));
            long at = 0;
            var placed = new long[_members.Count];
            for (int k = 0; k < _members.Count; k++)
            {
                placed[k] = at;
                Enqueue(_members[k], count, Slice(_results!, at, (long)count * _members[k].Net.Dims[^1]));
                at += (long)count * _members[k].Net.Dims[^1];
            }
            _accelerator.Synchronize();
            var result = new float[_members.Count][];
            for (int k = 0; k < _members.Count; k++)
            {
                result[k] = new float[count * _members[k].Net.Dims[^1]];
                Slice(_results!, placed[k], result[k].Length).CopyToCPU(result[k]);
            }
            return result;
        }
    }

    /// <summary>Queues one member's layers; activations alternate between two buffers sized for the widest layer.</summary>
    private void Enqueue(Member m, int count, ArrayView<float> output)
    {
        var dims = m.Net.Dims;
        var cur = Slice(_ping!, 0, (long)count * dims[1]);
        _first(new Index2D(count, dims[1]), _offsets!.View, _bits!.View, _descriptors!.View, m.DMean.View, m.DStd.View, m.W[0].View, m.B[0].View, _bitCount, dims[1], cur);
        bool inPing = true;
        for (int l = 1; l < dims.Length - 1; l++)
        {
            var next = Slice(inPing ? _pong! : _ping!, 0, (long)count * dims[l + 1]);
            _dense(new Index2D(count, dims[l + 1]), cur, dims[l], m.W[l].View, m.B[l].View, dims[l + 1], next);
            cur = next;
            inPing = !inPing;
        }
        _outputs(new Index2D(count, dims[^1]), cur, m.Net.Kind, m.OMean.View, m.OStd.View, output);
    }

    /// <summary>Grows the batch buffers (by at least half again, so a run of slightly larger batches does not reallocate each time).</summary>
    private void Reserve(int count, int setBits, int nd)
    {
        if (count > _compoundCapacity)
        {
            long capacity = Math.Max(count, _compoundCapacity * 3 / 2);
            foreach (var b in new MemoryBuffer?[] { _offsets, _descriptors, _ping, _pong, _results }) b?.Dispose();
            _offsets = _accelerator.Allocate1D<int>(capacity + 1);
            _descriptors = _accelerator.Allocate1D<float>(Math.Max(1, capacity * nd));
            _ping = _accelerator.Allocate1D<float>(capacity * _widest);
            _pong = _accelerator.Allocate1D<float>(capacity * _widest);
            _results = _accelerator.Allocate1D<float>(capacity * _outputWidth);
            _compoundCapacity = capacity;
        }
        if (setBits > _bitCapacity || _bits == null)
        {
            long capacity = Math.Max(Math.Max(1, setBits), _bitCapacity * 3 / 2);
            _bits?.Dispose();
            _bits = _accelerator.Allocate1D<int>(capacity);
            _bitCapacity = capacity;
        }
    }

    private static ArrayView<T> Slice<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer, long at, long length) where T : unmanaged =>
        buffer.View.AsContiguous().SubView(at, length);

    public void Dispose()
    {
        foreach (var m in _members)
        {
            foreach (var b in m.W.Concat(m.B).Append(m.DMean).Append(m.DStd).Append(m.OMean).Append(m.OStd)) b.Dispose();
        }
        foreach (var b in new MemoryBuffer?[] { _offsets, _bits, _descriptors, _ping, _pong, _results }) b?.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
