using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;
using Xunit.Abstractions;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// The grid-map kernel on ILGPU's CPU accelerator against the CPU build (GridMaps.Build) on one small complex: a 6 Å box
/// (17³ points, every map type of the ligand) is enough to cover clashes, h-bond and hydrophobic regions while keeping the
/// emulator run to seconds. Both run GridPoint.Accumulate in the same order, so on the CPU accelerator they must agree
/// exactly (the published "max |Δ| 0"); on CUDA, device rounding makes them differ, which the GPU bench reports.
/// </summary>
public sealed class GpuGridMapTests(ITestOutputHelper log)
{
    [SharedDataFact]
    public void Kernel_maps_equal_the_cpu_maps()
    {
        string dir = SharedData.Require("adgpu-set42", "1ac8");
        var receptor = ReceptorReader.Read(Path.Combine(dir, "protein.pdbqt"));
        var lig = LigandReader.Read(Path.Combine(dir, "flex-xray.pdbqt"));
        var box = GridBox.FromLigand(lig, padding: 0, minSide: 6f) with { SizeX = 6, SizeY = 6, SizeZ = 6 };
        var table = new PairTable(ScoringWeights.Vina);
        var cpu = GridMaps.Build(receptor, box, table, lig.Xs);
        using var device = new DockingAccelerator(preferGpu: false);
        Assert.False(device.IsGpu);
        var gpu = GpuGridMaps.Build(device, receptor, box, table, lig.Xs);

        Assert.Equal((cpu.NX, cpu.NY, cpu.NZ), (gpu.NX, gpu.NY, gpu.NZ));
        Assert.Equal(cpu.MapOffset, gpu.MapOffset);
        Assert.Equal(cpu.Data.Length, gpu.Data.Length);
        Assert.True(cpu.Data.Length >= 2 * 17 * 17 * 17, $"expected several maps, got {cpu.Data.Length} values");
        float worst = 0;
        for (int i = 0; i < cpu.Data.Length; i++) worst = MathF.Max(worst, MathF.Abs(cpu.Data[i] - gpu.Data[i]));
        log.WriteLine($"{cpu.Data.Length} map values, max |cpu − kernel| = {worst:E2}; range {cpu.Data.Min():F2} … {cpu.Data.Max():F2}");
        Assert.True(worst == 0f, $"max difference {worst}");
        // the box holds both attractive and repulsive points, so the comparison is not between two near-zero maps
        Assert.True(cpu.Data.Min() < -0.1f && cpu.Data.Max() > 1f);
    }
}
