using MolScreen.Docking;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Stage;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// The user-facing lanes setting (<see cref="DockingOptions.GpuLanes"/>, `--gpu-lanes`, the dock stage's `gpu_lanes`):
/// one rule for what is allowed, and the value reaches the docker without changing the results.
/// </summary>
public sealed class GpuLanesOptionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(64)]
    [InlineData(-2)]
    public void Invalid_lanes_are_a_clear_error_in_options_and_the_stage_parameter(int lanes)
    {
        var e = Assert.Throws<DockingException>(() => new DockingOptions { GpuLanes = lanes }.Validate());
        Assert.Contains($"gpu lanes {lanes}: expected a power of two from 1 to 32", e.Message);

        var spec = new DockStage().Parameters.Single(p => p.Name == "gpu_lanes");
        Assert.Null(spec.Parse(lanes.ToString(System.Globalization.CultureInfo.InvariantCulture), out var error));
        Assert.NotNull(error);
        Assert.StartsWith("parameter 'gpu_lanes': ", error);
    }

    [Fact]
    public void Powers_of_two_up_to_a_warp_are_accepted()
    {
        var spec = new DockStage().Parameters.Single(p => p.Name == "gpu_lanes");
        Assert.Null(spec.Default);
        foreach (int g in new[] { 1, 2, 4, 8, 16, 32 })
        {
            new DockingOptions { GpuLanes = g }.Validate();
            Assert.Equal((long)g, spec.Parse(g.ToString(System.Globalization.CultureInfo.InvariantCulture), out var error));
            Assert.Null(error);
        }
        new DockingOptions { GpuLanes = null }.Validate();
    }

    [SharedDataFact]
    public void Session_runs_the_lanes_asked_for_and_reports_the_cpu_engine_poses()
    {
        var (engine, lig, options) = DockingFixture.Small1p62();
        var cpu = engine.Dock(lig, options);

        using var session = GpuDockingSession.Open("ilgpu-cpu")!;
        foreach (int? lanes in new int?[] { 2, 1, null })
        {
            var got = session.Dock(engine, [lig], options with { GpuLanes = lanes }).Single().Result!;
            Assert.Equal(lanes ?? 1, session.LanesPerChain); // the CPU accelerator's default is the thread kernel
            DockingFixture.AssertSamePoses(cpu, got);
        }
    }
}
