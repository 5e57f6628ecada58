using MolScreen.Docking;
using MolScreen.Docking.Grid;
using MolScreen.Docking.Scoring;
using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;
using MolScreen.Kernels.Docking;
using Xunit.Abstractions;

namespace MolScreen.Kernels.Tests;

/// <summary>
/// The lane-group docking kernel (<see cref="DockGroupKernel"/>, G lanes per chain) on ILGPU's CPU accelerator against the
/// CPU engine, as <see cref="GpuDockerTests"/> checks the thread-per-chain kernel but bit for bit: the group's evaluations
/// are the CPU's to the last bit (<see cref="GroupObjectiveTests"/>), so a chain's minima, evaluation count and the
/// reported poses must be identical, not merely close. Also: batches are sized for G copies of a chain's state.
/// </summary>
public sealed class GroupDockerTests(ITestOutputHelper log)
{
    static (Receptor Receptor, LigandModel[] Ligands, GridBox Box) Complex()
    {
        string dir = SharedData.Require("adgpu-set42", "1p62");
        var ligands = new[]
        {
            LigandReader.Read(Path.Combine(dir, "flex-xray.pdbqt")),
            LigandReader.Read(SharedData.Require("adgpu-set42", "1owe", "flex-xray.pdbqt")),
        };
        var box = GridBox.FromLigand(ligands[0], padding: 0, minSide: 12f) with { SizeX = 12, SizeY = 12, SizeZ = 12 };
        return (ReceptorReader.Read(Path.Combine(dir, "protein.pdbqt")), ligands, box);
    }

    [SharedDataTheory]
    [InlineData(2)]
    [InlineData(4)]
    public void Group_chains_are_the_cpu_chains_bit_for_bit(int lanes)
    {
        var (receptor, ligands, box) = Complex();
        foreach (var l in ligands) log.WriteLine($"{l.Name}: {l.AtomCount} atoms, {l.PairA.Length} pairs");
        Assert.Contains(ligands, l => l.AtomCount % lanes != 0 || l.PairA.Length % lanes != 0);
        var table = new PairTable(ScoringWeights.Vina);
        var maps = GridMaps.Build(receptor, box, table, ligands.SelectMany(l => l.Xs));
        // quick mode: the history and the patience stop run too
        var options = new DockingOptions { Exhaustiveness = 2, Seed = 7, Mode = SearchMode.Quick, Steps = 12 };

        using var device = new DockingAccelerator(preferGpu: false);
        using var dmaps = new DeviceMaps(device.Accelerator, maps, table);
        var docker = new GpuDocker(device, dmaps, lanes);
        Assert.Equal(lanes, docker.LanesPerChain);
        var gpu = docker.Run(ligands, options);

        int compared = 0;
        for (int l = 0; l < ligands.Length; l++)
        {
            var kin = new LigandKinematics(ligands[l]);
            var energy = new PoseEnergy(ligands[l], kin, maps, table);
            int cpuEvals = 0;
            for (int c = 0; c < options.Exhaustiveness; c++)
            {
                var chain = new MonteCarloChain(energy, LigandBatch.HeavyAtoms(ligands[l]));
                var cpu = chain.Run(options.Seed, c, options.Steps!.Value, DockingEngine.LocalSteps(ligands[l]),
                    DockingEngine.PatienceSteps(options.Steps.Value, options), options.MinRmsd, options.NumPoses, options.SkipVisited);
                cpuEvals += chain.Evaluations;
                var g = gpu[l].PerChain[c];
                Assert.Equal(cpu.Count, g.Count);
                for (int k = 0; k < cpu.Count; k++)
                {
                    Assert.Equal(Bits(cpu[k].Energy), Bits(g[k].Energy));
                    Assert.Equal(cpu[k].Conf.Select(Bits), g[k].Conf.Select(Bits));
                    Assert.Equal(cpu[k].Heavy.Select(Bits), g[k].Heavy.Select(Bits));
                    compared++;
                }
            }
            Assert.Equal(cpuEvals, gpu[l].Evaluations);
            log.WriteLine($"{ligands[l].Name}: best {gpu[l].PerChain.Min(p => p[0].Energy):F3}, {gpu[l].Evaluations} evaluations");
        }
        Assert.True(compared >= 4, $"{compared} minima compared");
    }

    [SharedDataFact]
    public void Group_chains_report_the_cpu_engine_poses()
    {
        var (receptor, ligands, box) = Complex();
        var engine = new DockingEngine(receptor, box, ScoringWeights.Vina);
        var options = new DockingOptions { Exhaustiveness = 2, Seed = 3, Steps = 6 };
        var lig = ligands[0];

        using var device = new DockingAccelerator(preferGpu: false);
        using var dmaps = new DeviceMaps(device.Accelerator, engine.MapsFor([lig]), engine.Tables.Weighted);
        var chains = new GpuDocker(device, dmaps, lanesPerChain: 4).Run([lig], options)[0];
        var got = engine.Finish(lig, chains.PerChain, chains.Evaluations, options, 0);
        var cpu = engine.Dock(lig, options);

        DockingFixture.AssertSamePoses(cpu, got);
    }

    [SharedDataFact]
    public void Batches_are_sized_for_every_lane_of_a_chain()
    {
        var lig = Complex().Ligands[0];
        int atoms = lig.AtomCount, frames = lig.FrameCount, heavy = lig.HeavyAtomCount, pairs = lig.PairA.Length;
        long one = GpuDocker.BytesPerChain(atoms, frames, heavy, pairs, 9, false, 1);
        long four = GpuDocker.BytesPerChain(atoms, frames, heavy, pairs, 9, false, 4);
        // the chain's record and best-minimum window are one per chain, not per lane
        long perChain = 4L * ChainRecords.BestStride(frames, heavy) + System.Runtime.CompilerServices.Unsafe.SizeOf<ChainRecord>();
        Assert.Equal(4 * (one - perChain) + 4L * (4 * atoms + 5 * pairs) + perChain, four);

        var options = new DockingOptions { Exhaustiveness = 2, NumPoses = 9 };
        var ligands = Enumerable.Repeat(lig, 8).ToList();
        long budget = 2 * options.Exhaustiveness * four; // two ligands' chains at four lanes
        var grouped = GpuDocker.PlanBatches(ligands, options, budget, 4);
        Assert.Equal([2, 2, 2, 2], grouped.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 8), grouped.SelectMany(b => b).Order());
        Assert.Single(GpuDocker.PlanBatches(ligands, options, budget, 1)); // the thread kernel fits all eight in the same bytes
    }

    static int Bits(float v) => BitConverter.SingleToInt32Bits(v);
}
