using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace MolScreen.Kernels.Docking;

/// <summary>
/// The ILGPU context and accelerator the docking kernels run on: the first CUDA device when present and wanted, otherwise
/// ILGPU's CPU accelerator (an emulator, used to test the kernels; the real CPU path is the managed code).
/// </summary>
public sealed class DockingAccelerator : IDisposable
{
    public Context Context { get; }
    public Accelerator Accelerator { get; }
    public string Device => Accelerator.Name;
    public bool IsGpu => Accelerator.AcceleratorType == AcceleratorType.Cuda;

    public DockingAccelerator(bool preferGpu = true)
    {
        Context = Context.Create(b => b.Default().EnableAlgorithms());
        var cuda = Context.GetCudaDevices();
        Accelerator = preferGpu && cuda.Count > 0 ? cuda[0].CreateAccelerator(Context) : Context.GetCPUDevice(0).CreateAccelerator(Context);
    }

    /// <summary>True when a CUDA device is visible (what `--device auto` resolves to).</summary>
    public static bool CudaAvailable()
    {
        using var ctx = Context.Create(b => b.Cuda());
        return ctx.GetCudaDevices().Count > 0;
    }

    /// <summary>Device memory still free (bytes); the CPU accelerator reports its nominal size, so cap what callers use.</summary>
    public long FreeMemory => Accelerator is CudaAccelerator c ? c.GetFreeMemory() : Accelerator.MemorySize;

    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }
}
