using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using MolScreen.Chemistry.Fingerprints;

namespace MolScreen.Kernels.Similarity;

/// <summary>
/// Host side of the bulk Tanimoto kernel. Uses CUDA when a GPU is present; otherwise ILGPU's CPU
/// accelerator, which is only for testing the kernel (the CPU path is <see cref="Tanimoto.Bulk"/>,
/// 6–10× faster than the emulator). The library is uploaded once and queried many times.
/// </summary>
public sealed class GpuTanimoto : IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly MemoryBuffer1D<ulong, Stride1D.Dense> _library;
    private readonly MemoryBuffer1D<ulong, Stride1D.Dense> _query;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _similarities;
    private readonly Action<Index1D, ArrayView<ulong>, ArrayView<ulong>, int, ArrayView<float>> _kernel;

    public int Count { get; }
    public string Device => _accelerator.Name;
    public bool IsGpu => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <param name="fingerprints">N packed 256-byte fingerprints, contiguous</param>
    /// <param name="preferGpu">false forces the CPU accelerator (tests)</param>
    public GpuTanimoto(ReadOnlySpan<byte> fingerprints, bool preferGpu = true)
    {
        if (fingerprints.Length % Tanimoto.FingerprintBytes != 0)
            throw new ArgumentException($"library length {fingerprints.Length} is not a multiple of {Tanimoto.FingerprintBytes} bytes");
        Count = fingerprints.Length / Tanimoto.FingerprintBytes;
        _context = Context.Create(b => b.Default().EnableAlgorithms());
        var cudaDevices = _context.GetCudaDevices();
        var cuda = preferGpu && cudaDevices.Count > 0 ? cudaDevices[0] : null;
        _accelerator = cuda != null ? cuda.CreateAccelerator(_context) : _context.GetCPUDevice(0).CreateAccelerator(_context);
        _library = _accelerator.Allocate1D(Count == 0 ? new ulong[TanimotoKernels.Words] : MemoryMarshal.Cast<byte, ulong>(fingerprints).ToArray());
        _query = _accelerator.Allocate1D<ulong>(TanimotoKernels.Words);
        _similarities = _accelerator.Allocate1D<float>(Math.Max(1, Count));
        _kernel = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<ulong>, ArrayView<ulong>, int, ArrayView<float>>(TanimotoKernels.Bulk);
    }

    /// <summary>Similarity of the query to every library fingerprint, in library order.</summary>
    public float[] Bulk(ReadOnlySpan<byte> query)
    {
        if (query.Length != Tanimoto.FingerprintBytes) throw new ArgumentException($"query must be {Tanimoto.FingerprintBytes} bytes");
        if (Count == 0) return [];
        _query.CopyFromCPU(MemoryMarshal.Cast<byte, ulong>(query).ToArray());
        _kernel(Count, _query.View, _library.View, Tanimoto.PopCount(query), _similarities.View);
        _accelerator.Synchronize();
        return _similarities.GetAsArray1D()[..Count];
    }

    public void Dispose()
    {
        _similarities.Dispose();
        _query.Dispose();
        _library.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
