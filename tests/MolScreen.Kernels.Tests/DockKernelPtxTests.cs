using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using MolScreen.Kernels.Docking;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// Both docking kernels go through ILGPU's PTX backend (no GPU needed): the CPU accelerator runs the .NET code as is, so a
/// construct the CUDA backend refuses would otherwise only show on a device machine. The group kernel's PTX must hold
/// its barriers (bar.sync).
/// </summary>
public sealed class DockKernelPtxTests
{
    static string Ptx(EntryPointDescription entry)
    {
        using var context = Context.Create(b => b.Default().EnableAlgorithms());
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90,
            CudaInstructionSet.ISA_80, null);
        var specialization = KernelSpecialization.Empty;
        return ((PTXCompiledKernel)backend.Compile(entry, specialization)).PTXAssembly;
    }

    [Fact]
    public void Group_kernel_compiles_for_cuda_with_its_barriers()
    {
        string ptx = Ptx(EntryPointDescription.FromExplicitlyGroupedKernel(typeof(DockGroupKernel).GetMethod(nameof(DockGroupKernel.Run))!));
        Assert.Contains("bar.sync", ptx);
    }

    [Fact]
    public void Thread_kernel_compiles_for_cuda()
    {
        string ptx = Ptx(EntryPointDescription.FromImplicitlyGroupedKernel(typeof(DockKernel).GetMethod(nameof(DockKernel.Run))!));
        Assert.DoesNotContain("bar.sync", ptx);
    }
}
