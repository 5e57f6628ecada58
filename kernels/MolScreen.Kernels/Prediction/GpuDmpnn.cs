using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace MolScreen.Kernels.Prediction;

/// <summary>One exported D-MPNN member as plain arrays; every weight matrix in libtorch's Linear layout [output][input].</summary>
public sealed record DmpnnArrays(int Hidden, int Depth, int Ffn, int Outputs, int AtomWidth, int EdgeWidth,
    float[] Wi, float[] Wm, float[] Wo, float[] Bo, float[] W1, float[] B1, float[] W2, float[] B2,
    float[] DescriptorMean, float[] DescriptorStd, float[] OutputMean, float[] OutputStd, int Kind);

/// <summary>
/// A batch of molecular graphs as the kernels read them: features row-major, directed edges with their source atom
/// and reverse edge, the edges entering each atom as a CSR list, and each molecule's contiguous atom range.
/// </summary>
public sealed record GraphArrays(int Molecules, int Atoms, int Edges, float[] AtomFeatures, float[] EdgeFeatures,
    int[] Source, int[] Reverse, int[] IncomingOffsets, int[] Incoming, int[] AtomOffsets, float[] Descriptors);

/// <summary>
/// Host side of <see cref="DmpnnKernels"/>: uploads the members once; each <see cref="Forward"/> uploads one graph
/// batch, queues every member and synchronises once. CUDA when a GPU is present; otherwise ILGPU's CPU accelerator,
/// which is for testing the kernels against the TorchSharp path (it is far slower than libtorch on the CPU).
/// </summary>
public sealed class GpuDmpnn : IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly List<(DmpnnArrays Net, MemoryBuffer1D<float, Stride1D.Dense>[] Buffers)> _members = [];
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, int, ArrayView<float>, ArrayView<float>> _edgeInput;
    private readonly Action<Index2D, ArrayView<int>, ArrayView<int>, ArrayView<float>, int, ArrayView<float>> _atomSum;
    private readonly Action<Index2D, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, ArrayView<float>> _step;
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>> _readout;
    private readonly Action<Index2D, ArrayView<int>, ArrayView<float>, int, ArrayView<float>> _mean;
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, ArrayView<float>> _ffn;
    private readonly Action<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>> _outputs;
    private readonly object _gate = new();

    public string Device => _accelerator.Name;
    public bool IsGpu => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <param name="preferGpu">false forces the CPU accelerator (tests)</param>
    public GpuDmpnn(IReadOnlyList<DmpnnArrays> members, bool preferGpu = true)
    {
        if (members.Count == 0) throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        foreach (var m in members) Validate(m);
        _context = Context.Create(b => b.Default().EnableAlgorithms());
        var cuda = preferGpu && _context.GetCudaDevices().Count > 0 ? _context.GetCudaDevices()[0] : null;
        _accelerator = cuda != null ? cuda.CreateAccelerator(_context) : _context.GetCPUDevice(0).CreateAccelerator(_context);
        foreach (var m in members)
            _members.Add((m, new[] { m.Wi, m.Wm, m.Wo, m.Bo, m.W1, m.B1, m.W2, m.B2, m.DescriptorMean, m.DescriptorStd, m.OutputMean, m.OutputStd }
                .Select(a => _accelerator.Allocate1D(a.Length > 0 ? a : [0f])).ToArray()));
        _edgeInput = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, int, ArrayView<float>, int, ArrayView<float>, ArrayView<float>>(DmpnnKernels.EdgeInput);
        _atomSum = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<int>, ArrayView<int>, ArrayView<float>, int, ArrayView<float>>(DmpnnKernels.AtomSum);
        _step = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, ArrayView<float>>(DmpnnKernels.MessageStep);
        _readout = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, int, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>>(DmpnnKernels.AtomReadout);
        _mean = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<int>, ArrayView<float>, int, ArrayView<float>>(DmpnnKernels.MoleculeMean);
        _ffn = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, ArrayView<float>>(DmpnnKernels.FeedForward);
        _outputs = _accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>>(DmpnnKernels.Outputs);
    }

    private static void Validate(DmpnnArrays m)
    {
        int nd = m.DescriptorMean.Length;
        foreach (var (name, actual, expected) in new[]
        {
            ("W_i", m.Wi.Length, m.Hidden * m.EdgeWidth), ("W_m", m.Wm.Length, m.Hidden * m.Hidden),
            ("W_o", m.Wo.Length, m.Hidden * (m.AtomWidth + m.Hidden)), ("b_o", m.Bo.Length, m.Hidden),
            ("W_1", m.W1.Length, m.Ffn * (m.Hidden + nd)), ("b_1", m.B1.Length, m.Ffn),
            ("W_2", m.W2.Length, m.Outputs * m.Ffn), ("b_2", m.B2.Length, m.Outputs),
            ("descriptor std", m.DescriptorStd.Length, nd), ("output mean", m.OutputMean.Length, m.Outputs), ("output std", m.OutputStd.Length, m.Outputs),
        })
            if (actual != expected) throw new ArgumentException($"D-MPNN member: {name} has {actual} values, the shape needs {expected}");
    }

    /// <summary>Per member, predictions row-major [molecule][output].</summary>
    public float[][] Forward(GraphArrays g)
    {
        Check(g);
        if (g.Molecules == 0) return _members.Select(_ => Array.Empty<float>()).ToArray();
        lock (_gate)
        {
            int widest = _members.Max(m => Math.Max(m.Net.Hidden, m.Net.Ffn));
            var buffers = new List<MemoryBuffer>();
            MemoryBuffer1D<T, Stride1D.Dense> Up<T>(T[] a) where T : unmanaged { var b = _accelerator.Allocate1D(a.Length > 0 ? a : new T[1]); buffers.Add(b); return b; }
            MemoryBuffer1D<float, Stride1D.Dense> Scratch(long n) { var b = _accelerator.Allocate1D<float>(Math.Max(1, n)); buffers.Add(b); return b; }
            try
            {
                var atoms = Up(g.AtomFeatures); var edges = Up(g.EdgeFeatures); var source = Up(g.Source); var reverse = Up(g.Reverse);
                var inOffsets = Up(g.IncomingOffsets); var incoming = Up(g.Incoming); var atomOffsets = Up(g.AtomOffsets); var desc = Up(g.Descriptors);
                var h0 = Scratch((long)g.Edges * widest); var ping = Scratch((long)g.Edges * widest); var pong = Scratch((long)g.Edges * widest);
                var sum = Scratch((long)g.Atoms * widest); var readout = Scratch((long)g.Atoms * widest);
                var molecule = Scratch((long)g.Molecules * widest); var z = Scratch((long)g.Molecules * widest);
                var results = _members.Select(m => Scratch((long)g.Molecules * m.Net.Outputs)).ToList();
                for (int k = 0; k < _members.Count; k++)
                {
                    var (n, w) = _members[k];
                    int hd = n.Hidden;
                    ArrayView<float> V(MemoryBuffer1D<float, Stride1D.Dense> b, long length) => b.View.AsContiguous().SubView(0, Math.Max(1, length));
                    var h = V(ping, (long)g.Edges * hd); var next = V(pong, (long)g.Edges * hd);
                    if (g.Edges > 0) _edgeInput(new Index2D(g.Edges, hd), edges.View, n.EdgeWidth, w[0].View, hd, V(h0, (long)g.Edges * hd), h);
                    for (int step = 0; step < n.Depth; step++)
                    {
                        _atomSum(new Index2D(g.Atoms, hd), inOffsets.View, incoming.View, h, hd, V(sum, (long)g.Atoms * hd));
                        if (g.Edges == 0) break;
                        _step(new Index2D(g.Edges, hd), source.View, reverse.View, V(sum, (long)g.Atoms * hd), h, V(h0, (long)g.Edges * hd), w[1].View, hd, next);
                        (h, next) = (next, h);
                    }
                    _atomSum(new Index2D(g.Atoms, hd), inOffsets.View, incoming.View, h, hd, V(sum, (long)g.Atoms * hd));
                    _readout(new Index2D(g.Atoms, hd), atoms.View, n.AtomWidth, V(sum, (long)g.Atoms * hd), hd, w[2].View, w[3].View, V(readout, (long)g.Atoms * hd));
                    _mean(new Index2D(g.Molecules, hd), atomOffsets.View, V(readout, (long)g.Atoms * hd), hd, V(molecule, (long)g.Molecules * hd));
                    _ffn(new Index2D(g.Molecules, n.Ffn), V(molecule, (long)g.Molecules * hd), hd, desc.View, V(w[8], n.DescriptorMean.Length), V(w[9], n.DescriptorStd.Length),
                        w[4].View, w[5].View, n.Ffn, V(z, (long)g.Molecules * n.Ffn));
                    _outputs(new Index2D(g.Molecules, n.Outputs), V(z, (long)g.Molecules * n.Ffn), n.Ffn, w[6].View, w[7].View, n.Kind, w[10].View, w[11].View, results[k].View);
                }
                _accelerator.Synchronize();
                return results.Select((r, k) => { var o = new float[g.Molecules * _members[k].Net.Outputs]; r.View.SubView(0, o.Length).CopyToCPU(o); return o; }).ToArray();
            }
            finally
            {
                foreach (var b in buffers) b.Dispose();
            }
        }
    }

    private void Check(GraphArrays g)
    {
        var n = _members[0].Net;
        if (g.AtomFeatures.Length != (long)g.Atoms * n.AtomWidth || g.EdgeFeatures.Length != (long)g.Edges * n.EdgeWidth)
            throw new ArgumentException($"graph batch: feature arrays do not match {g.Atoms} atoms × {n.AtomWidth} and {g.Edges} edges × {n.EdgeWidth}");
        if (g.Source.Length != g.Edges || g.Reverse.Length != g.Edges || g.Incoming.Length != g.Edges || g.IncomingOffsets.Length != g.Atoms + 1
            || g.AtomOffsets.Length != g.Molecules + 1 || g.Descriptors.Length != (long)g.Molecules * n.DescriptorMean.Length)
            throw new ArgumentException("graph batch: index arrays do not match its atom, edge and molecule counts");
        // Out-of-range indices would read other rows' memory on a GPU instead of throwing: refuse them here.
        if (g.Source.Any(a => (uint)a >= (uint)g.Atoms) || g.Reverse.Any(e => (uint)e >= (uint)g.Edges) || g.Incoming.Any(e => (uint)e >= (uint)g.Edges)
            || g.IncomingOffsets[0] != 0 || g.IncomingOffsets[^1] != g.Edges || g.AtomOffsets[0] != 0 || g.AtomOffsets[^1] != g.Atoms
            || !Ascending(g.IncomingOffsets) || !Ascending(g.AtomOffsets))
            throw new ArgumentException("graph batch: an index is out of range or the CSR offsets are not ascending");
    }

    private static bool Ascending(int[] v)
    {
        for (int i = 1; i < v.Length; i++) if (v[i] < v[i - 1]) return false;
        return true;
    }

    public void Dispose()
    {
        foreach (var (_, buffers) in _members) foreach (var b in buffers) b.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
